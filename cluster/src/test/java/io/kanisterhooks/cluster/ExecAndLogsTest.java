package io.kanisterhooks.cluster;

import static io.kanisterhooks.cluster.TestPods.shell;
import static io.kanisterhooks.cluster.TestPods.withEnv;
import static org.assertj.core.api.Assertions.assertThat;

import io.kanisterhooks.cluster.junit.CommandResult;
import io.kanisterhooks.cluster.junit.KubeTestContext;
import io.kanisterhooks.cluster.junit.LocalClusterExtension;
import io.kubernetes.client.Exec;
import io.kubernetes.client.PodLogs;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalClusterExtension.class)
class ExecAndLogsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static void startIdlePod(KubeTestContext k8s, String name) throws Exception {
        k8s.coreV1().createNamespacedPod(k8s.namespace(), withEnv(shell(name, "sleep 600"), "X", "value of x"))
                .execute();
        k8s.awaitPod(name, TestPods::isRunningAndReady, TIMEOUT);
    }

    @Test
    void kubectlExecSeesThePodEnvironmentAndReportsExitCodes(KubeTestContext k8s) throws Exception {
        startIdlePod(k8s, "target");

        CommandResult echo = k8s.kubectl("exec", "target", "--", "sh", "-c", "echo $X; echo to-stderr >&2");
        CommandResult failing = k8s.kubectl("exec", "target", "--", "sh", "-c", "exit 7");

        assertThat(echo.exitCode()).as(echo.stderr()).isZero();
        assertThat(echo.stdout()).isEqualTo("value of x\n");
        assertThat(echo.stderr()).contains("to-stderr");
        assertThat(failing.exitCode()).isEqualTo(7);
        assertThat(failing.stderr()).contains("command terminated with exit code 7");
    }

    @Test
    void javaClientExecSeesThePodEnvironmentAndExitCode(KubeTestContext k8s) throws Exception {
        startIdlePod(k8s, "target");
        Exec exec = new Exec(k8s.apiClient());

        Process echo = exec.exec(k8s.namespace(), "target", new String[] {"sh", "-c", "echo $X"}, "c", false, false);
        String out = new String(echo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(echo.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Process failing = exec.exec(k8s.namespace(), "target", new String[] {"sh", "-c", "exit 5"}, "c", false, false);
        assertThat(failing.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(out).isEqualTo("value of x\n");
        assertThat(echo.exitValue()).isZero();
        assertThat(failing.exitValue()).isEqualTo(5);
    }

    @Test
    void javaClientExecPassesStdin(KubeTestContext k8s) throws Exception {
        startIdlePod(k8s, "target");

        Process cat = new Exec(k8s.apiClient()).exec(k8s.namespace(), "target", new String[] {"sh", "-c", "tr a-z A-Z"},
                "c", true, false);
        cat.getOutputStream().write("hello\n".getBytes(StandardCharsets.UTF_8));
        cat.getOutputStream().close();
        String out = new String(cat.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(cat.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(out).isEqualTo("HELLO\n");
    }

    @Test
    void followedLogsAreCompleteWithKubectlAndTheJavaClient(KubeTestContext k8s) throws Exception {
        k8s.coreV1().createNamespacedPod(k8s.namespace(),
                shell("ticker", "for i in 1 2 3 4 5; do echo tick$i; sleep 0.2; done")).execute();
        k8s.awaitPod("ticker", p -> !"Pending".equals(TestPods.phase(p)), TIMEOUT);

        String javaFollowed;
        try (InputStream stream = new PodLogs(k8s.apiClient()).streamNamespacedPodLog(k8s.namespace(), "ticker", "c")) {
            javaFollowed = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        }
        CommandResult kubectlFollowed = k8s.kubectl("logs", "-f", "ticker");

        String all = "tick1\ntick2\ntick3\ntick4\ntick5\n";
        assertThat(javaFollowed).isEqualTo(all);
        assertThat(kubectlFollowed.stdout()).isEqualTo(all);
    }

    @Test
    void tailLinesSinceTimeTimestampsAndLimitBytes(KubeTestContext k8s) throws Exception {
        k8s.coreV1().createNamespacedPod(k8s.namespace(),
                shell("lines", "echo one; echo two; sleep 1.2; echo three; echo four")).execute();
        k8s.awaitPodCompletion("lines", TIMEOUT);

        String tail = k8s.coreV1().readNamespacedPodLog("lines", k8s.namespace()).tailLines(2).execute();
        List<String> stamped = k8s.kubectl("logs", "lines", "--timestamps").stdout().lines().toList();
        String thirdLineTime = stamped.get(2).substring(0, stamped.get(2).indexOf(' '));
        CommandResult since = k8s.kubectl("logs", "lines", "--since-time=" + thirdLineTime);
        CommandResult limited = k8s.kubectl("logs", "lines", "--limit-bytes=6");

        assertThat(tail).isEqualTo("three\nfour\n");
        assertThat(stamped).hasSize(4)
                .allMatch(l -> l.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z .+"));
        assertThat(since.exitCode()).as(since.stderr()).isZero();
        assertThat(since.stdout()).isEqualTo("three\nfour\n");
        assertThat(limited.stdout()).isEqualTo("one\ntw");
    }
}
