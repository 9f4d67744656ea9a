package io.kanisterhooks.hooks.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanisterhooks.cluster.junit.KubeTestContext;
import io.kanisterhooks.cluster.junit.LocalClusterExtension;
import io.kubernetes.client.openapi.models.V1Pod;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Hook timeouts (README, "How hooks behave"): a hook past its timeout fails like any other failure, its pod is deleted. */
@ExtendWith(LocalClusterExtension.class)
class TimeoutTest {

    @TempDir
    Path dir;

    @Test
    void aPreHookPastItsTimeoutFailsItsPodIsDeletedAndOnFailureFollows(KubeTestContext k) {
        try (HookTestbed t = new HookTestbed(k, dir)) {
            String ns = t.namespaces("app").get(0);
            Path hooks = t.file("spec.yaml", """
                    hooks:
                      preHook: {blueprint: hooks, actionName: sleep, timeout: 2s, maxRetries: 0}
                      onFailure: {blueprint: hooks, actionName: notify}
                    """);
            Path stageRan = dir.resolve("stage-ran");

            CliResult r = t.wrap(List.of("--hooks-file", hooks.toString(), "-n", ns), "touch", stageRan.toString());

            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
            assertThat(stageRan).doesNotExist();
            ResultJson report = t.report();
            assertThat(report.status(ns, "preHook")).isEqualTo("failed");
            assertThat(report.error(ns, "preHook")).contains("timed out after 2s");
            assertThat(report.status(ns, "onFailure")).isEqualTo("succeeded");
            PodRecorder pods = t.syncedPods();
            List<V1Pod> preHook = pods.created(ns, "preHook");
            assertThat(preHook).hasSize(1);
            assertThat(pods.wasDeleted(preHook.get(0))).isTrue();
            assertThat(pods.attempts(ns, "onFailure")).containsExactly(1);
            assertThat(pods.existing()).isEmpty();
        }
    }

    @Test
    void theTimeoutOptionBoundsHooksThatSetNoneIncludingOnFailure(KubeTestContext k) {
        try (HookTestbed t = new HookTestbed(k, dir)) {
            String ns = t.namespaces("app").get(0);

            CliResult r = t.wrap(List.of("--pre-hook", "hooks/fail", "--on-failure", "hooks/sleep", "--timeout", "2s",
                    "-n", ns), "true");

            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
            ResultJson report = t.report();
            assertThat(report.status(ns, "onFailure")).isEqualTo("failed");
            assertThat(report.error(ns, "onFailure")).contains("timed out after 2s");
            PodRecorder pods = t.syncedPods();
            assertThat(pods.attempts(ns, "onFailure")).containsExactly(1);
            assertThat(pods.existing()).isEmpty();
        }
    }
}
