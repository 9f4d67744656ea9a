package io.kanisterhooks.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanisterhooks.cluster.junit.CommandResult;
import io.kanisterhooks.cluster.junit.KubeTestContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Workloads for the tests of ScaleWorkload, Wait, WaitV2 and KubeOps: manifests applied with kubectl into the test's
 * namespace. Containers have no command, so on the simulated node they idle and become ready.
 */
final class ScaleTestWorkloads {

    private ScaleTestWorkloads() {
    }

    static void apply(KubeTestContext k, String yaml) {
        kubectl(k, "apply", "-f", file(yaml));
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
        return """
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: %1$s}
                spec:
                  replicas: %2$d
                  serviceName: %1$s
                  selector: {matchLabels: {app: %1$s}}
                  template:
                    metadata: {labels: {app: %1$s}}
                    spec:
                      terminationGracePeriodSeconds: 0
                      containers: [{name: main, image: busybox}]
                """.formatted(name, replicas);
    }

    static String deployment(String name, int replicas) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: %1$s}
                spec:
                  replicas: %2$d
                  selector: {matchLabels: {app: %1$s}}
                  template:
                    metadata: {labels: {app: %1$s}}
                    spec:
                      terminationGracePeriodSeconds: 0
                      containers: [{name: main, image: busybox}]
                """.formatted(name, replicas);
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
