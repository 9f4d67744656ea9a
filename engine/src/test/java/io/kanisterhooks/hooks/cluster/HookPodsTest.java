package io.kanisterhooks.hooks.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanisterhooks.cluster.junit.KubeTestContext;
import io.kanisterhooks.cluster.junit.LocalClusterExtension;
import io.kanisterhooks.hooks.HookRunner;
import io.kanisterhooks.kube.Kube;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hook pods (README, "How hooks behave"): they run in the home namespace (default: the blueprint namespace), carry the
 * labels that identify run, namespace, hook and attempt, are deleted when their phase ends, and their logs reach the
 * console prefixed with namespace/hook/phase.
 */
@ExtendWith(LocalClusterExtension.class)
class HookPodsTest {

    @TempDir
    Path dir;

    @Test
    void hookPodsRunInTheBlueprintNamespaceCarryTheRunLabelsAndAreDeleted(KubeTestContext k) {
        try (HookTestbed t = new HookTestbed(k, dir)) {
            List<String> ns = t.namespaces("a", "b");

            CliResult r = t.wrap(List.of("--pre-hook", "hooks/quiesce", "--on-success", "hooks/unquiesce", "-n",
                    ns.get(0), "-n", ns.get(1)), "true");

            assertThat(r.exitCode()).as(r.toString()).isZero();
            String runId = t.report().runId();
            PodRecorder pods = t.syncedPods();
            assertThat(pods.created()).hasSize(4).allSatisfy(p -> {
                assertThat(p.getMetadata().getNamespace()).isEqualTo(t.home());
                assertThat(p.getMetadata().getName()).startsWith("kanister-job-");
                assertThat(p.getMetadata().getLabels()).containsEntry(HookRunner.LABEL_RUN, runId)
                        .containsEntry(HookRunner.LABEL_ATTEMPT, "1").containsEntry(Kube.MANAGED_BY,
                                Kube.MANAGED_BY_VALUE).containsEntry("createdBy", "kanister")
                        .containsKeys(HookRunner.LABEL_NAMESPACE, HookRunner.LABEL_HOOK);
                assertThat(pods.wasDeleted(p)).isTrue();
            });
            assertThat(pods.existing()).isEmpty();
            for (String n : ns) {
                assertThat(pods.created(n, "preHook")).hasSize(1);
                assertThat(pods.created(n, "onSuccess")).hasSize(1);
                assertThat(r.stderr()).contains("[" + n + "/preHook/quiesce] quiesce " + n)
                        .contains("[" + n + "/onSuccess/unquiesce] unquiesce tok-" + n);
            }
        }
    }

    @Test
    void theHomeNamespaceOptionMovesTheHookPods(KubeTestContext k) throws Exception {
        try (HookTestbed t = new HookTestbed(k, dir)) {
            List<String> ns = t.namespaces("app", "home");
            awaitDefaultServiceAccount(k, ns.get(1));
            try (PodRecorder home = new PodRecorder(k.kubeconfig(), ns.get(1))) {

                CliResult r = t.wrap(List.of("--pre-hook", "hooks/ok", "--home-namespace", ns.get(1), "-n",
                        ns.get(0)), "true");

                assertThat(r.exitCode()).as(r.toString()).isZero();
                home.sync();
                List<V1Pod> moved = home.created(ns.get(0), "preHook");
                assertThat(moved).hasSize(1);
                assertThat(moved.get(0).getMetadata().getNamespace()).isEqualTo(ns.get(1));
                assertThat(t.syncedPods().created()).as("nothing in the blueprint namespace").isEmpty();
            }
        }
    }

    /** Pods of a namespace's default service account are admitted once its token exists. */
    private static void awaitDefaultServiceAccount(KubeTestContext k, String namespace) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            try {
                V1ServiceAccount sa = k.coreV1().readNamespacedServiceAccount("default", namespace).execute();
                if (sa.getSecrets() != null && !sa.getSecrets().isEmpty()) {
                    return;
                }
            } catch (ApiException e) {
                if (e.getCode() != 404) {
                    throw e;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("namespace " + namespace + " got no default service account token");
            }
            Thread.sleep(100);
        }
    }
}
