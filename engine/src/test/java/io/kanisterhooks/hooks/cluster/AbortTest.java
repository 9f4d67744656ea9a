package io.kanisterhooks.hooks.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.kanisterhooks.cluster.junit.KubeTestContext;
import io.kanisterhooks.cluster.junit.LocalClusterExtension;
import io.kubernetes.client.openapi.models.V1Pod;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Abort (README, "How hooks behave"): SIGTERM or SIGINT to a {@code wrap} process while a hook or the command runs deletes the
 * running hook pods, runs onFailure and always (unless {@code --no-hooks-on-abort}), and exits 143 or 130. Each case
 * runs the CLI as a process of its own and signals it.
 */
@ExtendWith(LocalClusterExtension.class)
class AbortTest {

    private static final Duration SOON = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void sigtermDuringAPreHookDeletesItsPodThenRunsOnFailureAndAlways(KubeTestContext k) throws Exception {
        try (HookTestbed t = new HookTestbed(k, dir)) {
            String ns = t.namespaces("app").get(0);
            Path stageRan = dir.resolve("stage-ran");

            CliResult r = signalDuringPreHook(t, ns, "TERM", List.of(), "touch", stageRan.toString());

            assertThat(r.exitCode()).as(r.toString()).isEqualTo(143);
            assertThat(stageRan).doesNotExist();
            PodRecorder pods = t.syncedPods();
            assertThat(pods.attempts(ns, "preHook")).as("an aborted hook is not retried").containsExactly(1);
            assertThat(pods.attempts(ns, "onFailure")).containsExactly(1);
            assertThat(pods.attempts(ns, "always")).containsExactly(1);
            assertThat(pods.existing()).isEmpty();
            ResultJson report = t.report();
            assertThat(report.status(ns, "preHook")).isEqualTo("aborted");
            assertThat(report.error(ns, "preHook")).contains("aborted by SIGTERM");
            assertThat(report.status(ns, "onFailure")).isEqualTo("succeeded");
            assertThat(report.status(ns, "always")).isEqualTo("succeeded");
        }
    }

    @Test
    void sigtermWhileTheCommandRunsStopsItAndRunsOnFailureWithThePreHookArtifacts(KubeTestContext k)
            throws Exception {
        try (HookTestbed t = new HookTestbed(k, dir)) {
            String ns = t.namespaces("app").get(0);
            Path started = dir.resolve("started");
            Path finished = dir.resolve("finished");
            HooksCli.Running wrap = HooksCli.start(dir, t.wrapCommand(withOnFailure(ns, "hooks/cleanup",
                    "--pre-hook", "hooks/quiesce", "--on-success", "hooks/unquiesce"), "sh", "-c",
                    "touch " + started + "; sleep 60; touch " + finished));
            awaitFile(started, wrap);

            wrap.signal("TERM");
            CliResult r = wrap.await(SOON);

            assertThat(r.exitCode()).as(r.toString()).isEqualTo(143);
            assertThat(finished).as("the command was stopped").doesNotExist();
            PodRecorder pods = t.syncedPods();
            assertThat(pods.created(ns, "onSuccess")).isEmpty();
            assertThat(pods.attempts(ns, "onFailure")).containsExactly(1);
            assertThat(pods.attempts(ns, "always")).containsExactly(1);
            assertThat(pods.existing()).isEmpty();
            assertThat(r.stderr()).contains("[" + ns + "/onFailure/cleanup] cleanup tok-" + ns);
        }
    }

    @Test
    void sigintExitsWith130AfterTheSameCleanup(KubeTestContext k) throws Exception {
        assumeFalse(sigintIgnoredHere(), "SIGINT is ignored by this test's JVM (started as a background job or under "
                + "nohup), and the CLI inherits that, as POSIX asks of a background process: SIGINT cannot stop it");
        try (HookTestbed t = new HookTestbed(k, dir)) {
            String ns = t.namespaces("app").get(0);

            CliResult r = signalDuringPreHook(t, ns, "INT", List.of(), "true");

            assertThat(r.exitCode()).as(r.toString()).isEqualTo(130);
            PodRecorder pods = t.syncedPods();
            assertThat(pods.attempts(ns, "onFailure")).containsExactly(1);
            assertThat(pods.existing()).isEmpty();
            assertThat(t.report().error(ns, "preHook")).contains("aborted by SIGINT");
        }
    }

    @Test
    void noHooksOnAbortRunsNeitherOnFailureNorAlways(KubeTestContext k) throws Exception {
        try (HookTestbed t = new HookTestbed(k, dir)) {
            String ns = t.namespaces("app").get(0);

            CliResult r = signalDuringPreHook(t, ns, "TERM", List.of("--no-hooks-on-abort"), "true");

            assertThat(r.exitCode()).as(r.toString()).isEqualTo(143);
            PodRecorder pods = t.syncedPods();
            assertThat(pods.created(ns, "onFailure")).isEmpty();
            assertThat(pods.created(ns, "always")).isEmpty();
            assertThat(pods.existing()).isEmpty();
        }
    }

    /**
     * Starts {@code wrap} with a preHook that sleeps (onFailure and always: {@code notify}), sends {@code signal} once
     * the preHook pod runs, and returns how the CLI ended; the preHook pod must have been deleted.
     */
    private CliResult signalDuringPreHook(HookTestbed t, String ns, String signal, List<String> more, String... stage)
            throws InterruptedException {
        List<String> hooks = withOnFailure(ns, "hooks/notify", "--pre-hook", "hooks/sleep");
        hooks.addAll(more);
        HooksCli.Running wrap = HooksCli.start(dir, t.wrapCommand(hooks, stage));
        V1Pod preHook = t.pods.awaitRunning(PodRecorder.hook(ns, "preHook"), SOON);

        wrap.signal(signal);
        CliResult r = wrap.await(SOON);

        assertThat(t.syncedPods().wasDeleted(preHook)).as("the running preHook pod was deleted").isTrue();
        return r;
    }

    /** Whether this process ignores SIGINT (its mask of ignored signals in /proc; false where there is none). */
    private static boolean sigintIgnoredHere() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return false;
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("SigIgn:"))
                .map(l -> new BigInteger(l.substring("SigIgn:".length()).strip(), 16))
                .anyMatch(mask -> mask.testBit(1)); // signal 2, SIGINT: bit 1
    }

    private static List<String> withOnFailure(String ns, String onFailure, String... more) {
        List<String> args = new ArrayList<>(List.of("-n", ns, "--on-failure", onFailure, "--always", "hooks/notify"));
        args.addAll(List.of(more));
        return args;
    }

    private static void awaitFile(Path file, HooksCli.Running cli) throws InterruptedException {
        long deadline = System.nanoTime() + SOON.toNanos();
        while (!Files.exists(file)) {
            if (System.nanoTime() > deadline || !cli.process().isAlive()) {
                throw new AssertionError(file + " did not appear; the CLI printed:\n" + cli.progress());
            }
            Thread.sleep(50);
        }
    }
}
