package io.kanisterhooks.hooks.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanisterhooks.cluster.junit.KubeTestContext;
import io.kanisterhooks.cluster.junit.LocalClusterExtension;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSecurityContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * K10's security context rules for hook pods (README, "How hooks behave"), all eight combinations of
 * {@code --force-root-in-hooks} × the phase's {@code podOverride.securityContext} × the {@code pod-spec-override}
 * ConfigMap's securityContext, read back from the pods as the API server stored them. The ConfigMap exists in every
 * case (without a securityContext it still adds a label), so "unset" means merged but silent on the security context.
 */
@ExtendWith(LocalClusterExtension.class)
class SecurityContextMatrixTest {

    private static final V1PodSecurityContext ROOT = new V1PodSecurityContext().runAsUser(0L).runAsNonRoot(false);
    private static final V1PodSecurityContext PHASE = new V1PodSecurityContext().runAsUser(1000L).runAsNonRoot(true);
    private static final V1PodSecurityContext CONFIG_MAP = new V1PodSecurityContext().runAsUser(2000L)
            .runAsGroup(3000L);
    private static final V1PodSecurityContext EMPTY = new V1PodSecurityContext();

    @TempDir
    Path dir;

    @ParameterizedTest(name = "force root {0}, phase securityContext {1}, ConfigMap securityContext {2}")
    @CsvSource({
        "true,  unset, unset, root",
        "true,  set,   unset, root",
        "false, set,   unset, phase",
        "false, unset, unset, empty",
        "true,  unset, set,   configMap",
        "true,  set,   set,   configMap",
        "false, set,   set,   configMap",
        "false, unset, set,   configMap",
    })
    void hookPodSecurityContext(boolean forceRoot, String phase, String configMap, String expected, KubeTestContext k)
            throws Exception {
        try (HookTestbed t = new HookTestbed(k, dir)) {
            String ns = t.namespaces("app").get(0);
            Path bp = t.file("sc.yaml", blueprint());
            overrideConfigMap(k, configMap.equals("set"));

            CliResult r = HooksCli.inProcess(t.hooksCommand("pre", "--blueprint", bp.toString(), "--pre-hook",
                    "sc/" + (phase.equals("set") ? "phaseSecurityContext" : "noSecurityContext"),
                    "--force-root-in-hooks", String.valueOf(forceRoot), "-n", ns));

            assertThat(r.exitCode()).as(r.toString()).isZero();
            List<V1Pod> pods = t.syncedPods().created(ns, "preHook");
            assertThat(pods).hasSize(1);
            V1Pod pod = pods.get(0);
            assertThat(pod.getSpec().getSecurityContext()).isEqualTo(switch (expected) {
                case "root" -> ROOT;
                case "phase" -> PHASE;
                case "empty" -> EMPTY;
                default -> CONFIG_MAP;
            });
            assertThat(pod.getMetadata().getLabels()).as("the ConfigMap was merged").containsEntry("override",
                    "applied");
        }
    }

    private static void overrideConfigMap(KubeTestContext k, boolean withSecurityContext) throws Exception {
        String override = """
                kind: Pod
                metadata:
                  labels:
                    override: applied
                """ + (withSecurityContext ? """
                spec:
                  securityContext:
                    runAsUser: 2000
                    runAsGroup: 3000
                """ : "");
        k.coreV1().createNamespacedConfigMap(k.namespace(), new V1ConfigMap()
                .metadata(new V1ObjectMeta().name("pod-spec-override")).data(Map.of("override", override))).execute();
    }

    private static String blueprint() {
        return """
                apiVersion: cr.kanister.io/v1alpha1
                kind: Blueprint
                metadata: {name: sc}
                actions:
                  phaseSecurityContext:
                    phases:
                    - func: KubeTask
                      name: withOverride
                      args:
                        image: busybox
                        command: [sh, -c, 'id -u']
                        podOverride:
                          securityContext:
                            runAsUser: 1000
                            runAsNonRoot: true
                  noSecurityContext:
                    phases:
                    - func: KubeTask
                      name: withoutOverride
                      args:
                        image: busybox
                        command: [sh, -c, 'id -u']
                """;
    }
}
