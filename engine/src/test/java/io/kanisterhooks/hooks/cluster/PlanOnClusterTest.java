package io.kanisterhooks.hooks.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.kanisterhooks.cluster.junit.KubeTestContext;
import io.kanisterhooks.cluster.junit.LocalClusterExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code plan}: what the hooks would run, each entry saying which hook slot it is, and nothing created. */
@ExtendWith(LocalClusterExtension.class)
class PlanOnClusterTest {

    @TempDir
    Path dir;

    @Test
    void everyEntrySaysWhichHookItIsInTheOrderTheHooksRun(KubeTestContext k) throws Exception {
        try (HookTestbed t = new HookTestbed(k, dir)) {
            List<String> ns = t.namespaces("shop");
            List<String> command = t.command("plan");
            command.addAll(List.of("--blueprint", t.blueprintFile.toString(), "-n", ns.get(0), "--pre-hook",
                    "hooks/quiesce", "--on-success", "hooks/notify", "--on-failure", "hooks/cleanup", "--always",
                    "hooks/notify", "-o", "json"));

            CliResult r = HooksCli.inProcess(command);

            assertThat(r.exitCode()).as(r.toString()).isZero();
            JsonArray entries = JsonParser.parseString(r.stdout()).getAsJsonArray();
            List<String> shown = new ArrayList<>();
            for (JsonElement e : entries) {
                shown.add(e.getAsJsonObject().get("hook").getAsString() + " "
                        + e.getAsJsonObject().get("action").getAsString() + " "
                        + e.getAsJsonObject().get("namespace").getAsString());
            }
            // onSuccess and always plan the same action: each is listed under its own slot
            assertThat(shown).containsExactly("preHook quiesce " + ns.get(0), "onSuccess notify " + ns.get(0),
                    "onFailure cleanup " + ns.get(0), "always notify " + ns.get(0));
            assertThat(k.coreV1().listNamespacedPod(t.home()).execute().getItems()).as("plan creates nothing")
                    .isEmpty();
        }
    }
}
