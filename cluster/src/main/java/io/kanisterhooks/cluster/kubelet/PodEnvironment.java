package io.kanisterhooks.cluster.kubelet;

import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1EnvFromSource;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1EnvVarSource;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Secret;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Resolves a container's environment the way a kubelet does: base variables first, then {@code envFrom}, then
 * {@code env} ({@code value} with {@code $(VAR)} expansion, {@code secretKeyRef}, {@code configMapKeyRef},
 * {@code fieldRef}). Secrets and ConfigMaps are read once per pod start.
 */
final class PodEnvironment {
    private static final Pattern ENV_NAME = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");

    private final CoreV1Api api;
    private final V1Pod pod;
    private final Map<String, V1Secret> secrets = new HashMap<>();
    private final Map<String, V1ConfigMap> configMaps = new HashMap<>();

    PodEnvironment(CoreV1Api api, V1Pod pod) {
        this.api = api;
        this.pod = pod;
    }

    /**
     * @throws ContainerConfigException when a required Secret, ConfigMap or key is missing (the kubelet's
     *     {@code CreateContainerConfigError})
     */
    Map<String, String> resolve(V1Container container, Map<String, String> base) throws ApiException {
        Map<String, String> env = new LinkedHashMap<>(base);
        if (container.getEnvFrom() != null) {
            for (V1EnvFromSource from : container.getEnvFrom()) {
                String prefix = from.getPrefix() == null ? "" : from.getPrefix();
                Map<String, String> values = Map.of();
                if (from.getConfigMapRef() != null) {
                    V1ConfigMap map = configMap(from.getConfigMapRef().getName(), from.getConfigMapRef().getOptional());
                    values = map == null || map.getData() == null ? Map.of() : map.getData();
                } else if (from.getSecretRef() != null) {
                    V1Secret secret = secret(from.getSecretRef().getName(), from.getSecretRef().getOptional());
                    values = secret == null ? Map.of() : decoded(secret);
                }
                values.forEach((k, v) -> {
                    if (ENV_NAME.matcher(prefix + k).matches()) {
                        env.put(prefix + k, v);
                    }
                });
            }
        }
        if (container.getEnv() != null) {
            for (V1EnvVar var : container.getEnv()) {
                String value =
                        var.getValueFrom() == null
                        ? EnvExpansion.expand(var.getValue() == null ? "" : var.getValue(), env)
                        : valueFrom(var.getName(), var.getValueFrom());
                if (value != null) {
                    env.put(var.getName(), value);
                }
            }
        }
        return env;
    }

    private String valueFrom(String name, V1EnvVarSource source) throws ApiException {
        if (source.getSecretKeyRef() != null) {
            var ref = source.getSecretKeyRef();
            V1Secret secret = secret(ref.getName(), ref.getOptional());
            return keyOf(secret == null ? null : decoded(secret), "secret", ref.getName(), ref.getKey(),
                    ref.getOptional());
        }
        if (source.getConfigMapKeyRef() != null) {
            var ref = source.getConfigMapKeyRef();
            V1ConfigMap map = configMap(ref.getName(), ref.getOptional());
            return keyOf(map == null ? null : map.getData(), "configmap", ref.getName(), ref.getKey(),
                    ref.getOptional());
        }
        if (source.getFieldRef() != null) {
            return field(source.getFieldRef().getFieldPath());
        }
        // resourceFieldRef: resources are not simulated
        return "";
    }

    private String field(String path) {
        var meta = pod.getMetadata();
        return switch (path) {
            case "metadata.name" -> meta.getName();
            case "metadata.namespace" -> meta.getNamespace();
            case "metadata.uid" -> meta.getUid();
            case "spec.nodeName" -> pod.getSpec().getNodeName();
            case "spec.serviceAccountName" -> pod.getSpec().getServiceAccountName();
            case "status.hostIP", "status.podIP", "status.podIPs", "status.hostIPs" -> KubeletSimulator.NODE_IP;
            default -> {
                if (path.startsWith("metadata.labels['") && meta.getLabels() != null) {
                    yield meta.getLabels().getOrDefault(bracketKey(path), "");
                }
                if (path.startsWith("metadata.annotations['") && meta.getAnnotations() != null) {
                    yield meta.getAnnotations().getOrDefault(bracketKey(path), "");
                }
                yield "";
            }
        };
    }

    private static String bracketKey(String path) {
        return path.substring(path.indexOf("['") + 2, path.lastIndexOf("']"));
    }

    private static String keyOf(Map<String, String> data, String kind, String name, String key, Boolean optional) {
        if (data != null && data.containsKey(key)) {
            return data.get(key);
        }
        if (Boolean.TRUE.equals(optional)) {
            return null;
        }
        throw new ContainerConfigException(data == null ? kind + " \"" + name + "\" not found"
                : "couldn't find key " + key + " in " + kind + " " + name);
    }

    private V1Secret secret(String name, Boolean optional) throws ApiException {
        if (!secrets.containsKey(name)) {
            secrets.put(name, get(() -> api.readNamespacedSecret(name, pod.getMetadata().getNamespace()).execute()));
        }
        return required(secrets.get(name), "secret", name, optional);
    }

    private V1ConfigMap configMap(String name, Boolean optional) throws ApiException {
        if (!configMaps.containsKey(name)) {
            configMaps.put(name,
                    get(() -> api.readNamespacedConfigMap(name, pod.getMetadata().getNamespace()).execute()));
        }
        return required(configMaps.get(name), "configmap", name, optional);
    }

    private static <T> T required(T object, String kind, String name, Boolean optional) {
        if (object == null && !Boolean.TRUE.equals(optional)) {
            throw new ContainerConfigException(kind + " \"" + name + "\" not found");
        }
        return object;
    }

    private interface Read<T> {
        T read() throws ApiException;
    }

    private static <T> T get(Read<T> read) throws ApiException {
        try {
            return read.read();
        } catch (ApiException e) {
            if (e.getCode() == 404) {
                return null;
            }
            throw e;
        }
    }

    private static Map<String, String> decoded(V1Secret secret) {
        Map<String, String> values = new LinkedHashMap<>();
        if (secret.getData() != null) {
            secret.getData().forEach((k, v) -> values.put(k, new String(v, StandardCharsets.UTF_8)));
        }
        if (secret.getStringData() != null) {
            values.putAll(secret.getStringData());
        }
        return values;
    }
}
