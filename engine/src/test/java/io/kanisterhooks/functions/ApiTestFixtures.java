package io.kanisterhooks.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanisterhooks.cluster.junit.CommandResult;
import io.kanisterhooks.cluster.junit.KubeTestContext;
import io.kanisterhooks.testing.SharedMaterial;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What the tests of the API functions (ScaleWorkload, Wait, WaitV2, KubeOps, CSI) share: manifests applied with kubectl
 * into the test's namespace (containers have no command, so on the simulated node they idle and become ready), and
 * blueprints made of phases, including phases copied from Kanister's examples.
 */
final class ApiTestFixtures {

    private ApiTestFixtures() {
    }

    static void apply(KubeTestContext k, String yaml) {
        kubectl(k, "apply", "-f", file(yaml));
    }

    /** Waits until a workload ({@code statefulset/db}) has rolled out all its replicas. */
    static void awaitRollout(KubeTestContext k, String workload) {
        kubectl(k, "rollout", "status", workload, "--timeout=90s");
    }

    static CommandResult kubectl(KubeTestContext k, String... args) {
        CommandResult r = k.kubectl(args);
        assertThat(r.succeeded()).as("kubectl %s: %s", String.join(" ", args), r.stderr()).isTrue();
        return r;
    }

    static String file(String yaml) {
        try {
            Path f = Files.createTempFile("manifest", ".yaml");
            f.toFile().deleteOnExit();
            Files.writeString(f, yaml);
            return f.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String statefulSet(String name, int replicas) {
        return workload("StatefulSet", name, replicas, "serviceName: " + name);
    }

    static String deployment(String name, int replicas) {
        return workload("Deployment", name, replicas, "");
    }

    private static String workload(String kind, String name, int replicas, String specLine) {
        return """
                apiVersion: apps/v1
                kind: %2$s
                metadata: {name: %1$s}
                spec:
                  replicas: %3$d
                  %4$s
                  selector: {matchLabels: {app: %1$s}}
                  template:
                    metadata: {labels: {app: %1$s}}
                    spec:
                      terminationGracePeriodSeconds: 0
                      containers: [{name: main, image: busybox}]
                """.formatted(name, kind, replicas, specLine);
    }

    static String pod(String name) {
        return """
                apiVersion: v1
                kind: Pod
                metadata: {name: %s}
                spec:
                  terminationGracePeriodSeconds: 0
                  containers: [{name: main, image: busybox}]
                """.formatted(name);
    }

    /**
     * The phases of an action of a Kanister example blueprint (read from {@code ../shared} at test time), picked by
     * name in the order given.
     */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> examplePhases(String example, String action, String... names) {
        Map<String, Object> act = exampleAction(example, action);
        List<Map<String, Object>> picked = new ArrayList<>();
        for (String name : names) {
            picked.add(((List<Map<String, Object>>) act.get("phases")).stream()
                    .filter(p -> name.equals(p.get("name"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no phase " + name + " in " + example)));
        }
        return picked;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> exampleAction(String example, String action) {
        try {
            String text = Files.readString(SharedMaterial.require("kanister-examples/kanister/" + example));
            Map<String, Object> bp = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
            return (Map<String, Object>) ((Map<String, Object>) bp.get("actions")).get(action);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A blueprint whose action {@code run} has these phases (and defer phase, if not null). */
    static String blueprintOf(List<Map<String, Object>> phases, Map<String, Object> deferPhase) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("phases", phases);
        if (deferPhase != null) {
            run.put("deferPhase", deferPhase);
        }
        Map<String, Object> bp = new LinkedHashMap<>();
        bp.put("apiVersion", "cr.kanister.io/v1alpha1");
        bp.put("kind", "Blueprint");
        bp.put("metadata", Map.of("name", "example"));
        bp.put("actions", Map.of("run", run));
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(options).dump(bp);
    }

    /** A Wait or WaitV2 phase {@code wait}: conditions and object references (YAML flow maps) in pairs. */
    static String waitPhase(String function, String timeout, String list, String... conditionAndRef) {
        StringBuilder conditions = new StringBuilder();
        for (int i = 0; i < conditionAndRef.length; i += 2) {
            conditions.append("      - condition: '").append(conditionAndRef[i].replace("'", "''")).append("'\n")
                    .append("        objectReference: ").append(conditionAndRef[i + 1]).append('\n');
        }
        return """
                - func: %s
                  name: wait
                  args:
                    timeout: %s
                    conditions:
                      %s:
                %s""".formatted(function, timeout, list, conditions);
    }

    static String namespaceRef(String namespace) {
        return "{apiVersion: v1, resource: namespaces, name: " + namespace + "}";
    }

    /** A blueprint with one action {@code run} made of the given phases (YAML list items, indented by 4). */
    static String blueprint(String phases) {
        return """
                apiVersion: cr.kanister.io/v1alpha1
                kind: Blueprint
                metadata: {name: test}
                actions:
                  run:
                    phases:
                """ + phases.stripIndent().indent(4);
    }
}
