package io.kanisterhooks.functions;

import static io.kanisterhooks.functions.ApiTestFixtures.apply;
import static io.kanisterhooks.functions.ApiTestFixtures.blueprint;
import static io.kanisterhooks.functions.ApiTestFixtures.kubectl;
import static org.assertj.core.api.Assertions.assertThat;

import io.kanisterhooks.action.ActionResult;
import io.kanisterhooks.action.Subject;
import io.kanisterhooks.cancel.Cancellation;
import io.kanisterhooks.cluster.junit.KubeTestContext;
import io.kanisterhooks.cluster.junit.LocalClusterExtension;
import io.kanisterhooks.testing.ActionHarness;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** KubeOps on the local cluster: create (built-in kinds, CRDs and their objects), patch, delete, and its errors. */
@ExtendWith(LocalClusterExtension.class)
class KubeOpsTest {

    private static String service(String name, String type) {
        return """
                apiVersion: v1
                kind: Service
                metadata:
                  name: %s
                spec:
                  type: %s
                  selector: {app: none}
                  ports: [{port: 80, protocol: TCP}]
                """.formatted(name, type);
    }

    private static String kubeOps(String name, String args) {
        return """
                - func: KubeOps
                  name: %s
                  args:
                %s""".formatted(name, args.stripIndent().indent(4));
    }

    private static String createArgs(String namespaceLine, String spec) {
        return namespaceLine + "operation: create\nspec: |\n" + spec.indent(2);
    }

    private static Map<String, Object> ref(String apiVersion, String group, String resource, String kind, String name,
                                           String namespace) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("apiVersion", apiVersion);
        m.put("group", group);
        m.put("resource", resource);
        m.put("kind", kind);
        m.put("name", name);
        if (namespace != null) {
            m.put("namespace", namespace);
        }
        return m;
    }

    @Test
    void createOutputsTheReference(KubeTestContext k) {
        try (ActionHarness h = new ActionHarness(k)) {
            ActionResult r = h.run(blueprint(kubeOps("svc", createArgs("namespace: " + k.namespace() + "\n",
                    service("svc", "ClusterIP")))), "run");
            assertThat(r.succeeded()).as(r.error()).isTrue();
            assertThat(r.phases().get(0).output()).containsExactlyEntriesOf(
                    ref("v1", "", "services", "", "svc", k.namespace()));
            ActionResult d = h.run(blueprint(kubeOps("deploy", createArgs("namespace: " + k.namespace() + "\n",
                    ApiTestFixtures.deployment("web", 1)))), "run");
            assertThat(d.phases().get(0).output()).containsExactlyEntriesOf(
                    ref("v1", "apps", "deployments", "", "web", k.namespace()));
        }
        kubectl(k, "get", "service", "svc");
    }

    @Test
    void theObjectsOwnNamespaceWins(KubeTestContext k) {
        String spec = service("svc", "ClusterIP").replace("  name: svc", "  name: svc\n  namespace: " + k.namespace());
        try (ActionHarness h = new ActionHarness(k)) {
            ActionResult r = h.run(blueprint(kubeOps("svc", createArgs("namespace: does-not-exist\n", spec))), "run");
            assertThat(r.succeeded()).as(r.error()).isTrue();
            assertThat(r.phases().get(0).output()).containsEntry("namespace", k.namespace());
        }
    }

    @Test
    void theDefaultNamespaceIsDefault(KubeTestContext k) {
        String name = "kubeops-" + k.namespace();
        try (ActionHarness h = new ActionHarness(k)) {
            ActionResult r = h.run(blueprint(kubeOps("cm", createArgs("", """
                    apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: %s}
                    data: {a: b}
                    """.formatted(name)))), "run");
            assertThat(r.succeeded()).as(r.error()).isTrue();
            assertThat(r.phases().get(0).output()).containsEntry("namespace", "default");
        } finally {
            k.kubectl("delete", "configmap", name, "--namespace=default");
        }
    }

    /** Several documents: all are created, the last one is the output; a cluster-scoped one has no namespace. */
    @Test
    void severalDocumentsAndClusterScopedObjects(KubeTestContext k) {
        String other = k.namespace() + "-extra";
        try (ActionHarness h = new ActionHarness(k)) {
            ActionResult r = h.run(blueprint(kubeOps("many", createArgs("namespace: " + k.namespace() + "\n",
                    service("one", "ClusterIP") + "---\n# nothing here\n---\napiVersion: v1\nkind: Namespace\n"
                            + "metadata: {name: " + other + "}\n"))), "run");
            assertThat(r.succeeded()).as(r.error()).isTrue();
            assertThat(r.phases().get(0).output()).containsExactlyEntriesOf(
                    ref("v1", "", "namespaces", "", other, null));
            kubectl(k, "get", "service", "one");
        } finally {
            k.kubectl("delete", "namespace", other, "--wait=false");
        }
    }

    @Test
    void patchIsAStrategicMergePatch(KubeTestContext k) {
        apply(k, service("svc", "ClusterIP"));
        String reference = "objectReference: {apiVersion: v1, resource: services, kind: Service, name: svc, "
                + "namespace: " + k.namespace() + "}\n";
        try (ActionHarness h = new ActionHarness(k)) {
            ActionResult r = h.run(blueprint(kubeOps("patch", reference + "operation: patch\nspec: |\n"
                    + "  spec:\n    type: NodePort\n    ports: [{port: 80, name: web}]\n")), "run");
            assertThat(r.succeeded()).as(r.error()).isTrue();
            assertThat(r.phases().get(0).output()).containsExactlyEntriesOf(
                    ref("v1", "", "services", "Service", "svc", k.namespace()));
        }
        assertThat(kubectl(k, "get", "service", "svc", "-o", "jsonpath={.spec.type} {.spec.ports[0].name} "
                + "{.spec.ports[0].protocol}").stdout()).isEqualTo("NodePort web TCP");
    }

    @Test
    void deleteWaitsUntilTheObjectIsGone(KubeTestContext k) {
        kubectl(k, "create", "configmap", "held", "--from-literal=a=b");
        kubectl(k, "patch", "configmap", "held", "-p", "{\"metadata\":{\"finalizers\":[\"example.com/hold\"]}}");
        try (ActionHarness h = new ActionHarness(k)) {
            CompletableFuture<Void> release = CompletableFuture.runAsync(() -> {
                WaitTest.sleep(1500);
                kubectl(k, "patch", "configmap", "held", "--type=json",
                        "-p", "[{\"op\":\"remove\",\"path\":\"/metadata/finalizers\"}]");
            });
            ActionResult r = h.run(blueprint(kubeOps("delete", "operation: delete\nnamespace: " + k.namespace()
                    + "\nobjectReference: {apiVersion: v1, resource: configmaps, name: held}\n")), "run");
            release.join();
            assertThat(r.succeeded()).as(r.error()).isTrue();
            assertThat(r.duration()).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
            assertThat(r.phases().get(0).output()).containsExactlyEntriesOf(
                    ref("v1", "", "configmaps", "", "held", null));
        }
        assertThat(k.kubectl("get", "configmap", "held").stderr()).contains("not found");
    }

    /** A CRD created by one phase, waited for by WaitV2, then an object of it created, patched and deleted. */
    @Test
    void customResources(KubeTestContext k) {
        String group = k.namespace() + ".example.com";
        String crd = """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: widgets.%1$s}
                spec:
                  group: %1$s
                  scope: Namespaced
                  names: {plural: widgets, singular: widget, kind: Widget}
                  versions:
                  - name: v1
                    served: true
                    storage: true
                    schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
                """.formatted(group);
        String widget = "apiVersion: " + group + "/v1\nkind: Widget\nmetadata: {name: w1}\nspec: {size: 1}\n";
        String widgetRef = "objectReference: {apiVersion: v1, group: " + group + ", resource: widgets, name: w1, "
                + "namespace: " + k.namespace() + "}\n";
        String phases = kubeOps("crd", createArgs("", crd)) + """
                - func: WaitV2
                  name: established
                  args:
                    timeout: 1m
                    conditions:
                      anyOf:
                      - condition: '{{ range .status.conditions }}{{ if and (eq .type "Established") (eq .status "True") }}true{{ end }}{{ end }}'
                        objectReference: {apiVersion: v1, group: apiextensions.k8s.io, resource: customresourcedefinitions, name: '{{ .Phases.crd.Output.name }}'}
                """
                + kubeOps("widget", createArgs("namespace: " + k.namespace() + "\n", widget))
                + kubeOps("merge", widgetRef + "operation: patch\nspec: '{spec: {size: 2}}'\n");
        try (ActionHarness h = new ActionHarness(k)) {
            ActionResult r = h.run(blueprint(phases), "run");
            assertThat(r.phases().get(0).output()).as(r.error()).containsExactlyEntriesOf(ref("v1",
                    "apiextensions.k8s.io", "customresourcedefinitions", "", "widgets." + group, null));
            assertThat(r.phases().get(2).output()).as(r.error()).containsExactlyEntriesOf(
                    ref("v1", group, "widgets", "", "w1", k.namespace()));
            // custom resources take no strategic merge patch: the API server refuses it, as for Kanister
            assertThat(r.error()).contains("application/merge-patch+json");
            assertThat(r.phases().get(3).state()).isEqualTo(io.kanisterhooks.action.PhaseState.FAILED);

            ActionResult del = h.run(blueprint(kubeOps("delete", widgetRef + "operation: delete\n")), "run");
            assertThat(del.succeeded()).as(del.error()).isTrue();
            assertThat(k.kubectl("get", "widgets." + group, "w1").stderr()).contains("not found");
        } finally {
            k.kubectl("delete", "crd", "widgets." + group, "--wait=false");
        }
    }

    @Test
    void errors(KubeTestContext k) {
        String ns = "namespace: " + k.namespace() + "\n";
        try (ActionHarness h = new ActionHarness(k)) {
            assertThat(h.run(blueprint(kubeOps("x", "operation: apply\n")), "run").error())
                    .isEqualTo("invalid operation 'apply'");
            assertThat(h.run(blueprint(kubeOps("x", "operation: create\n")), "run").error())
                    .isEqualTo("spec cannot be empty for create operation");
            assertThat(h.run(blueprint(kubeOps("x", "operation: patch\nobjectReference: {name: a}\n")), "run")
                    .error()).isEqualTo("spec cannot be empty for patch operation");
            assertThat(h.run(blueprint(kubeOps("x", "operation: delete\nobjectReference: {name: a, apiVersion: v1}\n")),
                    "run").error()).isEqualTo("missing one or more required fields name/namespace/group/apiVersion/"
                    + "resource in objectReference for delete operation");
            assertThat(h.run(blueprint(kubeOps("x", "operation: delete\n")), "run").error())
                    .startsWith("missing one or more required fields");
            assertThat(h.run(blueprint(kubeOps("x", createArgs(ns, "apiVersion: example.com/v9\nkind: Gadget\n"
                    + "metadata: {name: g}\n"))), "run").error())
                    .isEqualTo("no matches for kind \"Gadget\" in version \"example.com/v9\"");
            assertThat(h.run(blueprint(kubeOps("x", createArgs(ns, "metadata: {name: g}\n"))), "run").error())
                    .isEqualTo("unable to decode \"resource\": Object 'Kind' is missing");
            assertThat(h.run(blueprint(kubeOps("x", ns + "operation: delete\n"
                    + "objectReference: {apiVersion: v1, resource: configmaps, name: nothing}\n")), "run").error())
                    .endsWith("configmaps \"nothing\" not found");
            apply(k, service("dup", "ClusterIP"));
            assertThat(h.run(blueprint(kubeOps("x", createArgs(ns, service("dup", "ClusterIP")))), "run").error())
                    .endsWith("services \"dup\" already exists");
        }
    }

    /**
     * Kanister's postgres-start-stop example, backup action: KubeOps creates a session pod (generateName), WaitV2 waits
     * for ContainersReady of the pod named by the KubeOps output, and the defer phase's KubeOps deletes it. Its script
     * keeps a FIFO in /tmp, which on this simulated node (pods are local processes) would be shared by every run, so
     * the copy uses the pod's own working directory instead.
     */
    @Test
    @SuppressWarnings("unchecked")
    void postgresStartStopExampleSessionPod(KubeTestContext k) throws Exception {
        apply(k, ApiTestFixtures.statefulSet("pg-postgresql", 1)
                .replace("metadata: {name: pg-postgresql}",
                        "metadata: {name: pg-postgresql, labels: {app.kubernetes.io/instance: pg}}"));
        kubectl(k, "create", "secret", "generic", "pg-postgresql", "--from-literal=postgres-password=secret");
        ApiTestFixtures.awaitRollout(k, "statefulset/pg-postgresql");
        Map<String, Object> backup = ApiTestFixtures.exampleAction("postgresql/postgres-start-stop-blueprint.yaml",
                "backup");
        List<Map<String, Object>> phases = ApiTestFixtures.examplePhases(
                "postgresql/postgres-start-stop-blueprint.yaml", "backup", "createBackupPod", "waitForPodReady");
        Map<String, Object> args = (Map<String, Object>) phases.get(0).get("args");
        args.put("spec", ((String) args.get("spec")).replace("/tmp/", "./"));
        String bp = ApiTestFixtures.blueprintOf(phases, (Map<String, Object>) backup.get("deferPhase"));
        try (ActionHarness h = new ActionHarness(k)) {
            ActionResult r = h.run(ActionHarness.blueprint(bp), "run",
                    Subject.of("statefulset", "pg-postgresql", k.namespace()), Map.of(), Map.of(),
                    Cancellation.none());
            assertThat(r.succeeded()).as(r.error()).isTrue();
            Map<String, Object> created = r.phases().get(0).output();
            assertThat(created).containsEntry("resource", "pods").containsEntry("kind", "")
                    .containsEntry("namespace", k.namespace());
            assertThat((String) created.get("name")).startsWith("postgres-backup-session");
            assertThat(r.phases().get(2).output()).containsEntry("name", created.get("name"));
            assertThat(k.coreV1().listNamespacedPod(k.namespace()).execute().getItems())
                    .noneMatch(p -> p.getMetadata().getName().equals(created.get("name")));
        }
    }
}
