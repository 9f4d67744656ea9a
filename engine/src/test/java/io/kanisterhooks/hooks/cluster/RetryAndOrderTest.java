package io.kanisterhooks.hooks.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanisterhooks.cluster.junit.KubeTestContext;
import io.kanisterhooks.cluster.junit.LocalClusterExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Order and retries (README, "How hooks behave") on the local cluster, counted by the hook pods the API server saw: preHook and
 * onSuccess are tried 1 + maxRetries times, onFailure once; a hook that succeeded is never run again; exactly one of
 * onSuccess and onFailure completes.
 */
@ExtendWith(LocalClusterExtension.class)
class RetryAndOrderTest {

    @TempDir
    Path dir;

    @Test
    void preHookIsTriedOnePlusMaxRetriesTimesThenTheStageDoesNotRunAndOnFailureRunsOnce(KubeTestContext k) {
        try (HookTestbed t = new HookTestbed(k, dir)) {
            String ns = t.namespaces("app").get(0);
            Path stageRan = dir.resolve("stage-ran");

            CliResult r = t.wrap(List.of("--pre-hook", "hooks/fail", "--on-failure", "hooks/fail", "-n", ns),
                    "touch", stageRan.toString());

            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
            assertThat(stageRan).doesNotExist();
            PodRecorder pods = t.syncedPods();
            assertThat(pods.attempts(ns, "preHook")).containsExactly(1, 2, 3);
            assertThat(pods.attempts(ns, "onFailure")).as("a failing onFailure is not retried").containsExactly(1);
            assertThat(t.report().status(ns, "preHook")).isEqualTo("failed");
            assertThat(t.report().attempts(ns, "preHook")).isEqualTo(3);
            assertThat(t.report().status(ns, "onFailure")).isEqualTo("failed");
            assertThat(r.stderr()).contains("[" + ns + "/preHook] retrying (attempt 3)");
        }
    }

    @Test
    void failedOnSuccessIsRetriedUpToItsMaxRetriesThenOnFailureRunsOnceWithThePreHookArtifacts(KubeTestContext k) {
        try (HookTestbed t = new HookTestbed(k, dir)) {
            String ns = t.namespaces("app").get(0);
            Path hooks = t.file("hooks-spec.yaml", """
                    hooks:
                      preHook: {blueprint: hooks, actionName: quiesce}
                      onSuccess: {blueprint: hooks, actionName: fail, maxRetries: 1}
                      onFailure: {blueprint: hooks, actionName: cleanup}
                      always: {blueprint: hooks, actionName: notify}
                    """);

            CliResult r = t.wrap(List.of("--hooks-file", hooks.toString(), "-n", ns), "true");

            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
            PodRecorder pods = t.syncedPods();
            assertThat(pods.attempts(ns, "preHook")).containsExactly(1);
            assertThat(pods.attempts(ns, "onSuccess")).containsExactly(1, 2);
            assertThat(pods.attempts(ns, "onFailure")).containsExactly(1);
            assertThat(pods.attempts(ns, "always")).containsExactly(1);
            ResultJson report = t.report();
            assertThat(report.outcome()).isEqualTo("failure");
            assertThat(report.status(ns, "onSuccess")).isEqualTo("failed");
            assertThat(report.error(ns, "onSuccess")).contains("exited with code 1");
            assertThat(report.status(ns, "onFailure")).isEqualTo("succeeded");
            assertThat(report.status(ns, "always")).isEqualTo("succeeded");
            assertThat(r.stderr()).contains("[" + ns + "/onFailure/cleanup] cleanup tok-" + ns);
        }
    }

    @Test
    void onFailureFailingIsReportedButTheCommandsExitCodeStays(KubeTestContext k) {
        try (HookTestbed t = new HookTestbed(k, dir)) {
            String ns = t.namespaces("app").get(0);

            CliResult r = t.wrap(List.of("--pre-hook", "hooks/ok", "--on-success", "hooks/ok", "--on-failure",
                    "hooks/fail", "-n", ns), "sh", "-c", "exit 7");

            assertThat(r.exitCode()).as("the stage's own failure is the result").isEqualTo(7);
            PodRecorder pods = t.syncedPods();
            assertThat(pods.attempts(ns, "onFailure")).containsExactly(1);
            assertThat(pods.created(ns, "onSuccess")).isEmpty();
            assertThat(t.report().status(ns, "onSuccess")).isEqualTo("skipped");
            assertThat(t.report().status(ns, "onFailure")).isEqualTo("failed");
        }
    }

    @Test
    void aPreHookThatFailsOnceSucceedsOnItsRetry(KubeTestContext k) {
        try (HookTestbed t = new HookTestbed(k, dir)) {
            String ns = t.namespaces("app").get(0);
            // the first attempt creates a ConfigMap and fails; the second finds it and succeeds
            allowConfigMaps(k);
            t.file("once.yaml", HookBlueprints.blueprint("once", Map.of("firstFails",
                    "if kubectl -n {{ .Options.home }} create configmap tried-{{ .Namespace.Name }}; then exit 1; fi; "
                            + "echo second")));

            CliResult r = HooksCli.inProcess(t.hooksCommand("pre", "--blueprint", dir.resolve("once.yaml").toString(),
                    "--pre-hook", "once/firstFails", "--option", "home=" + t.home(), "-n", ns));

            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(t.syncedPods().attempts(ns, "preHook")).containsExactly(1, 2);
            ResultJson result = ResultJson.parse(r.stdout());
            assertThat(result.status(ns, "preHook")).isEqualTo("succeeded");
            assertThat(result.attempts(ns, "preHook")).isEqualTo(2);
        }
    }

    @Test
    void aStageRetryDoesNotRunASuccessfulPreHookAgain(KubeTestContext k) throws Exception {
        try (HookTestbed t = new HookTestbed(k, dir)) {
            List<String> ns = t.namespaces("a", "b");
            Path flags = Files.createDirectories(dir.resolve("flags"));
            String[] hooks = {"--pre-hook", "hooks/failWhileFlagged", "--on-success", "hooks/ok", "-n", ns.get(0),
                "-n", ns.get(1), "--option", "flags=" + flags};
            Path failB = Files.createFile(flags.resolve(ns.get(1)));

            CliResult first = t.hooks("pre", hooks);
            assertThat(first.exitCode()).as(first.toString()).isEqualTo(1);
            assertThat(ResultJson.parse(first.stdout()).failedNamespaces()).containsExactly(ns.get(1));

            Files.delete(failB); // whatever failed, the stage retry's hooks pre finds it fixed
            CliResult second = t.hooks("pre", hooks);
            assertThat(second.exitCode()).as(second.toString()).isZero();
            assertThat(second.stderr()).contains("[SKIP] " + ns.get(0) + " preHook hooks/failWhileFlagged skipped: "
                    + "succeeded at ").contains("in attempt 1 (invocation 1 of this run)");

            CliResult post = t.hooks("post", concat(hooks, "--outcome", "success"));
            assertThat(post.exitCode()).as(post.toString()).isZero();
            PodRecorder pods = t.syncedPods();
            assertThat(pods.attempts(ns.get(0), "preHook")).as("succeeded the first time: never again")
                    .containsExactly(1);
            assertThat(pods.attempts(ns.get(1), "preHook")).as("three attempts, then one more in the second call")
                    .containsExactly(1, 2, 3, 1);
            assertThat(pods.attempts(ns.get(0), "onSuccess")).containsExactly(1);
            assertThat(pods.attempts(ns.get(1), "onSuccess")).containsExactly(1);
        }
    }

    @Test
    void wrapRetriesTheCommandButNotThePreHook(KubeTestContext k) {
        try (HookTestbed t = new HookTestbed(k, dir)) {
            String ns = t.namespaces("app").get(0);
            Path counter = dir.resolve("count");
            // fails twice, succeeds the third time
            String stage = "n=$(cat " + counter + " 2>/dev/null || echo 0); n=$((n+1)); echo $n > " + counter
                    + "; [ $n -ge 3 ]";

            CliResult r = t.wrap(List.of("--retries", "2", "--pre-hook", "hooks/quiesce", "--on-success",
                    "hooks/unquiesce", "-n", ns), "sh", "-c", stage);

            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.stderr()).contains("retry 1 of 2", "retry 2 of 2");
            PodRecorder pods = t.syncedPods();
            assertThat(pods.attempts(ns, "preHook")).containsExactly(1);
            assertThat(pods.attempts(ns, "onSuccess")).containsExactly(1);
            assertThat(r.stderr()).contains("[" + ns + "/onSuccess/unquiesce] unquiesce tok-" + ns);
        }
    }

    @Test
    void postCalledAgainOnAFinishedRunIsRefusedAndRunsNothing(KubeTestContext k) {
        try (HookTestbed t = new HookTestbed(k, dir)) {
            String ns = t.namespaces("app").get(0);
            String[] hooks = {"--pre-hook", "hooks/quiesce", "--on-success", "hooks/unquiesce", "--on-failure",
                "hooks/cleanup", "-n", ns};
            assertThat(t.hooks("pre", hooks).exitCode()).isZero();

            CliResult failure = t.hooks("post", concat(hooks, "--outcome", "failure"));
            CliResult success = t.hooks("post", concat(hooks, "--outcome", "success"));

            assertThat(failure.exitCode()).isEqualTo(1);
            assertThat(ResultJson.parse(failure.stdout()).status(ns, "onFailure")).isEqualTo("succeeded");
            assertThat(success.exitCode()).as("the run finished: never completed again").isEqualTo(2);
            assertThat(success.stderr()).contains("is completed", "its hooks do not run again");
            assertThat(success.stdout()).isEmpty();
            PodRecorder pods = t.syncedPods();
            assertThat(pods.attempts(ns, "onFailure")).containsExactly(1);
            assertThat(pods.created(ns, "onSuccess")).isEmpty();
        }
    }

    /** Lets the home namespace's default service account (the hook pods') create ConfigMaps there. */
    static void allowConfigMaps(KubeTestContext k) {
        assertThat(k.kubectl("create", "role", "configmaps", "--verb=create,get", "--resource=configmaps")
                .exitCode()).isZero();
        assertThat(k.kubectl("create", "rolebinding", "configmaps", "--role=configmaps",
                "--serviceaccount=" + k.namespace() + ":default").exitCode()).isZero();
    }

    static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
