package io.kanisterhooks.hooks.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanisterhooks.cluster.junit.CommandResult;
import io.kanisterhooks.cluster.junit.KubeTestContext;
import io.kanisterhooks.cluster.junit.LocalClusterExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where hook blueprints come from (README, "How hooks behave"): files, or Blueprint objects in the blueprint namespace as K10
 * keeps them; a file wins over an object of the same name; unknown names say what exists.
 */
@ExtendWith(LocalClusterExtension.class)
class BlueprintSourcesTest {

    @TempDir
    Path dir;

    @Test
    void hooksUseABlueprintObjectOfTheBlueprintNamespaceWhenNoFileHasIt(KubeTestContext k) throws Exception {
        try (HookTestbed t = new HookTestbed(k, dir)) {
            String ns = t.namespaces("app").get(0);
            apply(k, t.blueprintFile);

            List<String> wrap = t.command("wrap");
            wrap.addAll(List.of("--pre-hook", "hooks/quiesce", "--on-success", "hooks/unquiesce", "-n", ns, "--",
                    "true"));
            CliResult implicit = HooksCli.inProcess(wrap);
            java.nio.file.Files.delete(t.state());
            CliResult byName = HooksCli.inProcess(withoutFile(t, "--blueprint", "hooks", "--pre-hook", "hooks/quiesce",
                    "-n", ns));

            assertThat(implicit.exitCode()).as(implicit.toString()).isZero();
            assertThat(implicit.stderr()).contains("[" + ns + "/onSuccess/unquiesce] unquiesce tok-" + ns);
            assertThat(byName.exitCode()).as(byName.toString()).isZero();
            assertThat(t.syncedPods().attempts(ns, "preHook")).containsExactly(1, 1);
        }
    }

    @Test
    void aFileWinsOverTheBlueprintObjectOfTheSameName(KubeTestContext k) {
        try (HookTestbed t = new HookTestbed(k, dir)) {
            String ns = t.namespaces("app").get(0);
            apply(k, t.file("cluster-copy.yaml", HookBlueprints.blueprint("hooks", Map.of("ok",
                    "echo from the cluster"))));

            CliResult r = t.wrap(List.of("--pre-hook", "hooks/ok", "-n", ns), "true");

            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.stderr()).contains("[" + ns + "/preHook/ok] ok " + ns).doesNotContain("from the cluster");
        }
    }

    @Test
    void anUnknownBlueprintOrActionIsBadInputThatSaysWhatExists(KubeTestContext k) {
        try (HookTestbed t = new HookTestbed(k, dir)) {
            String ns = t.namespaces("app").get(0);
            apply(k, t.blueprintFile);

            CliResult blueprint = HooksCli.inProcess(withoutFile(t, "--pre-hook", "missing/quiesce", "-n", ns));
            CliResult action = HooksCli.inProcess(withoutFile(t, "--pre-hook", "hooks/nope", "-n", ns));

            assertThat(blueprint.exitCode()).isEqualTo(2);
            assertThat(blueprint.stderr()).contains("blueprint \"missing\" not found")
                    .contains("namespace " + t.home() + " has only hooks");
            assertThat(action.exitCode()).isEqualTo(2);
            assertThat(action.stderr()).contains("action \"nope\" not found in blueprint hooks (its actions: cleanup, fail,");
            assertThat(t.syncedPods().created()).isEmpty();
        }
    }

    /** {@code hooks pre} without the standard blueprint file. */
    private static List<String> withoutFile(HookTestbed t, String... args) {
        List<String> command = t.command("hooks", "pre");
        command.addAll(List.of(args));
        return command;
    }

    private static void apply(KubeTestContext k, Path blueprint) {
        CommandResult r = k.kubectl("apply", "-f", blueprint.toString());
        assertThat(r.exitCode()).as(r.stderr()).isZero();
    }
}
