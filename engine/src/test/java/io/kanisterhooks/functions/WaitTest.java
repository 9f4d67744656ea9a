package io.kanisterhooks.functions;

import static io.kanisterhooks.functions.ApiTestFixtures.apply;
import static io.kanisterhooks.functions.ApiTestFixtures.blueprint;
import static io.kanisterhooks.functions.ApiTestFixtures.namespaceRef;
import static org.assertj.core.api.Assertions.assertThat;

import io.kanisterhooks.action.ActionResult;
import io.kanisterhooks.action.Subject;
import io.kanisterhooks.cancel.Cancellation;
import io.kanisterhooks.cluster.junit.KubeTestContext;
import io.kanisterhooks.cluster.junit.LocalClusterExtension;
import io.kanisterhooks.testing.ActionHarness;
import io.kanisterhooks.testing.SharedMaterial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Wait (v1) on the local cluster: Kanister's pinned cases (pkg/function's Wait tests) and the K10 page's example. */
@ExtendWith(LocalClusterExtension.class)
class WaitTest {

    static final String TIMED_OUT = "Failed to wait for the condition to be met: Context done while polling: "
            + "context deadline exceeded";

    private static String waitPhase(String timeout, String list, String... conditionAndRef) {
        return ApiTestFixtures.waitPhase("Wait", timeout, list, conditionAndRef);
    }

    @Test
    void anyOfSucceedsWhenOneConditionHolds(KubeTestContext k) {
        String nsRef = namespaceRef(k.namespace());
        try (ActionHarness h = new ActionHarness(k)) {
            ActionResult r = h.run(blueprint(waitPhase("1m", "anyOf",
                    "{{ if (eq \"{ $.status.phase }\" \"Invalid\")}}true{{ else }}false{{ end }}", nsRef,
                    "{{ if (eq \"{ $.status.phase }\" \"Active\")}}true{{ else }}false{{ end }}", nsRef)),
                    "run");
            assertThat(r.succeeded()).as(r.error()).isTrue();
            assertThat(r.phases().get(0).output()).isEmpty();
        }
    }

    @Test
    void allOfTimesOutWhenAConditionIsFalse(KubeTestContext k) {
        String nsRef = namespaceRef(k.namespace());
        try (ActionHarness h = new ActionHarness(k)) {
            ActionResult r = h.run(blueprint(waitPhase("10s", "allOf",
                    "{{ if (eq \"{$.status.phase}\" \"Inactive\")}}true{{ else }}false{{ end }}", nsRef,
                    "{{ if (eq \"{$.status.phase}\" \"Invalid\")}}true{{ else }}false{{ end }}", nsRef)),
                    "run");
            assertThat(r.succeeded()).isFalse();
            assertThat(r.error()).isEqualTo(TIMED_OUT);
            assertThat(r.duration()).isGreaterThanOrEqualTo(Duration.ofSeconds(10));
        }
    }

    @Test
    void deploymentBecomesAvailable(KubeTestContext k) {
        apply(k, ApiTestFixtures.deployment("web", 1));
        String ref = "{apiVersion: v1, group: apps, resource: deployments, name: web, namespace: " + k.namespace() + "}";
        try (ActionHarness h = new ActionHarness(k)) {
            ActionResult r = h.run(blueprint(waitPhase("5m", "anyOf", """
                    {{ if and (eq "{$.spec.replicas}" "{$.status.availableReplicas}" )
                      (eq "{$.status.conditions[?(@.type == 'Available')].type}" "Available")
                      (eq "{$.status.conditions[?(@.type == 'Available')].status}" "True") }}
                      true
                    {{ else }}
                      false
                    {{ end }}""".replace("\n", " "), ref)), "run");
            assertThat(r.succeeded()).as(r.error()).isTrue();
        }
        assertThat(ApiTestFixtures.kubectl(k, "get", "deployment", "web", "-o",
                "jsonpath={.status.availableReplicas}").stdout()).isEqualTo("1");
    }

    @Test
    void statefulSetReplicasAllReady(KubeTestContext k) {
        apply(k, ApiTestFixtures.statefulSet("db", 2));
        String ref = "{apiVersion: v1, group: apps, resource: statefulsets, name: db, namespace: " + k.namespace() + "}";
        try (ActionHarness h = new ActionHarness(k)) {
            ActionResult r = h.run(blueprint(waitPhase("5m", "allOf",
                    "{{ if (eq \"{$.spec.replicas}\" \"{$.status.currentReplicas}\" )}} true {{ else }} false {{ end }}",
                    ref,
                    "{{ if (eq \"{$.spec.replicas}\" \"{$.status.readyReplicas}\" )}} true {{ else }} false {{ end }}",
                    ref)), "run");
            assertThat(r.succeeded()).as(r.error()).isTrue();
        }
        assertThat(ApiTestFixtures.kubectl(k, "get", "statefulset", "db", "-o",
                "jsonpath={.status.readyReplicas}").stdout()).isEqualTo("2");
    }

    /** The K10 page's post-restore hook as shipped in jenkinsfile-examples: the unquoted {@code { $… }} form. */
    @Test
    void k10PostRestoreHookWaitsForThePodToAppearAndBeReady(KubeTestContext k) throws Exception {
        String bp = Files.readString(projectFile("jenkinsfile-examples/blueprints/k10-post-restore-hook.yaml"));
        assertThat(bp).contains("{{ if { $.status.containerStatuses[].ready } }}");
        runPostRestoreHook(k, bp);
    }

    /** The same hook with the quoted form Kanister itself accepts. */
    @Test
    void k10PostRestoreHookQuotedForm(KubeTestContext k) throws Exception {
        String bp = Files.readString(projectFile("jenkinsfile-examples/blueprints/k10-post-restore-hook.yaml"))
                .replace("{{ if { $.status.containerStatuses[].ready } }}",
                        "{{ if (eq \"{ $.status.containerStatuses[].ready }\" \"true\") }}");
        assertThat(bp).contains("(eq \"{ $.status.containerStatuses[].ready }\" \"true\")");
        runPostRestoreHook(k, bp);
    }

    /** The page names the pod like the StatefulSet; the pod is created only after the wait has started. */
    private static void runPostRestoreHook(KubeTestContext k, String bp) throws Exception {
        apply(k, ApiTestFixtures.statefulSet("app", 0));
        try (ActionHarness h = new ActionHarness(k)) {
            CompletableFuture<Void> later = CompletableFuture.runAsync(() -> {
                sleep(1500);
                apply(k, ApiTestFixtures.pod("app"));
            });
            ActionResult r = h.run(ActionHarness.blueprint(bp), "post-restore", Subject.of("statefulset", "app",
                    k.namespace()), Map.of(), Map.of(), Cancellation.none());
            later.get(1, TimeUnit.MINUTES);
            assertThat(r.succeeded()).as(r.error()).isTrue();
            assertThat(k.coreV1().readNamespacedPod("app", k.namespace()).execute().getStatus()
                    .getContainerStatuses().get(0).getReady()).isTrue();
            assertThat(h.logs).anyMatch(l -> l.contains("pods \"app\" not found"));
        }
    }

    /** The postgresql-ha example's Wait phase (its quoted JSONPath never resolves, so it is true at once). */
    @Test
    void postgresqlHaHookWaitPhase(KubeTestContext k) throws Exception {
        Path file = SharedMaterial.require("kanister-examples/kanister/postgresql-ha/hook-blueprint/"
                + "postgres-ha-hook.yaml");
        String example = Files.readString(file);
        String waitPhase = example.substring(example.indexOf("    - func: Wait"), example.indexOf("    - func: KubeTask"));
        apply(k, ApiTestFixtures.statefulSet("pg", 1));
        try (ActionHarness h = new ActionHarness(k)) {
            ActionResult r = h.run(ActionHarness.blueprint(blueprint(waitPhase)), "run",
                    Subject.of("statefulset", "pg", k.namespace()), Map.of(), Map.of(), Cancellation.none());
            assertThat(r.succeeded()).as(r.error()).isTrue();
        }
    }

    @Test
    void timeoutIsATemplate(KubeTestContext k) {
        String nsRef = namespaceRef(k.namespace());
        try (ActionHarness h = new ActionHarness(k)) {
            ActionResult r = h.run(ActionHarness.blueprint(blueprint(waitPhase("'{{ .Options.t }}'", "anyOf",
                    "{{ if (eq \"{ $.status.phase }\" \"Active\")}}true{{ else }}false{{ end }}",
                    nsRef))), "run", Subject.namespace(k.namespace()), Map.of("t", "30s"),
                    Map.of(), Cancellation.none());
            assertThat(r.succeeded()).as(r.error()).isTrue();
        }
    }

    @Test
    void badTimeout(KubeTestContext k) {
        String nsRef = namespaceRef(k.namespace());
        try (ActionHarness h = new ActionHarness(k)) {
            ActionResult r = h.run(blueprint(waitPhase("5", "anyOf", "true", nsRef)), "run");
            assertThat(r.error()).isEqualTo("Failed to parse timeout: time: missing unit in duration \"5\"");
        }
    }

    @Test
    void anUnrenderableReferenceFailsAtOnce(KubeTestContext k) {
        try (ActionHarness h = new ActionHarness(k)) {
            ActionResult r = h.run(blueprint(waitPhase("1m", "anyOf", "true",
                    "{apiVersion: v1, resource: namespaces, name: '{{ .Options.missing }}'}")), "run");
            assertThat(r.error()).isEqualTo("Failed to render template: \"missing\" not found");
            assertThat(r.duration()).isLessThan(Duration.ofSeconds(30));
        }
    }

    @Test
    void theLastEvaluationErrorIsReportedAtTheTimeout(KubeTestContext k) {
        try (ActionHarness h = new ActionHarness(k)) {
            ActionResult r = h.run(blueprint(waitPhase("2s", "anyOf",
                    "{{ if \"{$.status.phase}\" }}true{{ end }}",
                    "{apiVersion: v1, resource: pods, name: nope, namespace: " + k.namespace() + "}")), "run");
            assertThat(r.error()).isEqualTo(TIMED_OUT + "; last evaluation error: pods \"nope\" not found");
            assertThat(h.logs).contains("wait | Failed to evaluate the condition: pods \"nope\" not found");
        }
    }

    @Test
    void aMissingFieldIsAnEvaluationError(KubeTestContext k) {
        String nsRef = namespaceRef(k.namespace());
        try (ActionHarness h = new ActionHarness(k)) {
            ActionResult r = h.run(blueprint(waitPhase("2s", "anyOf",
                    "{{ if \"{$.status.nothing}\" }}true{{ end }}", nsRef)), "run");
            assertThat(r.error()).startsWith(TIMED_OUT + "; last evaluation error: ").contains("nothing is not found");
        }
    }

    @Test
    void conditionsAreReevaluatedWhenTheObjectChanges(KubeTestContext k) {
        ApiTestFixtures.kubectl(k, "create", "configmap", "flag", "--from-literal=state=waiting");
        try (ActionHarness h = new ActionHarness(k)) {
            CompletableFuture<Void> later = CompletableFuture.runAsync(() -> {
                sleep(1500);
                ApiTestFixtures.kubectl(k, "patch", "configmap", "flag", "-p", "{\"data\":{\"state\":\"go\"}}");
            });
            ActionResult r = h.run(blueprint(waitPhase("1m", "allOf",
                    "{{ eq \"{$.data.state}\" \"go\" }}",
                    "{apiVersion: v1, resource: configmaps, name: flag, namespace: " + k.namespace() + "}")), "run");
            later.join();
            assertThat(r.succeeded()).as(r.error()).isTrue();
            assertThat(r.duration()).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
        }
    }

    @Test
    void withNoConditionsItWaitsForTheTimeout(KubeTestContext k) {
        try (ActionHarness h = new ActionHarness(k)) {
            ActionResult r = h.run(blueprint("""
                    - func: Wait
                      name: wait
                      args:
                        timeout: 1s
                        conditions: {anyOf: [], allOf: []}
                    """), "run");
            assertThat(r.error()).isEqualTo(TIMED_OUT);
        }
    }

    @Test
    void aNamespacedResourceWithoutNamespaceIsNotFound(KubeTestContext k) {
        try (ActionHarness h = new ActionHarness(k)) {
            ActionResult r = h.run(blueprint(waitPhase("1s", "anyOf", "true",
                    "{apiVersion: v1, resource: pods, name: whatever}")), "run");
            assertThat(r.error()).isEqualTo(TIMED_OUT
                    + "; last evaluation error: the server could not find the requested resource");
        }
    }

    @Test
    void theActionDeadlineStopsTheWait(KubeTestContext k) {
        String nsRef = namespaceRef(k.namespace());
        try (ActionHarness h = new ActionHarness(k)) {
            ActionResult r = h.run(ActionHarness.blueprint(blueprint(waitPhase("10m", "anyOf", "false",
                    nsRef))), "run", Subject.namespace(k.namespace()), Map.of(), Map.of(),
                    Cancellation.after(Duration.ofSeconds(2)));
            assertThat(r.error()).isEqualTo("aborted: timed out after 2s");
        }
    }

    static Path projectFile(String relative) {
        Path p = Path.of("..").resolve(relative);
        assertThat(p).exists();
        return p;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
