package io.kanisterhooks.params;

import io.kanisterhooks.golang.value.GoMap;
import io.kanisterhooks.golang.value.GoNamed;
import io.kanisterhooks.golang.value.GoPointer;
import io.kanisterhooks.golang.value.GoSlice;
import io.kanisterhooks.golang.value.GoStruct;
import io.kanisterhooks.golang.value.GoType;
import io.kanisterhooks.secrets.SecretKeys;
import io.kanisterhooks.secrets.SecretValues;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The secret values inside TemplateParams, so that an error raised while rendering with them never shows one: the
 * {@code Data} and {@code StringData} of every {@code v1.Secret} ({@code .Secrets}, {@code .Phases.*.Secrets}, a
 * profile's credential), a profile's key pair secret and Kopia password, and input artifact values whose key looks
 * like a credential. Plain data (not TemplateParams) with a {@code Secrets} key counts every string under it.
 */
public final class TemplateParamSecrets {

    /** TemplateParams are shallow; deeper values are subject objects, which hold nothing this looks for. */
    private static final int MAX_DEPTH = 12;

    private TemplateParamSecrets() {
    }

    /** Registers every secret value of {@code templateParams} (a {@code param.TemplateParams} value) in {@code into}. */
    public static SecretValues addTo(SecretValues into, Object templateParams) {
        walk(templateParams, into, 0);
        return into;
    }

    private static void walk(Object value, SecretValues into, int depth) {
        if (value == null || depth > MAX_DEPTH) {
            return;
        }
        if (value instanceof GoPointer p) {
            walk(p.isNil() ? null : p.target(), into, depth + 1);
        } else if (value instanceof GoStruct s) {
            struct(s, into, depth);
        } else if (value instanceof GoMap m) {
            m.entries().values().forEach(v -> walk(v, into, depth + 1));
        } else if (value instanceof GoSlice s) {
            s.elements().forEach(v -> walk(v, into, depth + 1));
        } else if (value instanceof Map<?, ?> plain && depth == 0 && plain.get("Secrets") != null) {
            strings(plain.get("Secrets"), into, 0); // plain data shaped like TemplateParams (template render --data)
        }
    }

    private static void strings(Object value, SecretValues into, int depth) {
        if (value instanceof String s) {
            into.add(s);
        } else if (value instanceof Map<?, ?> m && depth < MAX_DEPTH) {
            m.values().forEach(v -> strings(v, into, depth + 1));
        } else if (value instanceof List<?> l && depth < MAX_DEPTH) {
            l.forEach(v -> strings(v, into, depth + 1));
        }
    }

    private static void struct(GoStruct s, SecretValues into, int depth) {
        GoType type = s.goType();
        if (type == KubeTypes.SECRET) {
            values(s.field("Data"), into);
            values(s.field("StringData"), into);
            return;
        }
        if (type == ParamTypes.KEY_PAIR) {
            into.add(text(s.field("Secret")));
            return;
        }
        if (type == ParamTypes.KOPIA_SERVER_CREDS) {
            into.add(text(s.field("Password")));
            return;
        }
        if (type == ParamTypes.ARTIFACT && s.field("KeyValue") instanceof GoMap kv) {
            kv.entries().forEach((k, v) -> {
                if (SecretKeys.isSecretLike(k)) {
                    into.add(text(v));
                }
            });
            return;
        }
        for (int i = 0; i < type.fields().size(); i++) {
            walk(s.field(i), into, depth + 1);
        }
    }

    private static void values(Object map, SecretValues into) {
        Collection<Object> values = map instanceof GoMap m ? m.entries().values()
                : map instanceof Map<?, ?> plain ? plain.values().stream().map(v -> (Object) v).toList() : null;
        if (values != null) {
            values.forEach(v -> into.add(text(v)));
        }
    }

    private static String text(Object value) {
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (value instanceof GoNamed n) {
            return String.valueOf(n.value());
        }
        return value instanceof String s ? s : null;
    }
}
