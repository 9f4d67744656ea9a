package io.kanisterhooks.hooks.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanisterhooks.cluster.junit.KubeTestContext;
import io.kanisterhooks.cluster.junit.LocalClusterExtension;
import io.kanisterhooks.hooks.HookRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preHook's output artifacts reach onSuccess and onFailure as input artifacts when {@code hooks pre} and
 * {@code hooks post} are separate processes (as the Jenkins library calls them): the run-state file carries them.
 */
@ExtendWith(LocalClusterExtension.class)
class ArtifactsAcrossProcessesTest {

    @TempDir
    Path dir;

    @Test
    void preHookArtifactsReachOnSuccessInALaterProcess(KubeTestContext k) throws Exception {
        try (HookTestbed t = new HookTestbed(k, dir)) {
            List<String> ns = t.namespaces("a", "b");
            String[] hooks = hooks(ns);

            CliResult pre = HooksCli.process(dir, t.hooksCommand("pre", hooks));

            assertThat(pre.exitCode()).as(pre.toString()).isZero();
            ResultJson preResult = ResultJson.parse(pre.stdout());
            assertThat(preResult.artifact(ns.get(0), "preHook", "marker", "tag")).isEqualTo("tok-" + ns.get(0));
            assertThat(preResult.artifact(ns.get(1), "preHook", "marker", "tag")).isEqualTo("tok-" + ns.get(1));
            assertThat(Files.readString(t.state())).contains("tok-" + ns.get(0), "tok-" + ns.get(1));

            CliResult post = HooksCli.process(dir, t.hooksCommand("post", RetryAndOrderTest.concat(hooks,
                    "--outcome", "success")));

            assertThat(post.exitCode()).as(post.toString()).isZero();
            for (String n : ns) {
                assertThat(post.stderr()).contains("[" + n + "/onSuccess/unquiesce] unquiesce tok-" + n);
            }
            ResultJson postResult = ResultJson.parse(post.stdout());
            assertThat(postResult.runId()).isEqualTo(preResult.runId());
            assertThat(postResult.status(ns.get(0), "preHook")).isEqualTo("succeeded");
            assertThat(postResult.status(ns.get(0), "onSuccess")).isEqualTo("succeeded");
            PodRecorder pods = t.syncedPods();
            assertThat(pods.created()).hasSize(4).allSatisfy(p -> assertThat(PodRecorder.label(p,
                    HookRunner.LABEL_RUN)).isEqualTo(preResult.runId()));
            assertThat(pods.created(ns.get(0), "onFailure")).isEmpty();
        }
    }

    @Test
    void onFailureGetsThePreHookArtifactsInALaterProcess(KubeTestContext k) {
        try (HookTestbed t = new HookTestbed(k, dir)) {
            List<String> ns = t.namespaces("a");
            String[] hooks = hooks(ns);
            assertThat(HooksCli.process(dir, t.hooksCommand("pre", hooks)).exitCode()).isZero();

            CliResult post = HooksCli.process(dir, t.hooksCommand("post", RetryAndOrderTest.concat(hooks,
                    "--outcome", "failure")));

            assertThat(post.exitCode()).as(post.toString()).isEqualTo(1);
            assertThat(post.stderr()).contains("[" + ns.get(0) + "/onFailure/cleanup] cleanup tok-" + ns.get(0));
            ResultJson result = ResultJson.parse(post.stdout());
            assertThat(result.outcome()).isEqualTo("failure");
            assertThat(result.status(ns.get(0), "onSuccess")).isEqualTo("skipped");
            assertThat(result.status(ns.get(0), "onFailure")).isEqualTo("succeeded");
        }
    }

    @Test
    void aStateFileOfOtherHooksIsRefused(KubeTestContext k) {
        try (HookTestbed t = new HookTestbed(k, dir)) {
            List<String> ns = t.namespaces("a");
            assertThat(t.hooks("pre", hooks(ns)).exitCode()).isZero();

            CliResult post = t.hooks("post", "--pre-hook", "hooks/ok", "--on-success", "hooks/unquiesce", "-n",
                    ns.get(0), "--outcome", "success");

            assertThat(post.exitCode()).isEqualTo(2);
            assertThat(post.stderr()).contains("was started with the hooks", "a new run needs another --run id");
            assertThat(t.syncedPods().created(ns.get(0), "onSuccess")).isEmpty();
        }
    }

    private static String[] hooks(List<String> namespaces) {
        List<String> args = new java.util.ArrayList<>(List.of("--pre-hook", "hooks/quiesce", "--on-success",
                "hooks/unquiesce", "--on-failure", "hooks/cleanup"));
        namespaces.forEach(n -> args.addAll(List.of("-n", n)));
        return args.toArray(String[]::new);
    }
}
