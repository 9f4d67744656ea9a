package io.kanisterhooks.cluster.crds;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.generic.KubernetesApiResponse;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Installs CRDs kept as YAML resources of this module. Sent as plain JSON: client-java's typed model would add empty
 * fields (e.g. {@code dependencies: {}}) that the 1.20 API server rejects.
 */
public final class CustomResourceDefinitions {
    /** Kanister's Blueprint CRD. */
    public static final String KANISTER = "/io/kanisterhooks/cluster/crds/kanister-crds.yaml";

    private static final long ESTABLISH_TIMEOUT_MS = 30_000;

    private CustomResourceDefinitions() {}

    /** The CRDs a resource file defines. */
    public static List<JsonObject> definitions(String resource) {
        try (InputStream in = CustomResourceDefinitions.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no such resource: " + resource);
            }
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Gson gson = new Gson();
            List<JsonObject> crds = new ArrayList<>();
            for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml)) {
                crds.add(gson.toJsonTree(document).getAsJsonObject());
            }
            return crds;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates the CRDs of {@code resource} (those that exist are left alone) and waits until they are served. */
    public static void install(ApiClient client, String resource) throws InterruptedException {
        DynamicKubernetesApi api =
                new DynamicKubernetesApi("apiextensions.k8s.io", "v1", "customresourcedefinitions", client);
        List<String> names = new ArrayList<>();
        for (JsonObject crd : definitions(resource)) {
            KubernetesApiResponse<DynamicKubernetesObject> created = api.create(new DynamicKubernetesObject(crd));
            if (!created.isSuccess() && created.getHttpStatusCode() != 409) {
                throw new IllegalStateException("cannot create CRD " + crd.getAsJsonObject("metadata").get("name")
                        + ": HTTP "
                        + created.getHttpStatusCode() + " " + created.getStatus());
            }
            names.add(crd.getAsJsonObject("metadata").get("name").getAsString());
        }
        long deadline = System.currentTimeMillis() + ESTABLISH_TIMEOUT_MS;
        for (String name : names) {
            while (!isEstablished(api.get(name).getObject())) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("CRD " + name + " not established");
                }
                Thread.sleep(100);
            }
        }
    }

    static boolean isEstablished(DynamicKubernetesObject crd) {
        return crd != null && isEstablished(crd.getRaw());
    }

    /** True if the CRD (as JSON) has the condition Established=True. */
    public static boolean isEstablished(JsonObject crd) {
        JsonElement status = crd.get("status");
        if (status == null || !status.isJsonObject() || !status.getAsJsonObject().has("conditions")
                || !status.getAsJsonObject().get("conditions").isJsonArray()) {
            return false;
        }
        for (JsonElement condition : status.getAsJsonObject().getAsJsonArray("conditions")) {
            JsonObject c = condition.getAsJsonObject();
            if ("Established".equals(c.get("type").getAsString()) && "True".equals(c.get("status").getAsString())) {
                return true;
            }
        }
        return false;
    }
}
