package io.kanisterhooks.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanisterhooks.action.ActionResult;
import io.kanisterhooks.action.PhaseState;
import io.kanisterhooks.cluster.junit.KubeTestContext;
import io.kanisterhooks.cluster.junit.LocalClusterExtension;
import io.kanisterhooks.testing.ActionHarness;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** KubeTask on the local cluster, with Kanister's pinned cases (pkg/function's KubeTask tests). */
@ExtendWith(LocalClusterExtension.class)
class KubeTaskTest {

    private static String task(String command) {
        return """
                apiVersion: cr.kanister.io/v1alpha1
                kind: Blueprint
                metadata: {name: kt}
                actions:
                  run:
                    phases:
                    - func: KubeTask
                      name: task
                      args:
                        image: ghcr.io/kanisterio/kanister-tools:0.119.0
                        command: [sh, -c, '%s']
                """.formatted(command);
    }

    @Test
    void outputsComeFromTheLog(KubeTestContext k) {
        try (ActionHarness h = new ActionHarness(k)) {
            ActionResult r = h.run(task("kando output version 0.119.0"), "run");
            assertThat(r.succeeded()).as(r.error()).isTrue();
            assertThat(r.phases().get(0).output()).isEqualTo(Map.of("version", "0.119.0"));
        }
    }

    @Test
    void noMarkerGivesAnEmptyOutput(KubeTestContext k) {
        try (ActionHarness h = new ActionHarness(k)) {
            ActionResult r = h.run(task("sleep 1"), "run");
            assertThat(r.succeeded()).isTrue();
            assertThat(r.phases().get(0).output()).isEmpty();
        }
    }

    @Test
    void longOutputValue(KubeTestContext k) {
        try (ActionHarness h = new ActionHarness(k)) {
            ActionResult r = h.run(task("v=$(head -c 100000 /dev/zero | tr \"\\\\0\" a); echo $v; kando output "
                    + "longstring $v"), "run");
            assertThat(r.succeeded()).as(r.error()).isTrue();
            assertThat((String) r.phases().get(0).output().get("longstring")).hasSize(100_000).matches("a+");
        }
    }

    @Test
    void failingPodFailsThePhaseWithItsLastLines(KubeTestContext k) {
        try (ActionHarness h = new ActionHarness(k)) {
            ActionResult r = h.run(task("echo working; kando output partial x; echo broken >&2; exit 3"), "run");
            assertThat(r.succeeded()).isFalse();
            assertThat(r.phases().get(0).state()).isEqualTo(PhaseState.FAILED);
            assertThat(r.error()).matches("Pod .*/kanister-job-[a-z0-9]{5} failed: container container exited with "
                    + "code 3");
            assertThat(r.phases().get(0).logTail()).contains("working", "broken");
            assertThat(r.phases().get(0).output()).isEmpty();
            assertThat(k.coreV1().listNamespacedPod(k.namespace()).execute().getItems()).isEmpty();
        } catch (io.kubernetes.client.openapi.ApiException e) {
            throw new AssertionError(e);
        }
    }
}
