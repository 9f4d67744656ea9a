package io.kanisterhooks.cluster.kubelet;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** The options of a {@code /containerLogs} request, as {@code kubectl logs} and the API server send them. */
public record LogQuery(boolean follow, Integer tailLines, Instant since, boolean timestamps, Long limitBytes,
        boolean previous) {

    public static LogQuery parse(Map<String, List<String>> query, Instant now) {
        Instant since = null;
        String sinceTime = first(query, "sinceTime");
        if (sinceTime != null) {
            try {
                since = OffsetDateTime.parse(sinceTime).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("sinceTime is not an RFC 3339 time: " + sinceTime);
            }
        }
        Long sinceSeconds = number(query, "sinceSeconds");
        if (sinceSeconds != null) {
            since = now.minusSeconds(sinceSeconds);
        }
        Long tail = number(query, "tailLines");
        return new LogQuery(flag(query, "follow"), tail == null || tail < 0 ? null
                : (int) Math.min(tail, Integer.MAX_VALUE),
                since, flag(query, "timestamps"), number(query, "limitBytes"), flag(query, "previous"));
    }

    /** True for "1" or "true", as Go's strconv.ParseBool accepts them. */
    public static boolean flag(Map<String, List<String>> query, String name) {
        String value = first(query, name);
        return value != null && (value.equals("1") || value.equalsIgnoreCase("true"));
    }

    private static Long number(Map<String, List<String>> query, String name) {
        String value = first(query, name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a number: " + value);
        }
    }

    static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
