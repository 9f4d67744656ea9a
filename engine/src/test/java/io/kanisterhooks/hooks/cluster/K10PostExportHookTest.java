package io.kanisterhooks.hooks.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanisterhooks.cluster.junit.KubeTestContext;
import io.kanisterhooks.cluster.junit.LocalClusterExtension;
import io.kubernetes.client.openapi.models.V1Pod;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first example of K10's execution-hooks page, unchanged ({@code jenkinsfile-examples/blueprints/
 * k10-post-export-hook.yaml}): its KubeTask runs in the home namespace as the {@code k10-k10} service account and
 * removes the {@code migrate} label from the target namespace — with that account's RBAC, which the API server enforces.
 */
@ExtendWith(LocalClusterExtension.class)
class K10PostExportHookTest {

    private static final Path BLUEPRINT = Path.of(System.getProperty("kanisterhooks.root", ".."),
            "jenkinsfile-examples", "blueprints", "k10-post-export-hook.yaml");

    @TempDir
    Path dir;

    @Test
    void removesTheMigrateLabelWithTheRightsOfK10K10(KubeTestContext k) throws Exception {
        try (HookTestbed t = new HookTestbed(k, dir)) {
            String target = t.namespaces(Map.of("migrate", "true", "keep", "me"), "exported").get(0);
            k.createServiceAccount("k10-k10");
            try (ClusterRole role = ClusterRole.grant(k, "get,patch")) {

                CliResult r = postExport(t, target);

                assertThat(r.exitCode()).as(r.toString()).isZero();
                assertThat(k.coreV1().readNamespace(target).execute().getMetadata().getLabels())
                        .doesNotContainKey("migrate").containsEntry("keep", "me");
                List<V1Pod> pods = t.syncedPods().created(target, "onSuccess");
                assertThat(pods).hasSize(1);
                assertThat(pods.get(0).getSpec().getServiceAccountName()).isEqualTo("k10-k10");
                assertThat(pods.get(0).getMetadata().getNamespace()).as("the home namespace").isEqualTo(t.home());
            }
        }
    }

    @Test
    void failsWithForbiddenWhenK10K10MayNotPatchNamespaces(KubeTestContext k) {
        try (HookTestbed t = new HookTestbed(k, dir)) {
            String target = t.namespaces(Map.of("migrate", "true"), "exported").get(0);
            k.createServiceAccount("k10-k10");
            try (ClusterRole role = ClusterRole.grant(k, "get")) {

                CliResult r = postExport(t, target);

                assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
                assertThat(r.stderr()).contains("Error from server (Forbidden)")
                        .contains("\"system:serviceaccount:" + k.namespace() + ":k10-k10\" cannot patch resource "
                                + "\"namespaces\"");
                assertThat(t.report().status(target, "onSuccess")).isEqualTo("failed");
                assertThat(k.kubectl("get", "namespace", target, "-o", "jsonpath={.metadata.labels.migrate}")
                        .stdout()).isEqualTo("true");
            }
        }
    }

    /** A ClusterRole on namespaces with {@code verbs}, bound to the test namespace's k10-k10; removed on close. */
    private record ClusterRole(KubeTestContext k, String name) implements AutoCloseable {
        static ClusterRole grant(KubeTestContext k, String verbs) {
            String name = k.namespace() + "-namespaces";
            assertThat(k.kubectl("create", "clusterrole", name, "--verb=" + verbs, "--resource=namespaces")
                    .exitCode()).isZero();
            assertThat(k.kubectl("create", "clusterrolebinding", name, "--clusterrole=" + name,
                    "--serviceaccount=" + k.namespace() + ":k10-k10").exitCode()).isZero();
            return new ClusterRole(k, name);
        }

        @Override
        public void close() {
            k.kubectl("delete", "clusterrolebinding", name, "--ignore-not-found");
            k.kubectl("delete", "clusterrole", name, "--ignore-not-found");
        }
    }

    /** The page's blueprint as an onSuccess hook around a successful "export". */
    private static CliResult postExport(HookTestbed t, String target) {
        List<String> command = t.command("wrap");
        command.addAll(List.of("--blueprint", BLUEPRINT.toString(), "--on-success", "hook-blueprint/post-export",
                "-n", target, "--", "true"));
        return HooksCli.inProcess(command);
    }
}
