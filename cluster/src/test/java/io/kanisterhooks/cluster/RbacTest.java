package io.kanisterhooks.cluster;

import static io.kanisterhooks.cluster.TestPods.phase;
import static io.kanisterhooks.cluster.TestPods.shell;
import static org.assertj.core.api.Assertions.assertThat;

import io.kanisterhooks.cluster.junit.KubeTestContext;
import io.kanisterhooks.cluster.junit.LocalClusterExtension;
import io.kubernetes.client.openapi.apis.RbacAuthorizationV1Api;
import io.kubernetes.client.openapi.models.RbacV1Subject;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PolicyRule;
import io.kubernetes.client.openapi.models.V1Role;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import io.kubernetes.client.openapi.models.V1RoleRef;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalClusterExtension.class)
class RbacTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void kubectlInAPodHasExactlyItsServiceAccountsRights(KubeTestContext k8s) throws Exception {
        String ns = k8s.namespace();
        k8s.createServiceAccount("plain");
        k8s.createServiceAccount("patcher");
        RbacAuthorizationV1Api rbac = new RbacAuthorizationV1Api(k8s.apiClient());
        // both may read their namespace (kubectl patch reads first); only "patcher" may patch it
        grant(rbac, ns, "plain", "get");
        grant(rbac, ns, "patcher", "get", "patch");
        String patch = "kubectl patch namespace " + ns + " -p '{\"metadata\":{\"labels\":{\"patched-by\":\"'$SA'\"}}}'";

        k8s.coreV1().createNamespacedPod(ns, podAs("denied", "plain", patch)).execute();
        k8s.coreV1().createNamespacedPod(ns, podAs("allowed", "patcher", patch)).execute();

        assertThat(phase(k8s.awaitPodCompletion("denied", TIMEOUT))).isEqualTo("Failed");
        assertThat(k8s.coreV1().readNamespacedPodLog("denied", ns).execute())
                .contains("Forbidden")
                .contains("system:serviceaccount:" + ns + ":plain")
                .contains("cannot patch resource \"namespaces\"");
        assertThat(phase(k8s.awaitPodCompletion("allowed", TIMEOUT))).isEqualTo("Succeeded");
        assertThat(k8s.coreV1().readNamespace(ns).execute().getMetadata().getLabels())
                .containsEntry("patched-by", "patcher");
    }

    @Test
    void noCredentialsWhenAutomountIsOff(KubeTestContext k8s) throws Exception {
        V1Pod pod = podAs("no-token", "default", "echo kubeconfig=${KUBECONFIG:-none}");
        pod.getSpec().automountServiceAccountToken(false);
        k8s.coreV1().createNamespacedPod(k8s.namespace(), pod).execute();

        assertThat(phase(k8s.awaitPodCompletion("no-token", TIMEOUT))).isEqualTo("Succeeded");
        assertThat(k8s.coreV1().readNamespacedPodLog("no-token", k8s.namespace()).execute())
                .isEqualTo("kubeconfig=none\n");
    }

    private static void grant(RbacAuthorizationV1Api rbac, String ns, String account,
            String... verbs) throws Exception {
        rbac.createNamespacedRole(ns, new V1Role().metadata(new V1ObjectMeta().name(account))
                .rules(List.of(new V1PolicyRule().apiGroups(List.of("")).resources(List.of("namespaces"))
                        .verbs(List.of(verbs))))).execute();
        rbac.createNamespacedRoleBinding(ns, new V1RoleBinding().metadata(new V1ObjectMeta().name(account))
                .roleRef(new V1RoleRef().apiGroup("rbac.authorization.k8s.io").kind("Role").name(account))
                .subjects(List.of(new RbacV1Subject().kind("ServiceAccount").name(account).namespace(ns)))).execute();
    }

    private static V1Pod podAs(String name, String serviceAccount, String script) {
        V1Pod pod = TestPods.withEnv(shell(name, script), "SA", serviceAccount);
        pod.getSpec().serviceAccountName(serviceAccount);
        return pod;
    }
}
