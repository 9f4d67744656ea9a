package io.kanisterhooks.hooks.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanisterhooks.cluster.junit.KubeTestContext;
import io.kanisterhooks.cluster.junit.LocalClusterExtension;
import io.kanisterhooks.hooks.HookRunner;
import io.kanisterhooks.hooks.report.ReportFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many namespaces (README, "How hooks behave"): every namespace gets its own hooks; one namespace's failure does not touch the
 * others', the outcome is failure and the reports say which namespace failed; a selector is resolved once.
 */
@ExtendWith(LocalClusterExtension.class)
class NamespacesTest {

    @TempDir
    Path dir;

    @Test
    void onePreHookFailingAmongFiveNamespacesLeavesTheOthersAlone(KubeTestContext k) throws Exception {
        try (HookTestbed t = new HookTestbed(k, dir)) {
            List<String> ns = t.namespaces("n1", "n2", "n3", "n4", "n5");
            String bad = ns.get(2);

            CliResult r = t.hooks("pre", args(ns, "--pre-hook", "hooks/failIn", "--option", "failIn=" + bad,
                    "--parallelism", "5"));

            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
            ResultJson result = ResultJson.parse(r.stdout());
            assertThat(result.failedNamespaces()).containsExactly(bad);
            PodRecorder pods = t.syncedPods();
            for (String n : ns) {
                if (n.equals(bad)) {
                    assertThat(result.status(n, "preHook")).isEqualTo("failed");
                    assertThat(pods.attempts(n, "preHook")).containsExactly(1, 2, 3);
                } else {
                    assertThat(result.status(n, "preHook")).isEqualTo("succeeded");
                    assertThat(pods.attempts(n, "preHook")).containsExactly(1);
                }
            }
            String junit = Files.readString(t.reports().resolve(ReportFiles.JUNIT));
            assertThat(junit).contains("tests=\"5\" failures=\"1\"");
            assertThat(junit).contains("<testcase classname=\"" + bad + "\" name=\"preHook hooks/failIn\"");
        }
    }

    @Test
    void onSuccessFailingInOneOfFiveNamespacesRunsOnFailureOnlyThere(KubeTestContext k) {
        try (HookTestbed t = new HookTestbed(k, dir)) {
            List<String> ns = t.namespaces("n1", "n2", "n3", "n4", "n5");
            String bad = ns.get(1);

            CliResult r = t.wrap(List.of(args(ns, "--pre-hook", "hooks/quiesce", "--on-success", "hooks/failIn",
                    "--option", "failIn=" + bad, "--on-failure", "hooks/cleanup")), "true");

            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
            ResultJson report = t.report();
            assertThat(report.outcome()).isEqualTo("failure");
            PodRecorder pods = t.syncedPods();
            for (String n : ns) {
                boolean failing = n.equals(bad);
                assertThat(report.status(n, "onSuccess")).isEqualTo(failing ? "failed" : "succeeded");
                assertThat(pods.attempts(n, "onSuccess")).hasSize(failing ? 3 : 1);
                assertThat(pods.created(n, "onFailure")).hasSize(failing ? 1 : 0);
            }
            assertThat(r.stderr()).contains("[" + bad + "/onFailure/cleanup] cleanup tok-" + bad);
        }
    }

    @Test
    void aNamespaceSelectorIsResolvedWhenTheRunStartsAndThenFixed(KubeTestContext k) {
        try (HookTestbed t = new HookTestbed(k, dir)) {
            List<String> selected = t.namespaces(Map.of("tier", "db"), "a", "b");
            String late = t.namespaces("c").get(0);
            String selector = "tier=db," + HookTestbed.TESTBED_LABEL + "=" + t.home();
            String[] hooks = {"--pre-hook", "hooks/ok", "--on-success", "hooks/ok", "--namespace-selector", selector};

            CliResult pre = t.hooks("pre", hooks);
            assertThat(k.kubectl("label", "namespace", late, "tier=db").exitCode()).isZero();
            CliResult post = t.hooks("post", RetryAndOrderTest.concat(hooks, "--outcome", "success"));

            assertThat(pre.exitCode()).as(pre.toString()).isZero();
            assertThat(post.exitCode()).as(post.toString()).isZero();
            assertThat(ResultJson.parse(post.stdout()).namespaces()).containsExactlyElementsOf(selected);
            assertThat(t.syncedPods().created()).extracting(p -> PodRecorder.label(p, HookRunner.LABEL_NAMESPACE))
                    .containsExactlyInAnyOrder(selected.get(0), selected.get(1), selected.get(0), selected.get(1));
        }
    }

    @Test
    void aSelectorMatchingNoNamespaceIsBadInput(KubeTestContext k) {
        try (HookTestbed t = new HookTestbed(k, dir)) {
            CliResult r = t.hooks("pre", "--pre-hook", "hooks/ok", "--namespace-selector",
                    HookTestbed.TESTBED_LABEL + "=" + t.home());

            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.stderr()).contains("no namespace matches the selector");
            assertThat(t.syncedPods().created()).isEmpty();
        }
    }

    private static String[] args(List<String> namespaces, String... hookArgs) {
        List<String> args = new ArrayList<>(List.of(hookArgs));
        namespaces.forEach(n -> args.addAll(List.of("-n", n)));
        return args.toArray(String[]::new);
    }
}
