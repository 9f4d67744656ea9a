package io.kanisterhooks.functions;

import static io.kanisterhooks.functions.ApiTestFixtures.apply;
import static io.kanisterhooks.functions.ApiTestFixtures.blueprint;
import static io.kanisterhooks.functions.ApiTestFixtures.namespaceRef;
import static io.kanisterhooks.functions.WaitTest.TIMED_OUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.kanisterhooks.action.ActionResult;
import io.kanisterhooks.action.Subject;
import io.kanisterhooks.cancel.Cancellation;
import io.kanisterhooks.cluster.junit.KubeTestContext;
import io.kanisterhooks.cluster.junit.LocalClusterExtension;
import io.kanisterhooks.testing.ActionHarness;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** WaitV2 on the local cluster: Kanister's pinned cases (pkg/function's WaitV2 tests) and its differences from Wait. */
@ExtendWith(LocalClusterExtension.class)
class WaitV2Test {

    private static String waitPhase(String timeout, String list, String... conditionAndRef) {
        return ApiTestFixtures.waitPhase("WaitV2", timeout, list, conditionAndRef);
    }

    @Test
    void anyOfSucceedsWhenOneConditionHolds(KubeTestContext k) {
        String nsRef = namespaceRef(k.namespace());
        try (ActionHarness h = new ActionHarness(k)) {
            ActionResult r = h.run(blueprint(waitPhase("1m", "anyOf",
                    "{{ if (eq .status.phase \"Invalid\")}}true{{ else }}false{{ end }}", nsRef,
                    "{{ if (eq .status.phase \"Active\")}}true{{ else }}false{{ end }}", nsRef)),
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
                    "{{ if (eq .status.phase \"Inactive\")}}true{{ else }}false{{ end }}", nsRef,
                    "{{ if (eq .status.phase \"Invalid\")}}true{{ else }}false{{ end }}", nsRef)),
                    "run");
            assertThat(r.error()).isEqualTo(TIMED_OUT);
            assertThat(r.duration()).isGreaterThanOrEqualTo(Duration.ofSeconds(10));
        }
    }

    @Test
    void deploymentBecomesAvailable(KubeTestContext k) {
        apply(k, ApiTestFixtures.deployment("web", 2));
        String ref = "{apiVersion: v1, group: apps, resource: deployments, name: web, namespace: " + k.namespace() + "}";
        try (ActionHarness h = new ActionHarness(k)) {
            ActionResult r = h.run(blueprint(waitPhase("5m", "anyOf",
                    "{{ $available := false }}{{ range $condition := $.status.conditions }}{{ if and (eq .type "
                            + "\"Available\") (eq .status \"True\") }}{{ $available = true }}{{ end }}{{ end }}"
                            + "{{ $available }}", ref,
                    "{{ if (eq .spec.replicas .status.readyReplicas )}}true{{ else }}false{{ end }}", ref)), "run");
            assertThat(r.succeeded()).as(r.error()).isTrue();
        }
    }

    @Test
    void statefulSetReplicasAllReady(KubeTestContext k) {
        apply(k, ApiTestFixtures.statefulSet("db", 2));
        String ref = "{apiVersion: v1, group: apps, resource: statefulsets, name: db, namespace: " + k.namespace() + "}";
        try (ActionHarness h = new ActionHarness(k)) {
            ActionResult r = h.run(blueprint(waitPhase("5m", "allOf",
                    "{{ if (eq .spec.replicas .status.currentReplicas )}}true{{ else }}false{{ end }}", ref,
                    "{{ if (eq .spec.replicas .status.readyReplicas )}}true{{ else }}false{{ end }}", ref)), "run");
            assertThat(r.succeeded()).as(r.error()).isTrue();
        }
        assertThat(ApiTestFixtures.kubectl(k, "get", "statefulset", "db", "-o",
                "jsonpath={.status.readyReplicas}").stdout()).isEqualTo("2");
    }

    @Test
    void timeoutIsNotATemplate(KubeTestContext k) {
        String nsRef = namespaceRef(k.namespace());
        try (ActionHarness h = new ActionHarness(k)) {
            ActionResult r = h.run(ActionHarness.blueprint(blueprint(waitPhase("'{{ .Options.t }}'", "anyOf",
                    "true", nsRef))), "run", Subject.namespace(k.namespace()),
                    Map.of("t", "30s"), Map.of(), Cancellation.none());
            assertThat(r.error()).isEqualTo("Failed to parse timeout: time: invalid duration \"{{ .Options.t }}\"");
        }
    }

    @Test
    void referencesAreTemplates(KubeTestContext k) {
        try (ActionHarness h = new ActionHarness(k)) {
            ActionResult r = h.run(blueprint(waitPhase("1m", "anyOf", "{{ eq .kind \"Namespace\" }}",
                    "{apiVersion: v1, resource: namespaces, name: '{{ .Namespace.Name }}'}")), "run");
            assertThat(r.succeeded()).as(r.error()).isTrue();
        }
    }

    @Test
    void aReferenceThatDoesNotRenderFailsOnlyAtTheTimeout(KubeTestContext k) {
        try (ActionHarness h = new ActionHarness(k)) {
            ActionResult r = h.run(blueprint(waitPhase("2s", "anyOf", "true",
                    "{apiVersion: v1, resource: namespaces, name: '{{ .Options.missing }}'}")), "run");
            assertThat(r.error()).isEqualTo(TIMED_OUT
                    + "; last evaluation error: Failed to render template: \"missing\" not found");
            assertThat(r.duration()).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        }
    }

    @Test
    void aConditionThatDoesNotParseIsFalse(KubeTestContext k) {
        String nsRef = namespaceRef(k.namespace());
        try (ActionHarness h = new ActionHarness(k)) {
            ActionResult r = h.run(blueprint(waitPhase("1s", "anyOf", "{{ if }}", nsRef)),
                    "run");
            assertThat(r.error()).isEqualTo(TIMED_OUT);
        }
    }

    @Test
    void anExecutionErrorIsReportedAtTheTimeout(KubeTestContext k) {
        String nsRef = namespaceRef(k.namespace());
        try (ActionHarness h = new ActionHarness(k)) {
            ActionResult r = h.run(blueprint(waitPhase("1s", "anyOf", "{{ index .metadata.name 99 }}",
                    nsRef)), "run");
            assertThat(r.error()).startsWith(TIMED_OUT + "; last evaluation error: error executing template "
                    + "\"{{ index .metadata.name 99 }}\": ").contains("index out of range: 99");
        }
    }

    @Test
    void clusterScopedObjectsAppearWhenCreated(KubeTestContext k) {
        String other = k.namespace() + "-later";
        try (ActionHarness h = new ActionHarness(k)) {
            java.util.concurrent.CompletableFuture<Void> later = java.util.concurrent.CompletableFuture.runAsync(() -> {
                WaitTest.sleep(1000);
                ApiTestFixtures.kubectl(k, "create", "namespace", other);
            });
            ActionResult r = h.run(blueprint(waitPhase("1m", "allOf", "{{ eq .status.phase \"Active\" }}",
                    namespaceRef(other))), "run");
            later.join();
            assertThat(r.succeeded()).as(r.error()).isTrue();
        } finally {
            k.kubectl("delete", "namespace", other, "--wait=false");
        }
    }
}
