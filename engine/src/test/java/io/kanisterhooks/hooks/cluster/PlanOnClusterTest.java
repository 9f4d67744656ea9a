package io.kanisterhooks.hooks.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.kanisterhooks.cluster.junit.KubeTestContext;
import io.kanisterhooks.cluster.junit.LocalClusterExtension;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaimSpec;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1VolumeResourceRequirements;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code plan}: what the hooks would run, each entry saying which hook slot it is, and nothing created. */
@ExtendWith(LocalClusterExtension.class)
class PlanOnClusterTest {

    private static final String SECRET = "plan-s3cr3t-value";

    @TempDir
    Path dir;

    @Test
    void everyEntrySaysWhichHookItIsInTheOrderTheHooksRun(KubeTestContext k) throws Exception {
        try (HookTestbed t = new HookTestbed(k, dir)) {
            List<String> ns = t.namespaces("shop");
            List<String> command = t.planCommand("--blueprint", t.blueprintFile.toString(), "-n", ns.get(0),
                    "--pre-hook", "hooks/quiesce", "--on-success", "hooks/notify", "--on-failure", "hooks/cleanup",
                    "--always", "hooks/notify", "-o", "json");

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

    @Test
    void theTextIsGroupedBySlotInRunOrderWithANamespaceEntryUnderEach(KubeTestContext k) throws Exception {
        try (HookTestbed t = new HookTestbed(k, dir)) {
            List<String> ns = t.namespaces("a", "b");

            CliResult r = HooksCli.inProcess(t.planCommand("--blueprint", t.blueprintFile.toString(), "-n", ns.get(0),
                    "-n", ns.get(1), "--always", "hooks/notify", "--pre-hook", "hooks/quiesce", "--on-success",
                    "hooks/ok"));

            assertThat(r.exitCode()).as(r.toString()).isZero();
            List<String> outline = r.stdout().lines().filter(l -> !l.startsWith("    ")).toList();
            assertThat(outline).containsExactly("preHook",
                    "  " + ns.get(0) + ": hooks/quiesce, subject namespace/" + ns.get(0),
                    "  " + ns.get(1) + ": hooks/quiesce, subject namespace/" + ns.get(1),
                    "onSuccess",
                    "  " + ns.get(0) + ": hooks/ok, subject namespace/" + ns.get(0),
                    "  " + ns.get(1) + ": hooks/ok, subject namespace/" + ns.get(1),
                    "always",
                    "  " + ns.get(0) + ": hooks/notify, subject namespace/" + ns.get(0),
                    "  " + ns.get(1) + ": hooks/notify, subject namespace/" + ns.get(1),
                    "6 hooks in 2 namespaces: all would start and render");
            // each phase with its rendered arguments under the entry
            assertThat(r.stdout()).contains("    phase ok: KubeTask\n      image: busybox\n",
                    "- echo ok " + ns.get(1));
        }
    }

    @Test
    void theJUnitFileFailsTheCasesWhoseSubjectOrObjectsAreMissing(KubeTestContext k) throws Exception {
        try (HookTestbed t = new HookTestbed(k, dir)) {
            List<String> ns = t.namespaces("full", "nosecret", "nopvc");
            for (String n : ns.subList(0, 2)) {
                pvc(k, n, "data");
            }
            k.coreV1().createNamespacedSecret(ns.get(0), new V1Secret().metadata(new V1ObjectMeta().name("creds"))
                    .stringData(Map.of("password", SECRET))).execute();
            Path objects = t.file("objects.yaml", """
                    apiVersion: cr.kanister.io/v1alpha1
                    kind: Blueprint
                    metadata: {name: objects}
                    actions:
                      login:
                        phases:
                        - func: KubeTask
                          name: login
                          objects:
                            creds: {kind: Secret, name: creds, namespace: '{{ .PVC.Namespace }}'}
                          args:
                            image: busybox
                            command: [sh, -c, 'echo login {{ .PVC.Name }}']
                      note:
                        phases:
                        - func: KubeTask
                          name: note
                          args:
                            image: busybox
                            command: [sh, -c, 'echo note {{ .PVC.Name }}']
                    """);
            Path junit = dir.resolve("out/plan-junit.xml");
            Path json = dir.resolve("out/plan.json");
            List<String> command = t.planCommand("--blueprint", objects.toString(), "--pre-hook", "objects/login",
                    "--always", "objects/note", "--subject", "pvc/data", "--junit", junit.toString(), "--json",
                    json.toString(), "-o", "json");
            ns.forEach(n -> command.addAll(List.of("-n", n)));

            CliResult r = HooksCli.inProcess(command);

            assertThat(r.exitCode()).as("a failing case is exit 1: " + r).isEqualTo(1);
            assertThat(JsonParser.parseString(r.stdout()).getAsJsonArray()).hasSize(6);
            assertThat(JsonParser.parseString(Files.readString(json))).as("--json, written also on exit 1")
                    .isEqualTo(JsonParser.parseString(r.stdout()));
            Map<String, String> cases = cases(junit);
            assertThat(cases).containsOnlyKeys(
                    ns.get(0) + " preHook objects/login", ns.get(1) + " preHook objects/login",
                    ns.get(2) + " preHook objects/login", ns.get(0) + " always objects/note",
                    ns.get(1) + " always objects/note", ns.get(2) + " always objects/note");
            assertThat(cases.get(ns.get(0) + " preHook objects/login")).isEqualTo("passed");
            assertThat(cases.get(ns.get(0) + " always objects/note")).isEqualTo("passed");
            assertThat(cases.get(ns.get(1) + " always objects/note")).isEqualTo("passed");
            assertThat(cases.get(ns.get(1) + " preHook objects/login"))
                    .startsWith("phase login (KubeTask): Failed to init phase params:").contains("creds");
            assertThat(cases.get(ns.get(2) + " preHook objects/login")).contains("could not fetch object name: data",
                    ns.get(2));
            assertThat(cases.get(ns.get(2) + " always objects/note")).contains("could not fetch object name: data");
            assertThat(Files.readString(junit)).contains("tests=\"6\" failures=\"3\"")
                    .doesNotContain(SECRET);
            assertThat(r.stdout() + r.stderr()).doesNotContain(SECRET);
            assertThat(k.coreV1().listNamespacedPod(t.home()).execute().getItems()).as("plan creates nothing")
                    .isEmpty();
        }
    }

    @Test
    void withJsonOneInvocationPrintsTheTextAndWritesWhatOutputJsonPrints(KubeTestContext k) throws Exception {
        try (HookTestbed t = new HookTestbed(k, dir)) {
            List<String> ns = t.namespaces("a", "b");
            String[] hooks = {"--blueprint", t.blueprintFile.toString(), "-n", ns.get(0), "-n", ns.get(1),
                "--pre-hook", "hooks/quiesce", "--always", "hooks/notify"};
            Path json = dir.resolve("plan/kanister-plan.json");
            Path junit = dir.resolve("plan/kanister-plan-junit.xml");
            Files.createDirectories(json.getParent());
            Files.writeString(json, "an earlier plan");
            List<String> once = t.planCommand(hooks);
            once.addAll(List.of("--output=text", "--junit=" + junit, "--json=" + json));
            List<String> printsJson = t.planCommand(hooks);
            printsJson.addAll(List.of("-o", "json"));

            CliResult text = HooksCli.inProcess(once);
            CliResult printed = HooksCli.inProcess(printsJson);

            assertThat(text.exitCode()).as(text.toString()).isZero();
            assertThat(printed.exitCode()).as(printed.toString()).isZero();
            assertThat(text.stdout()).startsWith("preHook\n").contains("4 hooks in 2 namespaces");
            assertThat(JsonParser.parseString(Files.readString(json)))
                    .isEqualTo(JsonParser.parseString(printed.stdout()));
            assertThat(cases(junit)).hasSize(4);
            try (Stream<Path> files = Files.list(json.getParent())) {
                assertThat(files.map(p -> p.getFileName().toString())).as("the earlier file replaced, no temporary "
                        + "file left").containsExactlyInAnyOrder("kanister-plan.json", "kanister-plan-junit.xml");
            }
        }
    }

    @Test
    void badInputWritesNoFile(KubeTestContext k) throws Exception {
        try (HookTestbed t = new HookTestbed(k, dir)) {
            Path json = dir.resolve("plan/kanister-plan.json");
            Path junit = dir.resolve("plan/kanister-plan-junit.xml");
            // found out on the cluster: a namespace that does not exist
            CliResult missing = HooksCli.inProcess(t.planCommand("--blueprint", t.blueprintFile.toString(),
                    "-n", t.home() + "-absent", "--pre-hook", "hooks/quiesce", "--junit", junit.toString(),
                    "--json", json.toString()));
            assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(2);
            assertThat(json).doesNotExist();
            assertThat(junit).doesNotExist();

            // found out before the first request: a --json whose directory is a file
            Path file = t.file("not-a-directory", "");
            CliResult refused = HooksCli.inProcess(t.planCommand("--blueprint", t.blueprintFile.toString(),
                    "-n", t.home(), "--pre-hook", "hooks/quiesce", "--junit", junit.toString(),
                    "--json", file.resolve("plan.json").toString()));
            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
            assertThat(refused.stderr()).contains("--json " + file + ": is a file, not a directory")
                    .doesNotContain("\tat ");
            assertThat(refused.stdout()).as("nothing planned").isEmpty();
            assertThat(junit).doesNotExist();
        }
    }

    private static void pvc(KubeTestContext k, String namespace, String name) throws Exception {
        k.coreV1().createNamespacedPersistentVolumeClaim(namespace, new V1PersistentVolumeClaim()
                .metadata(new V1ObjectMeta().name(name)).spec(new V1PersistentVolumeClaimSpec()
                        .accessModes(List.of("ReadWriteOnce")).resources(new V1VolumeResourceRequirements()
                                .requests(Map.of("storage", Quantity.fromString("1Gi")))))).execute();
    }

    /** "CLASSNAME NAME" -> "passed", or the failure's message. */
    private static Map<String, String> cases(Path junit) throws Exception {
        NodeList list = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile())
                .getElementsByTagName("testcase");
        Map<String, String> cases = new LinkedHashMap<>();
        for (int i = 0; i < list.getLength(); i++) {
            Element c = (Element) list.item(i);
            NodeList failures = c.getElementsByTagName("failure");
            cases.put(c.getAttribute("classname") + " " + c.getAttribute("name"), failures.getLength() == 0
                    ? "passed" : ((Element) failures.item(0)).getAttribute("message"));
        }
        return cases;
    }
}
