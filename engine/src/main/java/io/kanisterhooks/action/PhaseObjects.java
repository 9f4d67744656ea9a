package io.kanisterhooks.action;

import io.kanisterhooks.blueprint.ObjectReference;
import io.kanisterhooks.kube.JsonObjects;
import io.kanisterhooks.kube.Kube;
import io.kanisterhooks.kube.KubeException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A phase's {@code objects}: Kanister fetches those of kind Secret and ConfigMap (case-insensitive; other kinds are
 * ignored) into {@code .Phases.<name>.Secrets} / {@code .ConfigMaps}. Secret values are remembered for masking.
 */
final class PhaseObjects {

    final Map<String, Map<String, Object>> secrets = new LinkedHashMap<>();
    final Map<String, Map<String, Object>> configMaps = new LinkedHashMap<>();

    static PhaseObjects fetch(Kube kube, Map<String, ObjectReference> refs, SecretValues secretValues)
            throws KubeException {
        PhaseObjects o = new PhaseObjects();
        for (Map.Entry<String, ObjectReference> e : refs.entrySet()) {
            ObjectReference ref = e.getValue();
            String kind = ref.kind() == null ? "" : ref.kind().toLowerCase(Locale.ROOT);
            if (kind.equals("secret")) {
                Map<String, Object> secret = kube.getObject("", "v1", "secrets", ref.namespace(), ref.name());
                remember(secret, secretValues);
                o.secrets.put(e.getKey(), secret);
            } else if (kind.equals("configmap")) {
                o.configMaps.put(e.getKey(), kube.getObject("", "v1", "configmaps", ref.namespace(), ref.name()));
            }
        }
        return o;
    }

    private static void remember(Map<String, Object> secret, SecretValues values) {
        if (JsonObjects.path(secret, "data") instanceof Map<?, ?> data) {
            for (Object v : data.values()) {
                if (v instanceof String b64) {
                    try {
                        values.add(Base64.getDecoder().decode(b64));
                    } catch (IllegalArgumentException ignored) {
                        values.add(b64);
                    }
                }
            }
        }
        if (JsonObjects.path(secret, "stringData") instanceof Map<?, ?> data) {
            data.values().forEach(v -> values.add(String.valueOf(v)));
        }
    }
}
