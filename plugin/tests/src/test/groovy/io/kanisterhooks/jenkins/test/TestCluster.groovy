package io.kanisterhooks.jenkins.test

import io.kanisterhooks.cluster.LocalCluster
import io.kanisterhooks.cluster.junit.SharedCluster
import io.kubernetes.client.openapi.ApiClient
import io.kubernetes.client.openapi.ApiException
import io.kubernetes.client.openapi.apis.AppsV1Api
import io.kubernetes.client.openapi.apis.CoordinationV1Api
import io.kubernetes.client.openapi.apis.CoreV1Api
import io.kubernetes.client.openapi.apis.CustomObjectsApi
import io.kubernetes.client.openapi.apis.RbacAuthorizationV1Api
import io.kubernetes.client.openapi.models.V1ClusterRoleBinding
import io.kubernetes.client.openapi.models.V1Namespace
import io.kubernetes.client.openapi.models.V1Pod
import io.kubernetes.client.openapi.models.V1ServiceAccount
import io.kubernetes.client.openapi.models.V1StatefulSet
import io.kubernetes.client.util.Yaml as KubeYaml
import org.yaml.snakeyaml.Yaml

import java.util.concurrent.ThreadLocalRandom

/**
 * The local Kubernetes cluster of the tests (the project's cluster module: real API server, simulated kubelet whose
 * pods are local processes), with what K10 users have: the kasten-io namespace and its k10-k10 service account (the
 * K10 page's hook blueprint runs its pod with it, and patches namespaces).
 */
class TestCluster {
    static final String K10_NAMESPACE = 'kasten-io'
    static final String K10_SERVICE_ACCOUNT = 'k10-k10'
    private static boolean k10Ready

    static LocalCluster get() {
        return SharedCluster.get()
    }

    static File kubeconfig() {
        return get().kubeconfig().toFile()
    }

    static ApiClient client() {
        return get().adminClient()
    }

    static CoreV1Api core() {
        return new CoreV1Api(client())
    }

    /** kasten-io with the k10-k10 service account, bound to cluster-admin as in a K10 install. */
    static synchronized void ensureK10() {
        if (k10Ready) {
            return
        }
        ensureNamespace(K10_NAMESPACE, [:])
        if (!exists { core().readNamespacedServiceAccount(K10_SERVICE_ACCOUNT, K10_NAMESPACE).execute() }) {
            core().createNamespacedServiceAccount(K10_NAMESPACE, KubeYaml.loadAs("""
metadata: {name: ${K10_SERVICE_ACCOUNT}, namespace: ${K10_NAMESPACE}}
""", V1ServiceAccount)).execute()
        }
        RbacAuthorizationV1Api rbac = new RbacAuthorizationV1Api(client())
        if (!exists { rbac.readClusterRoleBinding('k10-k10-cluster-admin').execute() }) {
            rbac.createClusterRoleBinding(KubeYaml.loadAs("""
metadata: {name: k10-k10-cluster-admin}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
subjects: [{kind: ServiceAccount, name: ${K10_SERVICE_ACCOUNT}, namespace: ${K10_NAMESPACE}}]
""", V1ClusterRoleBinding)).execute()
        }
        k10Ready = true
    }

    /** A new namespace named after {@code hint}, ready for pods (its default service account exists). */
    static String newNamespace(String hint, Map<String, String> labels = [:]) {
        String base = hint.toLowerCase(Locale.ROOT).replaceAll('[^a-z0-9]+', '-').replaceAll('^-+|-+$', '')
        base = base.substring(0, Math.min(40, base.length())).replaceAll('-+$', '')
        String name = 'kj-' + base + '-' + Long.toString(ThreadLocalRandom.current().nextLong(36L ** 5), 36)
        ensureNamespace(name, labels)
        return name
    }

    static void ensureNamespace(String name, Map<String, String> labels) {
        if (!exists { core().readNamespace(name).execute() }) {
            V1Namespace ns = new V1Namespace()
            ns.metadata = new io.kubernetes.client.openapi.models.V1ObjectMeta().name(name).labels(labels)
            core().createNamespace(ns).execute()
        }
        waitFor("the default service account of ${name}") {
            exists { core().readNamespacedServiceAccount('default', name).execute() }
        }
    }

    static void deleteNamespace(String name) {
        try {
            core().deleteNamespace(name).execute()
        } catch (ApiException ignored) {
            // already gone
        }
    }

    static void labelNamespace(String namespace, String key, String value) {
        V1Namespace ns = core().readNamespace(namespace).execute()
        Map<String, String> labels = new LinkedHashMap<String, String>(ns.metadata.labels ?: [:])
        labels.put(key, value)
        ns.metadata.labels = labels
        core().replaceNamespace(namespace, ns).execute()
    }

    static Map<String, String> labels(String namespace) {
        return core().readNamespace(namespace).execute().metadata.labels ?: [:]
    }

    /** Creates a Blueprint object from YAML (its metadata.namespace is replaced by {@code namespace}). */
    static void createBlueprint(String namespace, String yaml) {
        Map body = new Yaml().load(yaml) as Map
        (body.metadata as Map).namespace = namespace
        new CustomObjectsApi(client()).createNamespacedCustomObject('cr.kanister.io', 'v1alpha1', namespace,
                'blueprints', body).execute()
    }

    /** A StatefulSet with one pod that idles (the simulated kubelet runs the command as a local process). */
    static void createStatefulSet(String namespace, String name) {
        new AppsV1Api(client()).createNamespacedStatefulSet(namespace, KubeYaml.loadAs("""
metadata: {name: ${name}, namespace: ${namespace}}
spec:
  replicas: 1
  serviceName: ${name}
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers:
      - {name: db, image: mysql, command: [sleep, '3600']}
""", V1StatefulSet)).execute()
    }

    static List<V1Pod> pods(String namespace) {
        return core().listNamespacedPod(namespace).execute().items
    }

    /** Whether a run claims the namespace (the CLI's Lease kanister-hooks-claim). */
    static boolean isClaimed(String namespace) {
        return exists { new CoordinationV1Api(client()).readNamespacedLease('kanister-hooks-claim', namespace).execute() }
    }

    /** The status of a run as its state (the Secret kanister-hooks-run-ID in the home namespace) says; null: none. */
    static String runStatus(String homeNamespace, String runId) {
        try {
            return core().readNamespacedSecret('kanister-hooks-run-' + runId, homeNamespace).execute()
                    .metadata.labels?.get('kanister-hooks.io/run-status')
        } catch (ApiException e) {
            if (e.code == 404) {
                return null
            }
            throw e
        }
    }

    static boolean hasRunningPod(String namespace) {
        return pods(namespace).any { it.status?.phase == 'Running' }
    }

    static void waitFor(String what, Closure<Boolean> condition) {
        long deadline = System.nanoTime() + 120_000_000_000L
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for ${what}")
            }
            Thread.sleep(100)
        }
    }

    private static boolean exists(Closure read) {
        try {
            read.call()
            return true
        } catch (ApiException e) {
            if (e.code == 404) {
                return false
            }
            throw e
        }
    }
}
