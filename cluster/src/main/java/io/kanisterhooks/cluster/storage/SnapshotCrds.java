package io.kanisterhooks.cluster.storage;

import com.google.gson.Gson;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.ApiextensionsV1Api;
import io.kubernetes.client.openapi.models.V1CustomResourceDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The {@code snapshot.storage.k8s.io/v1} CRDs (VolumeSnapshot, VolumeSnapshotContent, VolumeSnapshotClass). */
public final class SnapshotCrds {
  public static final String GROUP = "snapshot.storage.k8s.io";
  public static final String VERSION = "v1";
  public static final String RESOURCE = "/io/kanisterhooks/cluster/storage/snapshot-crds.yaml";
  private static final long ESTABLISH_TIMEOUT_MS = 30_000;

  private SnapshotCrds() {}

  /** The CRDs as the resource file defines them. */
  public static List<V1CustomResourceDefinition> definitions(ApiClient client) {
    try (InputStream in = SnapshotCrds.class.getResourceAsStream(RESOURCE)) {
      String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      Gson gson = new Gson();
      List<V1CustomResourceDefinition> crds = new ArrayList<>();
      for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml)) {
        crds.add(client.getJSON().deserialize(gson.toJson(document), V1CustomResourceDefinition.class));
      }
      return crds;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Creates the CRDs (those that exist are left alone) and waits until the API server serves them. */
  public static void install(ApiClient client) throws ApiException, InterruptedException {
    ApiextensionsV1Api api = new ApiextensionsV1Api(client);
    List<V1CustomResourceDefinition> crds = definitions(client);
    for (V1CustomResourceDefinition crd : crds) {
      try {
        api.createCustomResourceDefinition(crd).execute();
      } catch (ApiException e) {
        if (e.getCode() != 409) {
          throw e;
        }
      }
    }
    long deadline = System.currentTimeMillis() + ESTABLISH_TIMEOUT_MS;
    for (V1CustomResourceDefinition crd : crds) {
      while (!isEstablished(api.readCustomResourceDefinition(crd.getMetadata().getName()).execute())) {
        if (System.currentTimeMillis() > deadline) {
          throw new IllegalStateException("CRD " + crd.getMetadata().getName() + " not established");
        }
        Thread.sleep(100);
      }
    }
  }

  static boolean isEstablished(V1CustomResourceDefinition crd) {
    return crd.getStatus() != null && crd.getStatus().getConditions() != null && crd.getStatus().getConditions().stream()
        .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
