package io.kanisterhooks.cluster.storage;

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
 * The {@code snapshot.storage.k8s.io/v1} CRDs (VolumeSnapshot, VolumeSnapshotContent, VolumeSnapshotClass). Sent as
 * plain JSON: client-java's typed model would add empty fields (e.g. {@code dependencies: {}}) that 1.20 rejects.
 */
public final class SnapshotCrds {
  public static final String GROUP = "snapshot.storage.k8s.io";
  public static final String VERSION = "v1";
  public static final String RESOURCE = "/io/kanisterhooks/cluster/storage/snapshot-crds.yaml";
  private static final long ESTABLISH_TIMEOUT_MS = 30_000;

  private SnapshotCrds() {}

  /** The CRDs as the resource file defines them. */
  public static List<JsonObject> definitions() {
    try (InputStream in = SnapshotCrds.class.getResourceAsStream(RESOURCE)) {
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

  /** Creates the CRDs (those that exist are left alone) and waits until the API server serves them. */
  public static void install(ApiClient client) throws InterruptedException {
    DynamicKubernetesApi api = new DynamicKubernetesApi("apiextensions.k8s.io", "v1", "customresourcedefinitions", client);
    List<String> names = new ArrayList<>();
    for (JsonObject crd : definitions()) {
      KubernetesApiResponse<DynamicKubernetesObject> created = api.create(new DynamicKubernetesObject(crd));
      if (!created.isSuccess() && created.getHttpStatusCode() != 409) {
        throw new IllegalStateException("cannot create CRD " + crd.getAsJsonObject("metadata").get("name") + ": HTTP "
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
  static boolean isEstablished(JsonObject crd) {
    JsonObject status = crd.getAsJsonObject("status");
    if (status == null || !status.has("conditions")) {
      return false;
    }
    for (JsonElement condition : status.getAsJsonArray("conditions")) {
      JsonObject c = condition.getAsJsonObject();
      if ("Established".equals(c.get("type").getAsString()) && "True".equals(c.get("status").getAsString())) {
        return true;
      }
    }
    return false;
  }
}
