package io.kanisterhooks.hooks.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanisterhooks.cluster.junit.KubeTestContext;
import io.kanisterhooks.cluster.junit.LocalClusterExtension;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V1StatefulSetSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Subjects (K10: "only the resources created in the target namespace can be selected"): a subject
 * in another namespace is refused before anything runs; a StatefulSet subject is what the templates see.
 */
@ExtendWith(LocalClusterExtension.class)
class SubjectRulesTest {

    private static final String SHOW = "show";

    @TempDir
    Path dir;

    @Test
    void aSubjectInAnotherNamespaceIsRefusedBeforeAnythingRuns(KubeTestContext k) {
        try (HookTestbed t = new HookTestbed(k, dir)) {
            List<String> ns = t.namespaces("app", "other");
            Path hooks = t.file("spec.yaml", """
                    hooks:
                      preHook: {blueprint: hooks, actionName: ok}
                      onSuccess:
                        blueprint: hooks
                        actionName: ok
                        subject: {name: db, namespace: %s, type: statefulset}
                    """.formatted(ns.get(1)));
            Path stageRan = dir.resolve("stage-ran");

            CliResult r = t.wrap(List.of("--hooks-file", hooks.toString(), "-n", ns.get(0)), "touch",
                    stageRan.toString());

            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.stderr()).contains(hooks + ":5:")
                    .contains("is in namespace " + ns.get(1) + ", but the hook runs for namespace " + ns.get(0))
                    .contains("only resources in the target namespace can be selected");
            assertThat(stageRan).doesNotExist();
            assertThat(t.state()).doesNotExist();
            assertThat(t.syncedPods().created()).isEmpty();
        }
    }

    @Test
    void aStatefulSetSubjectRendersItsNameNamespaceAndPods(KubeTestContext k) throws Exception {
        try (HookTestbed t = new HookTestbed(k, dir)) {
            String ns = t.home();
            startStatefulSet(k, "db", 2);
            t.file("sts.yaml", HookBlueprints.blueprint("sts", Map.of(SHOW, "echo subject {{ .StatefulSet.Name }} in "
                    + "{{ .StatefulSet.Namespace }} pods {{ range .StatefulSet.Pods }}[{{ . }}]{{ end }}")));
            Path hooks = t.file("spec.yaml", """
                    hooks:
                      preHook: {blueprint: sts, actionName: show, subject: {name: db, namespace: %s, type: StatefulSet}}
                      onSuccess: {blueprint: sts, actionName: show}
                    """.formatted(ns));

            CliResult r = HooksCli.inProcess(t.wrapCommand(List.of("--blueprint", dir.resolve("sts.yaml").toString(),
                    "--hooks-file", hooks.toString(), "--subject", "statefulset/db", "-n", ns), "true"));

            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.stderr()).contains("[" + ns + "/preHook/show] subject db in " + ns + " pods [db-0][db-1]")
                    .as("--subject applies to hooks without their own")
                    .contains("[" + ns + "/onSuccess/show] subject db in " + ns + " pods [db-0][db-1]");
        }
    }

    private static void startStatefulSet(KubeTestContext k, String name, int replicas) throws Exception {
        AppsV1Api apps = new AppsV1Api(k.apiClient());
        Map<String, String> labels = Map.of("app", name);
        apps.createNamespacedStatefulSet(k.namespace(), new V1StatefulSet()
                .metadata(new V1ObjectMeta().name(name))
                .spec(new V1StatefulSetSpec().serviceName(name).replicas(replicas)
                        .selector(new V1LabelSelector().matchLabels(labels))
                        .template(new V1PodTemplateSpec().metadata(new V1ObjectMeta().labels(labels))
                                .spec(new V1PodSpec().containers(List.of(new V1Container().name("db").image("busybox")
                                        .command(List.of("sleep", "3600")))))))).execute();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            V1StatefulSet s = apps.readNamespacedStatefulSet(name, k.namespace()).execute();
            if (s.getStatus() != null && Integer.valueOf(replicas).equals(s.getStatus().getReadyReplicas())) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("StatefulSet " + name + " not ready: " + s.getStatus());
            }
            Thread.sleep(200);
        }
    }
}
