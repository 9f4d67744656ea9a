package io.kanisterhooks.cluster;

import static io.kanisterhooks.cluster.TestPods.phase;
import static io.kanisterhooks.cluster.TestPods.shell;
import static io.kanisterhooks.cluster.TestPods.withEnv;
import static org.assertj.core.api.Assertions.assertThat;

import io.kanisterhooks.cluster.junit.CommandResult;
import io.kanisterhooks.cluster.junit.KubeTestContext;
import io.kanisterhooks.cluster.junit.LocalClusterExtension;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ConfigMapKeySelector;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1EnvVarSource;
import io.kubernetes.client.openapi.models.V1ObjectFieldSelector;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodCondition;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1SecretKeySelector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalClusterExtension.class)
class PodLifecycleTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void failingPodEndsFailedWithItsExitCodeAndLogs(KubeTestContext k8s) throws ApiException {
        k8s.coreV1().createNamespacedPod(k8s.namespace(), shell("fails", "echo hi; exit 3")).execute();

        V1Pod pod = k8s.awaitPodCompletion("fails", TIMEOUT);

        assertThat(phase(pod)).isEqualTo("Failed");
        V1ContainerStatus status = pod.getStatus().getContainerStatuses().get(0);
        assertThat(status.getState().getTerminated().getExitCode()).isEqualTo(3);
        assertThat(status.getState().getTerminated().getReason()).isEqualTo("Error");
        assertThat(status.getState().getTerminated().getStartedAt()).isNotNull();
        assertThat(status.getState().getTerminated().getFinishedAt()).isNotNull();
        CommandResult logs = k8s.kubectl("logs", "fails");
        assertThat(logs.exitCode()).as(logs.stderr()).isZero();
        assertThat(logs.stdout()).isEqualTo("hi\n");
    }

    @Test
    void succeedingPodEndsSucceededAndStdoutAndStderrAreBothLogged(KubeTestContext k8s) throws ApiException {
        k8s.coreV1().createNamespacedPod(k8s.namespace(), shell("ok", "echo out; echo err >&2")).execute();

        V1Pod pod = k8s.awaitPodCompletion("ok", TIMEOUT);

        assertThat(phase(pod)).isEqualTo("Succeeded");
        assertThat(pod.getStatus().getContainerStatuses().get(0).getState().getTerminated().getReason())
                .isEqualTo("Completed");
        assertThat(pod.getStatus().getPodIP()).isEqualTo("127.0.0.1");
        String logs = k8s.coreV1().readNamespacedPodLog("ok", k8s.namespace()).execute();
        assertThat(logs).isEqualTo("out\nerr\n");
    }

    @Test
    void runningPodIsReadyWithAllConditions(KubeTestContext k8s) throws ApiException {
        k8s.coreV1().createNamespacedPod(k8s.namespace(), shell("runs", "sleep 600")).execute();

        V1Pod pod = k8s.awaitPod("runs", TestPods::isRunningAndReady, TIMEOUT);

        V1ContainerStatus status = pod.getStatus().getContainerStatuses().get(0);
        assertThat(status.getStarted()).isTrue();
        assertThat(status.getState().getRunning().getStartedAt()).isNotNull();
        assertThat(pod.getStatus().getConditions()).extracting(V1PodCondition::getType, V1PodCondition::getStatus)
                .contains(org.assertj.core.groups.Tuple.tuple("Initialized", "True"),
                        org.assertj.core.groups.Tuple.tuple("ContainersReady", "True"),
                        org.assertj.core.groups.Tuple.tuple("Ready", "True"),
                        org.assertj.core.groups.Tuple.tuple("PodScheduled", "True"));
    }

    @Test
    void initContainersRunFirstInOrder(KubeTestContext k8s) throws ApiException {
        V1Pod pod = shell("init", "cat ../first/out ../second/out");
        pod.getSpec().initContainers(List.of(
                new io.kubernetes.client.openapi.models.V1Container().name("first").image("busybox")
                        .command(List.of("sh", "-c", "echo one > out")),
                new io.kubernetes.client.openapi.models.V1Container().name("second").image("busybox")
                        .command(List.of("sh", "-c", "test -f ../first/out && echo two > out"))));
        k8s.coreV1().createNamespacedPod(k8s.namespace(), pod).execute();

        V1Pod done = k8s.awaitPodCompletion("init", TIMEOUT);

        assertThat(phase(done)).isEqualTo("Succeeded");
        assertThat(done.getStatus().getInitContainerStatuses()).allSatisfy(
                s -> assertThat(s.getState().getTerminated().getExitCode()).isZero());
        assertThat(k8s.coreV1().readNamespacedPodLog("init", k8s.namespace()).container("c").execute())
                .isEqualTo("one\ntwo\n");
    }

    @Test
    void environmentComesFromValuesSecretsConfigMapsAndFields(KubeTestContext k8s) throws ApiException {
        String ns = k8s.namespace();
        k8s.coreV1().createNamespacedSecret(ns, new V1Secret().metadata(new V1ObjectMeta().name("s"))
                .stringData(Map.of("password", "p@ss"))).execute();
        k8s.coreV1().createNamespacedConfigMap(ns, new V1ConfigMap().metadata(new V1ObjectMeta().name("cm"))
                .data(Map.of("mode", "fast"))).execute();
        V1Pod pod = withEnv(shell("env", "echo \"$PLAIN|$REF|$SECRET|$CONFIG|$NAME|$NS|$SA|$(kando output k v)\""),
                "PLAIN", "plain");
        pod.getSpec().getContainers().get(0)
                .addEnvItem(new V1EnvVar().name("REF").value("$(PLAIN)-ref"))
                .addEnvItem(new V1EnvVar().name("SECRET").valueFrom(new V1EnvVarSource()
                        .secretKeyRef(new V1SecretKeySelector().name("s").key("password"))))
                .addEnvItem(new V1EnvVar().name("CONFIG").valueFrom(new V1EnvVarSource()
                        .configMapKeyRef(new V1ConfigMapKeySelector().name("cm").key("mode"))))
                .addEnvItem(new V1EnvVar().name("NAME").valueFrom(new V1EnvVarSource()
                        .fieldRef(new V1ObjectFieldSelector().fieldPath("metadata.name"))))
                .addEnvItem(new V1EnvVar().name("NS").valueFrom(new V1EnvVarSource()
                        .fieldRef(new V1ObjectFieldSelector().fieldPath("metadata.namespace"))))
                .addEnvItem(new V1EnvVar().name("SA").valueFrom(new V1EnvVarSource()
                        .fieldRef(new V1ObjectFieldSelector().fieldPath("spec.serviceAccountName"))));
        k8s.coreV1().createNamespacedPod(ns, pod).execute();

        assertThat(phase(k8s.awaitPodCompletion("env", TIMEOUT))).isEqualTo("Succeeded");

        assertThat(k8s.coreV1().readNamespacedPodLog("env", ns).execute())
                .isEqualTo("plain|plain-ref|p@ss|fast|env|" + ns
                + "|default|###Phase-output###: {\"key\":\"k\",\"value\":\"v\"}\n");
    }

    @Test
    void kandoOutputInAPodPrintsExactBytes(KubeTestContext k8s) throws ApiException {
        k8s.coreV1().createNamespacedPod(k8s.namespace(), shell("kando",
                "kando output tricky \"$(printf 'a<b>&\\042q\\042\\n\\tz \\303\\251')\";"
                        + " kando output bad-key v; echo exit=$?; kando output only-one; echo exit=$?")).execute();

        assertThat(phase(k8s.awaitPodCompletion("kando", TIMEOUT))).isEqualTo("Succeeded");

        assertThat(k8s.coreV1().readNamespacedPodLog("kando", k8s.namespace()).execute()).isEqualTo(
                "###Phase-output###: {\"key\":\"tricky\",\"value\":\"a\\u003cb\\u003e\\u0026\\\"q\\\"\\n\\tz é\"}\n"
                        + "Error: Key should contain only alphanumeric characters and underscore\nexit=1\n"
                        + "Error: Command accepts 2 arguments, received 1 arguments\nexit=1\n");
    }

    @Test
    void onFailurePolicyRestartsFailedContainers(KubeTestContext k8s) throws ApiException {
        V1Pod pod = shell("retry", "n=$(cat count 2>/dev/null || echo 0); echo $((n+1)) > count; echo run$n;"
                + " [ $n -ge 2 ]");
        pod.getSpec().restartPolicy("OnFailure");
        k8s.coreV1().createNamespacedPod(k8s.namespace(), pod).execute();

        V1Pod done = k8s.awaitPodCompletion("retry", TIMEOUT);

        assertThat(phase(done)).isEqualTo("Succeeded");
        V1ContainerStatus status = done.getStatus().getContainerStatuses().get(0);
        assertThat(status.getRestartCount()).isEqualTo(2);
        assertThat(status.getLastState().getTerminated().getExitCode()).isEqualTo(1);
        assertThat(k8s.kubectl("logs", "retry").stdout()).isEqualTo("run2\n");
        assertThat(k8s.kubectl("logs", "retry", "--previous").stdout()).isEqualTo("run1\n");
    }

    @Test
    void neverPolicyDoesNotRestart(KubeTestContext k8s) throws ApiException {
        k8s.coreV1().createNamespacedPod(k8s.namespace(), shell("once", "exit 1")).execute();

        V1Pod done = k8s.awaitPodCompletion("once", TIMEOUT);

        assertThat(phase(done)).isEqualTo("Failed");
        assertThat(done.getStatus().getContainerStatuses().get(0).getRestartCount()).isZero();
    }

    @Test
    void deletingARunningPodKillsItsProcessesAndReleasesThePod(KubeTestContext k8s) throws Exception {
        k8s.coreV1().createNamespacedPod(k8s.namespace(), shell("victim", "sleep 600 & sleep 600")).execute();
        k8s.awaitPod("victim", TestPods::isRunningAndReady, TIMEOUT);
        long pid = k8s.containerPid("victim", "c").orElseThrow();
        List<ProcessHandle> tree = new ArrayList<>(ProcessHandle.of(pid).orElseThrow().descendants().toList());
        tree.add(ProcessHandle.of(pid).orElseThrow());

        k8s.coreV1().deleteNamespacedPod("victim", k8s.namespace()).execute();

        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (tree.stream().anyMatch(TestPods::isRunning) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(tree).as("processes of the deleted pod").noneMatch(TestPods::isRunning);
        awaitGone(k8s, "victim");
    }

    @Test
    void fiftyShortPodsInParallelAllSucceed(KubeTestContext k8s) throws Exception {
        int count = 50;
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> created = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String name = "short-" + i;
                created.add(pool.submit(() -> k8s.coreV1().createNamespacedPod(k8s.namespace(),
                        shell(name, "echo " + name)).execute()));
            }
            for (Future<?> f : created) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        List<V1Pod> pods;
        do {
            Thread.sleep(200);
            pods = k8s.coreV1().listNamespacedPod(k8s.namespace()).execute().getItems();
        } while (pods.stream().filter(p -> "Succeeded".equals(phase(p))).count() < count
                && System.nanoTime() < deadline);
        System.out.printf("50 parallel pods: all completed in %d ms%n", (System.nanoTime() - start) / 1_000_000);

        assertThat(pods).hasSize(count).allSatisfy(p -> assertThat(phase(p)).isEqualTo("Succeeded"));
        assertThat(k8s.coreV1().readNamespacedPodLog("short-42", k8s.namespace()).execute()).isEqualTo("short-42\n");
    }

    private static void awaitGone(KubeTestContext k8s, String name) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            try {
                k8s.coreV1().readNamespacedPod(name, k8s.namespace()).execute();
            } catch (ApiException e) {
                if (e.getCode() == 404) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("pod " + name + " was not released");
    }
}
