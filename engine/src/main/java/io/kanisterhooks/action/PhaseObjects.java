package io.kanisterhooks.action;

import io.kanisterhooks.blueprint.ObjectReference;
import io.kanisterhooks.kube.JsonObjects;
import io.kanisterhooks.kube.Kube;
import io.kanisterhooks.kube.KubeException;
import io.kanisterhooks.secrets.SecretValues;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The Secrets and ConfigMaps of a phase's {@code objects} (Kanister fetches those of kind Secret and ConfigMap,
 * case-insensitive, other kinds are ignored, into {@code .Phases.<name>.Secrets} / {@code .ConfigMaps}) or of the
 * ActionSet ({@code .Secrets} / {@code .ConfigMaps}). Secret values are remembered for masking.
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
            o.add(kube, e.getKey(), ref, kind, secretValues);
        }
        return o;
    }

    /** ActionSet-level {@code secrets} and {@code configMaps}: the kind is given by where they are listed. */
    static PhaseObjects fetch(Kube kube, Map<String, ObjectReference> secrets, Map<String, ObjectReference> configMaps,
                              SecretValues secretValues) throws KubeException {
        PhaseObjects o = new PhaseObjects();
        for (Map.Entry<String, ObjectReference> e : secrets.entrySet()) {
            o.add(kube, e.getKey(), e.getValue(), "secret", secretValues);
        }
        for (Map.Entry<String, ObjectReference> e : configMaps.entrySet()) {
            o.add(kube, e.getKey(), e.getValue(), "configmap", secretValues);
        }
        return o;
    }

    private void add(Kube kube, String key, ObjectReference ref, String kind, SecretValues secretValues)
            throws KubeException {
        if (kind.equals("secret")) {
            Map<String, Object> secret = kube.getObject("", "v1", "secrets", ref.namespace(), ref.name());
            remember(secret, secretValues);
            secrets.put(key, secret);
        } else if (kind.equals("configmap")) {
            configMaps.put(key, kube.getObject("", "v1", "configmaps", ref.namespace(), ref.name()));
        }
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
