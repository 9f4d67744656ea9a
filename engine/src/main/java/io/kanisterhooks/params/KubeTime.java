package io.kanisterhooks.params;

import io.kanisterhooks.golang.value.GoStruct;
import io.kanisterhooks.golang.value.GoType;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * {@code metav1.Time}: marshals to {@code null} when zero (hence {@code "creationTimestamp":null} in Secret JSON) and
 * to RFC 3339 otherwise; prints like Go's {@code time.Time.String()} in UTC, the zone Kanister's controller runs in.
 * The instant is held as RFC 3339 text in an unexported field, invisible to templates as Go's internals are.
 */
final class KubeTime {

    private static final String FIELD = "rfc3339";
    private static final DateTimeFormatter GO_STRING = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    static final GoType TYPE = GoType.struct("v1.Time")
            .field(FIELD, GoType.STRING)
            .build()
            .defineMethod("MarshalJSON", "func() ([]byte, error)", (receiver, args) -> marshalJson(receiver))
            .defineMethod("String", "func() string", (receiver, args) -> goString(receiver));

    private KubeTime() {
    }

    /** The value for an RFC 3339 timestamp as the API server sends it; null or "" gives the zero time. */
    static GoStruct of(String rfc3339) {
        return GoStruct.zero(TYPE).set(FIELD, rfc3339 == null ? "" : rfc3339);
    }

    private static String text(Object receiver) {
        return (String) ((GoStruct) receiver).field(FIELD);
    }

    private static byte[] marshalJson(Object receiver) {
        String t = text(receiver);
        String json = t.isEmpty() ? "null" : "\"" + OffsetDateTime.parse(t).withOffsetSameInstant(ZoneOffset.UTC)
                .withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME).replace("+00:00", "Z") + "\"";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static String goString(Object receiver) {
        String t = text(receiver);
        if (t.isEmpty()) {
            return "0001-01-01 00:00:00 +0000 UTC";
        }
        return OffsetDateTime.parse(t).withOffsetSameInstant(ZoneOffset.UTC).format(GO_STRING) + " +0000 UTC";
    }
}
