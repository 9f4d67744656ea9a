package io.kanisterhooks.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanisterhooks.action.ActionResult;
import io.kanisterhooks.action.Subject;
import io.kanisterhooks.blueprint.Artifact;
import io.kanisterhooks.cancel.Cancellation;
import io.kanisterhooks.cluster.junit.CommandResult;
import io.kanisterhooks.cluster.junit.KubeTestContext;
import io.kanisterhooks.kube.PodRunner;
import io.kanisterhooks.testing.ActionHarness;
import io.kanisterhooks.testing.SharedMaterial;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Workloads, stub tools and runs for the tests of the pod and exec functions on the local cluster. Simulated
 * containers are processes on this machine: a container's {@code PATH} env (with {@code $(PATH)}) puts stub tools in
 * front of the real ones, which is how the Kanister example blueprints' database tools are stood in for.
 */
final class PodTestWorkloads {

    private PodTestWorkloads() {
    }

    /** {@code kubectl apply} of a manifest, failing the test when kubectl fails. */
    static void apply(KubeTestContext k, String yaml) {
        try {
            Path file = Files.createTempFile("manifest", ".yaml");
            try {
                Files.writeString(file, yaml);
                CommandResult r = k.kubectl("apply", "-f", file.toString());
                assertThat(r.succeeded()).as(r.stderr()).isTrue();
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A bare pod whose containers idle (no command), ready to exec into. */
    static void idlePod(KubeTestContext k, String name, String... containers) {
        StringBuilder yaml = new StringBuilder("apiVersion: v1\nkind: Pod\nmetadata: {name: " + name + "}\nspec:\n"
                + "  containers:\n");
        for (String c : containers) {
            yaml.append("  - {name: \"").append(c).append("\", image: busybox}\n");
        }
        apply(k, yaml.toString());
        awaitReady(k, "pod/" + name);
    }

    /** Waits until a pod (or every pod of a workload: {@code statefulset/x}) is Ready. */
    static void awaitReady(KubeTestContext k, String resource) {
        CommandResult r = resource.startsWith("pod/")
                ? k.kubectl("wait", "--for=condition=Ready", resource, "--timeout=90s")
                : k.kubectl("rollout", "status", resource, "--timeout=90s");
        assertThat(r.succeeded()).as(r.stdout() + r.stderr()).isTrue();
    }

    /**
     * A StatefulSet whose idle containers have {@code stubs} first on their PATH.
     *
     * @param extra more container fields (YAML flow mapping entries), e.g. {@code volumeMounts: [...]}
     */
    static void statefulSet(KubeTestContext k, String name, int replicas, String container, Path stubs,
                            Map<String, String> labels, String extra) {
        StringBuilder l = new StringBuilder("{app: " + name);
        labels.forEach((key, v) -> l.append(", ").append(key).append(": ").append(v));
        l.append('}');
        apply(k, """
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: %1$s, labels: %2$s}
                spec:
                  replicas: %3$d
                  serviceName: %1$s
                  selector: {matchLabels: {app: %1$s}}
                  template:
                    metadata: {labels: {app: %1$s}}
                    spec:
                      containers:
                      - name: %4$s
                        image: busybox
                        env: [{name: PATH, value: "%5$s:$(PATH)"}]
                        %6$s
                """.formatted(name, l, replicas, container, stubs, extra == null ? "" : extra));
        awaitReady(k, "statefulset/" + name);
    }

    /** A directory of executable shell scripts (name → body after the {@code #!/bin/sh} line). */
    static Path stubs(Map<String, String> scripts) {
        try {
            Path dir = Files.createTempDirectory("kh-stubs");
            for (Map.Entry<String, String> s : scripts.entrySet()) {
                Path file = dir.resolve(s.getKey());
                Files.writeString(file, "#!/bin/sh\n" + s.getValue() + "\n");
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A one-phase blueprint (action {@code run}, phase {@code p}); {@code args} is indented YAML under {@code args:}. */
    static String phase(String func, String args) {
        return """
                apiVersion: cr.kanister.io/v1alpha1
                kind: Blueprint
                metadata: {name: test}
                actions:
                  run:
                    phases:
                    - func: %s
                      name: p
                      args:
                %s""".formatted(func, args.indent(8));
    }

    /**
     * A blueprint made of some phases of one action of a Kanister example (read from {@code ../shared} now, never
     * copied into the project), with {@code edit} applied to its text first (e.g. to replace what needs a Profile).
     * When phases are left out, so are the action's output artifacts and defer phase.
     */
    @SuppressWarnings("unchecked")
    static String examplePhases(String example, String action, List<String> phases, UnaryOperator<String> edit) {
        Path file = SharedMaterial.require("kanister-examples/kanister/" + example);
        Map<String, Object> bp;
        try {
            bp = new Yaml().load(edit.apply(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> actions = (Map<String, Object>) bp.get("actions");
        Map<String, Object> chosen = new LinkedHashMap<>((Map<String, Object>) actions.get(action));
        List<Object> kept = new ArrayList<>();
        for (Object p : (List<Object>) chosen.get("phases")) {
            if (phases.contains(((Map<String, Object>) p).get("name"))) {
                kept.add(p);
            }
        }
        assertThat(kept).as("phases " + phases + " of " + example).hasSize(phases.size());
        if (kept.size() < ((List<Object>) chosen.get("phases")).size()) {
            // the artifacts would refer to outputs of phases left out
            chosen.remove("outputArtifacts");
            chosen.remove("deferPhase");
        }
        chosen.put("phases", kept);
        bp.put("actions", Map.of(action, chosen));
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(options).dump(bp);
    }

    /** Runs an action like {@link ActionHarness} does, with run-level pod settings (Kanister: the ActionSet's). */
    static ActionResult run(ActionHarness h, KubeTestContext k, String yaml, String action, Subject subject,
                            Map<String, Artifact> artifactsIn, PodSettings pods, Cancellation cancellation) {
        return h.run(ActionHarness.blueprint(yaml), action, subject, Map.of(), artifactsIn, pods, cancellation);
    }

    /** A context for calling a function directly (to see what it returns, nil included). */
    static PhaseContext context(ActionHarness h, KubeTestContext k, Cancellation cancellation, List<String> log) {
        return context(h, k, cancellation, log, Duration.ofMinutes(2));
    }

    static PhaseContext context(ActionHarness h, KubeTestContext k, Cancellation cancellation, List<String> log,
                                Duration podReadyTimeout) {
        return new PhaseContext(h.kube(), new PodRunner(h.kube()), "p", "namespace", k.namespace(), k.namespace(),
                k.namespace(), PodSettings.NONE, template -> template, log::add, cancellation, podReadyTimeout, () -> {
                });
    }

    /** Waits up to {@code timeout} for {@code condition}; false if it never held. */
    static boolean eventually(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }

    /** Whether a process whose command line contains {@code token} runs on this machine. */
    static boolean processRuns(String token) {
        return ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine().map(c -> c.contains(token))
                .orElse(false) && p.pid() != ProcessHandle.current().pid());
    }
}
