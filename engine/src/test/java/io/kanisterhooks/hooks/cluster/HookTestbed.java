package io.kanisterhooks.hooks.cluster;

import io.kanisterhooks.cluster.junit.KubeTestContext;
import io.kanisterhooks.hooks.report.ReportFiles;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One test's hook setting on the local cluster: the test namespace is the blueprint namespace and the home namespace
 * (hook pods run there, a {@link PodRecorder} watches them), extra target namespaces are created on demand and deleted
 * at the end, files (blueprints, hooks, state, reports) live in a temporary directory. The {@code hooks} blueprint
 * ({@link HookBlueprints#STANDARD}) is written to {@code hooks.yaml}.
 */
final class HookTestbed implements AutoCloseable {

    static final String TESTBED_LABEL = "kanister-hooks.io/testbed";

    final KubeTestContext k;
    final Path dir;
    final PodRecorder pods;
    final Path blueprintFile;
    private final List<String> created = new ArrayList<>();
    private boolean stateFile = true;

    HookTestbed(KubeTestContext k, Path dir) {
        this.k = k;
        this.dir = dir;
        this.blueprintFile = file("hooks.yaml", HookBlueprints.STANDARD);
        this.pods = new PodRecorder(k.kubeconfig(), k.namespace());
    }

    /** Where hook pods run and blueprints / the pod-spec-override ConfigMap are looked up. */
    String home() {
        return k.namespace();
    }

    /** Creates target namespaces {@code HOME-SUFFIX} (labelled {@code kanister-hooks.io/testbed=HOME}). */
    List<String> namespaces(String... suffixes) {
        return namespaces(Map.of(), suffixes);
    }

    List<String> namespaces(Map<String, String> labels, String... suffixes) {
        List<String> names = new ArrayList<>();
        for (String suffix : suffixes) {
            String name = home() + "-" + suffix;
            Map<String, String> all = new java.util.LinkedHashMap<>(labels);
            all.put(TESTBED_LABEL, home());
            try {
                k.coreV1().createNamespace(new V1Namespace().metadata(new V1ObjectMeta().name(name).labels(all)))
                        .execute();
            } catch (ApiException e) {
                throw new IllegalStateException("cannot create namespace " + name + ": HTTP " + e.getCode(), e);
            }
            created.add(name);
            names.add(name);
        }
        return names;
    }

    Path file(String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path state() {
        return dir.resolve("state.json");
    }

    Path reports() {
        return dir.resolve("reports");
    }

    ResultJson report() {
        return ResultJson.read(reports().resolve(ReportFiles.JSON));
    }

    /** From now on the runs keep their state where they do by default: a Secret in the home namespace. */
    HookTestbed stateInCluster() {
        stateFile = false;
        return this;
    }

    /**
     * {@code words} followed by the options every invocation needs (cluster, blueprint namespace, reports, and the
     * state file unless {@link #stateInCluster()}).
     */
    List<String> command(String... words) {
        List<String> args = new ArrayList<>(Arrays.asList(words));
        args.addAll(List.of("--kubeconfig", k.kubeconfig().toString(), "--blueprint-namespace", home(),
                "--report-dir", reports().toString()));
        if (stateFile) {
            args.addAll(List.of("--state", state().toString()));
        }
        return args;
    }

    /** {@code plan} with the options every invocation needs (cluster, blueprint namespace) and {@code args}. */
    List<String> planCommand(String... args) {
        List<String> command = new ArrayList<>(List.of("plan", "--kubeconfig", k.kubeconfig().toString(),
                "--blueprint-namespace", home()));
        command.addAll(Arrays.asList(args));
        return command;
    }

    /** {@code hooks pre|post} with the standard blueprint file and {@code args}. */
    List<String> hooksCommand(String phase, String... args) {
        List<String> command = command("hooks", phase);
        command.addAll(List.of("--blueprint", blueprintFile.toString()));
        command.addAll(Arrays.asList(args));
        return command;
    }

    /** {@code wrap} with the standard blueprint file, {@code hookArgs}, then {@code -- stage...}. */
    List<String> wrapCommand(List<String> hookArgs, String... stage) {
        List<String> command = command("wrap");
        command.addAll(List.of("--blueprint", blueprintFile.toString()));
        command.addAll(hookArgs);
        command.add("--");
        command.addAll(Arrays.asList(stage));
        return command;
    }

    CliResult hooks(String phase, String... args) {
        return HooksCli.inProcess(hooksCommand(phase, args));
    }

    CliResult wrap(List<String> hookArgs, String... stage) {
        return HooksCli.inProcess(wrapCommand(hookArgs, stage));
    }

    /** Waits until every pod event so far is recorded (see {@link PodRecorder#sync()}). */
    PodRecorder syncedPods() {
        try {
            pods.sync();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return pods;
    }

    @Override
    public void close() {
        pods.close();
        for (String ns : created) {
            try {
                k.coreV1().deleteNamespace(ns).execute();
            } catch (ApiException e) {
                // the namespace controller may already be removing it; the test namespace goes too
            }
        }
    }
}
