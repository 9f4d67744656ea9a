package io.kanisterhooks.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanisterhooks.cluster.junit.CommandResult;
import io.kanisterhooks.cluster.junit.KubeTestContext;
import io.kanisterhooks.cluster.junit.LocalClusterExtension;
import io.kubernetes.client.openapi.models.V1Pod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A pod's volumes are real directories on this machine, named to its processes by one variable per mount: a claim's
 * outlives the pod (a StatefulSet's new pod finds the old one's files), an emptyDir goes with its pod.
 */
@ExtendWith(LocalClusterExtension.class)
class VolumeMountsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private static final String STATEFUL_SET = """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: store}
            spec:
              serviceName: store
              replicas: 1
              selector: {matchLabels: {app: store}}
              template:
                metadata: {labels: {app: store}}
                spec:
                  terminationGracePeriodSeconds: 5
                  volumes: [{name: scratch, emptyDir: {}}]
                  containers:
                  - name: c
                    image: busybox
                    command:
                    - sh
                    - -c
                    - |
                      echo "$HOSTNAME" >>"$KANISTER_HOOKS_MOUNT_DATA/boots"
                      ls "$KANISTER_HOOKS_MOUNT_TMP_SCRATCH"
                      touch "$KANISTER_HOOKS_MOUNT_TMP_SCRATCH/left-over"
                      exec sleep 600
                    volumeMounts:
                    - {name: data, mountPath: /data}
                    - {name: data, mountPath: /logs, subPath: logs}
                    - {name: scratch, mountPath: /tmp/scratch}
              volumeClaimTemplates:
              - metadata: {name: data}
                spec:
                  accessModes: [ReadWriteOnce]
                  resources: {requests: {storage: 1Gi}}
            """;

    @Test
    void aClaimsDirectoryOutlivesThePodAndAnEmptyDirGoesWithIt(KubeTestContext k8s) throws Exception {
        Path manifest = Files.createTempFile("store", ".yaml");
        Files.writeString(manifest, STATEFUL_SET);
        assertThat(k8s.kubectl("apply", "-f", manifest.toString()).exitCode()).isZero();
        Files.delete(manifest);
        V1Pod first = k8s.awaitPod("store-0", TestPods::isRunningAndReady, TIMEOUT);

        Map<String, String> mounts = mounts(k8s);
        String claimDir = k8s.volumeDirectory("data-store-0").toString();
        assertThat(mounts).containsEntry("KANISTER_HOOKS_MOUNT_DATA", claimDir)
                .containsEntry("KANISTER_HOOKS_MOUNT_LOGS", claimDir + "/logs");
        assertThat(Path.of(claimDir, "logs")).isDirectory();
        assertThat(mounts.get("KANISTER_HOOKS_MOUNT_TMP_SCRATCH"))
                .startsWith(k8s.cluster().dir().pods().toString()).endsWith("/volumes/scratch");
        assertThat(Files.readString(Path.of(claimDir, "boots"))).isEqualTo("store-0\n");

        assertThat(k8s.kubectl("delete", "pod", "store-0", "--wait=false").exitCode()).isZero();
        V1Pod second = k8s.awaitPod("store-0", p -> !p.getMetadata().getUid().equals(first.getMetadata().getUid())
                && TestPods.isRunningAndReady(p), TIMEOUT);

        assertThat(second.getMetadata().getUid()).isNotEqualTo(first.getMetadata().getUid());
        assertThat(mounts(k8s)).containsEntry("KANISTER_HOOKS_MOUNT_DATA", claimDir);
        assertThat(Files.readString(Path.of(claimDir, "boots"))).isEqualTo("store-0\nstore-0\n");
        assertThat(k8s.kubectl("logs", "store-0").stdout()).as("the new emptyDir is empty").isEmpty();
    }

    private static Map<String, String> mounts(KubeTestContext k8s) {
        CommandResult env = k8s.kubectl("exec", "store-0", "--", "sh", "-c", "env | grep ^KANISTER_HOOKS_MOUNT_");
        assertThat(env.exitCode()).as(env.stderr()).isZero();
        return env.stdout().lines().map(l -> l.split("=", 2)).collect(Collectors.toMap(kv -> kv[0], kv -> kv[1]));
    }
}
