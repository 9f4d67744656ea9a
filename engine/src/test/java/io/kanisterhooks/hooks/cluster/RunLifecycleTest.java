package io.kanisterhooks.hooks.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanisterhooks.cluster.junit.CommandResult;
import io.kanisterhooks.cluster.junit.KubeTestContext;
import io.kanisterhooks.cluster.junit.LocalClusterExtension;
import io.kanisterhooks.hooks.HookRunner;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run lifecycle on the local cluster: every invocation is a run with an identity, kept in a Secret of the home
 * namespace; a finished run is never continued; a run holds its namespaces; every path after a started preHook ends in
 * onFailure and always — in the same process where it can, through {@code runs recover} where it cannot.
 */
@ExtendWith(LocalClusterExtension.class)
class RunLifecycleTest {

    private static final Duration SOON = Duration.ofSeconds(90);
    private static final Pattern RUN_ID = Pattern.compile("kanister-hooks: run (\\S+) \\(state:");

    @TempDir
    Path dir;

    private static List<String> hooks(String... namespaces) {
        List<String> args = new ArrayList<>(List.of("--pre-hook", "hooks/quiesce", "--on-success", "hooks/unquiesce",
                "--on-failure", "hooks/cleanup", "--always", "hooks/notify"));
        for (String ns : namespaces) {
            args.addAll(List.of("-n", ns));
        }
        return args;
    }

    static String runId(String console) {
        Matcher m = RUN_ID.matcher(console);
        assertThat(m.find()).as("the console names the run:\n" + console).isTrue();
        return m.group(1);
    }

    @Test
    void twoWrapsInOneDirectoryAreTwoRunsThatBothRunTheirHooks(KubeTestContext k) {
        try (HookTestbed t = new HookTestbed(k, dir).stateInCluster()) {
            List<String> ns = t.namespaces("a", "b");

            CliResult first = t.wrap(hooks(ns.get(0)), "true");
            CliResult same = t.wrap(hooks(ns.get(0)), "true");
            CliResult other = t.wrap(hooks(ns.get(0), ns.get(1)), "true");

            for (CliResult r : List.of(first, same, other)) {
                assertThat(r.exitCode()).as(r.toString()).isZero();
            }
            assertThat(List.of(runId(first.stderr()), runId(same.stderr()), runId(other.stderr()))).doesNotHaveDuplicates();
            PodRecorder pods = t.syncedPods();
            assertThat(pods.attempts(ns.get(0), "preHook")).as("three runs, three preHooks").containsExactly(1, 1, 1);
            assertThat(pods.attempts(ns.get(0), "onSuccess")).containsExactly(1, 1, 1);
            assertThat(pods.attempts(ns.get(1), "preHook")).containsExactly(1);
            assertThat(same.stderr()).doesNotContain("[SKIP]");
        }
    }

    @Test
    void aSecondWrapWithTheSameStateFileStartsANewRun(KubeTestContext k) throws Exception {
        try (HookTestbed t = new HookTestbed(k, dir)) {
            String ns = t.namespaces("app").get(0);

            CliResult first = t.wrap(hooks(ns), "true");
            CliResult second = t.wrap(hooks(ns), "true");

            assertThat(second.exitCode()).as(second.toString()).isZero();
            assertThat(runId(second.stderr())).isNotEqualTo(runId(first.stderr()));
            assertThat(t.syncedPods().attempts(ns, "preHook")).containsExactly(1, 1);
            assertThat(Files.readString(t.state())).contains(runId(second.stderr()));
            assertThat(Files.getPosixFilePermissions(t.state())).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE);
        }
    }

    @Test
    void aFinishedRunIsNeverContinuedAndPostNeedsARun(KubeTestContext k) {
        try (HookTestbed t = new HookTestbed(k, dir).stateInCluster()) {
            String ns = t.namespaces("app").get(0);
            CliResult wrap = t.wrap(hooks(ns), "true");
            String id = runId(wrap.stderr());

            CliResult pre = t.hooks("pre", array(hooks(ns), "--run", id));
            CliResult post = t.hooks("post", array(hooks(ns), "--run", id, "--outcome", "success"));
            CliResult noRun = t.hooks("post", array(hooks(ns), "--outcome", "success"));
            CliResult badId = t.hooks("pre", array(hooks(ns), "--run", "Not_A_Valid_Id"));

            assertThat(pre.exitCode()).as(pre.toString()).isEqualTo(2);
            assertThat(pre.stderr()).contains("run " + id + " is completed", "start a new run with another --run id");
            assertThat(post.exitCode()).isEqualTo(2);
            assertThat(noRun.exitCode()).isEqualTo(2);
            assertThat(noRun.stderr()).contains("hooks post needs the run to finish: --run ID");
            assertThat(badId.exitCode()).isEqualTo(2);
            assertThat(badId.stderr()).contains("--run Not_A_Valid_Id: a run id consists of lower-case letters");
            assertThat(t.syncedPods().attempts(ns, "preHook")).as("only the wrap ran hooks").containsExactly(1);
        }
    }

    @Test
    void hooksPostFinishesARunFromAnotherDirectoryWithNoFileOfTheFirst(KubeTestContext k) throws Exception {
        try (HookTestbed t = new HookTestbed(k, dir).stateInCluster()) {
            String ns = t.namespaces("app").get(0);
            Path agentA = Files.createDirectories(dir.resolve("agent-a"));
            Path blueprint = Files.copy(t.blueprintFile, agentA.resolve("hooks.yaml"));
            List<String> pre = t.command("hooks", "pre");
            pre.addAll(List.of("--blueprint", blueprint.toString(), "--run", "build-42-s1"));
            pre.addAll(hooks(ns));
            CliResult first = HooksCli.process(agentA, pre);
            assertThat(first.exitCode()).as(first.toString()).isZero();
            deleteTree(agentA); // the pod agent and its workspace are gone

            Path agentB = Files.createDirectories(dir.resolve("agent-b"));
            List<String> post = t.command("hooks", "post");
            post.addAll(List.of("--run", "build-42-s1", "--outcome", "success"));
            CliResult second = HooksCli.process(agentB, post);

            assertThat(second.exitCode()).as(second.toString()).isZero();
            assertThat(second.stderr()).contains("continuing run build-42-s1 (invocation 2",
                    "[" + ns + "/onSuccess/unquiesce] unquiesce tok-" + ns);
            assertThat(ResultJson.parse(second.stdout()).status(ns, "always")).isEqualTo("succeeded");
            V1Secret state = k.coreV1().readNamespacedSecret("kanister-hooks-run-build-42-s1", t.home()).execute();
            assertThat(state.getType()).isEqualTo("kanister-hooks.io/run-state");
            assertThat(state.getMetadata().getLabels()).containsEntry("kanister-hooks.io/run-status", "completed");
            assertThat(leaseOf(k, ns)).as("claims released").isEmpty();
        }
    }

    @Test
    void anAbortedStageRunsOnFailureAndAlwaysOrAbandonsTheRunWithoutHooks(KubeTestContext k) {
        try (HookTestbed t = new HookTestbed(k, dir).stateInCluster()) {
            List<String> ns = t.namespaces("hooked", "abandoned");
            assertThat(t.hooks("pre", array(hooks(ns.get(0)), "--run", "abort-hooks")).exitCode()).isZero();
            assertThat(t.hooks("pre", array(hooks(ns.get(1)), "--run", "abort-none")).exitCode()).isZero();

            CliResult hooked = t.hooks("post", array(List.of(), "--run", "abort-hooks", "--outcome", "aborted"));
            CliResult abandoned = t.hooks("post", array(List.of(), "--run", "abort-none", "--outcome", "aborted",
                    "--no-hooks-on-abort"));

            assertThat(hooked.exitCode()).as(hooked.toString()).isEqualTo(1);
            assertThat(ResultJson.parse(hooked.stdout()).status(ns.get(0), "onFailure")).isEqualTo("succeeded");
            assertThat(ResultJson.parse(hooked.stdout()).status(ns.get(0), "always")).isEqualTo("succeeded");
            assertThat(abandoned.exitCode()).as(abandoned.toString()).isEqualTo(1);
            assertThat(abandoned.stderr()).contains("run abort-none abandoned after the abort: onFailure and always "
                    + "did not run");
            PodRecorder pods = t.syncedPods();
            assertThat(pods.attempts(ns.get(1), "onFailure")).isEmpty();
            assertThat(pods.attempts(ns.get(1), "always")).isEmpty();
            assertThat(runStatus(k, t.home(), "abort-none")).isEqualTo("abandoned");
            assertThat(leaseOf(k, ns.get(1))).as("an abandoned run gives its claims back").isEmpty();
            // only an explicit recovery of that run runs its hooks after all
            CliResult recover = HooksCli.inProcess(List.of("runs", "recover", "abort-none", "--kubeconfig",
                    k.kubeconfig().toString(), "--blueprint-namespace", t.home()));
            assertThat(recover.exitCode()).as(recover.toString()).isZero();
            assertThat(t.syncedPods().attempts(ns.get(1), "onFailure")).containsExactly(1);
            assertThat(runStatus(k, t.home(), "abort-none")).isEqualTo("recovered");
        }
    }

    private static String runStatus(KubeTestContext k, String home, String run) {
        try {
            return k.coreV1().readNamespacedSecret("kanister-hooks-run-" + run, home).execute().getMetadata()
                    .getLabels().get("kanister-hooks.io/run-status");
        } catch (io.kubernetes.client.openapi.ApiException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aStageCommandThatCannotStartIsAFailedStageWithAShellsExitCode(KubeTestContext k) throws Exception {
        try (HookTestbed t = new HookTestbed(k, dir).stateInCluster()) {
            String ns = t.namespaces("app").get(0);
            Path notExecutable = Files.writeString(dir.resolve("backup.sh"), "#!/bin/sh\necho never\n");

            CliResult missing = t.wrap(hooks(ns), dir.resolve("no-such.sh").toString());
            CliResult denied = t.wrap(hooks(ns), notExecutable.toString());

            assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(127);
            assertThat(missing.stderr()).contains("no-such.sh: No such file or directory (exit code 127)");
            assertThat(denied.exitCode()).as(denied.toString()).isEqualTo(126);
            PodRecorder pods = t.syncedPods();
            assertThat(pods.attempts(ns, "onFailure")).as("once per run").containsExactly(1, 1);
            assertThat(pods.attempts(ns, "always")).containsExactly(1, 1);
            assertThat(pods.created(ns, "onSuccess")).isEmpty();
        }
    }

    @Test
    void anUnexpectedErrorInsideTheRunStillRunsOnFailureAndAlways(KubeTestContext k) {
        try (HookTestbed t = new HookTestbed(k, dir).stateInCluster()) {
            String ns = t.namespaces("app").get(0);
            // the stage deletes the run's own state: the next write of the run fails, unexpectedly for the run
            String deleteState = "kubectl --kubeconfig " + k.kubeconfig() + " -n " + t.home()
                    + " delete secret -l kanister-hooks.io/run --wait=false";

            CliResult r = t.wrap(hooks(ns), "sh", "-c", deleteState);

            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
            assertThat(r.stderr()).contains("cannot save the run state", "running onFailure and always before exiting")
                    .doesNotContain("internal error");
            PodRecorder pods = t.syncedPods();
            assertThat(pods.attempts(ns, "onFailure")).containsExactly(1);
            assertThat(pods.attempts(ns, "always")).containsExactly(1);
            assertThat(pods.existing()).isEmpty();
        }
    }

    @Test
    void aKilledRunIsRecoveredFromAnotherDirectoryAndProcess(KubeTestContext k) throws Exception {
        try (HookTestbed t = new HookTestbed(k, dir).stateInCluster()) {
            String ns = t.namespaces("app").get(0);
            List<String> hookArgs = List.of("--pre-hook", "hooks/sleep", "--on-failure", "hooks/notify",
                    "--always", "hooks/notify", "-n", ns);
            HooksCli.Running wrap = HooksCli.start(dir, t.wrapCommand(hookArgs, "true"));
            V1Pod preHook = t.pods.awaitRunning(PodRecorder.hook(ns, "preHook"), SOON);
            String id = PodRecorder.label(preHook, HookRunner.LABEL_RUN);
            Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
            List<String> recover = List.of("runs", "recover", id, "--kubeconfig", k.kubeconfig().toString(),
                    "--blueprint-namespace", t.home());

            CliResult whileAlive = HooksCli.process(elsewhere, recover);
            wrap.signal("KILL");
            wrap.await(SOON);
            assertThat(t.syncedPods().existing()).as("SIGKILL leaves the preHook pod").hasSize(1);
            CliResult r = HooksCli.process(elsewhere, recover);

            assertThat(whileAlive.exitCode()).as(whileAlive.toString()).isEqualTo(2);
            assertThat(whileAlive.stderr()).contains("is being worked on by", "(alive)");
            assertThat(r.exitCode()).as("its process is known to be gone: no --force needed\n" + r).isZero();
            assertThat(r.stderr()).contains("recovering run " + id, "run " + id + " recovered");
            PodRecorder pods = t.syncedPods();
            assertThat(pods.wasDeleted(preHook)).as("the leftover preHook pod").isTrue();
            assertThat(pods.attempts(ns, "onFailure")).as("exactly once").containsExactly(1);
            assertThat(pods.attempts(ns, "always")).containsExactly(1);
            assertThat(pods.existing()).isEmpty();
            assertThat(leaseOf(k, ns)).isEmpty();
            CliResult again = HooksCli.process(elsewhere, with(recover, "--force"));
            assertThat(again.exitCode()).isZero();
            assertThat(again.stderr()).contains("is recovered", "nothing to recover");
            assertThat(t.syncedPods().attempts(ns, "onFailure")).as("never twice").containsExactly(1);
            CliResult list = HooksCli.inProcess(List.of("runs", "list", "--kubeconfig", k.kubeconfig().toString(),
                    "--blueprint-namespace", t.home(), "-o", "json"));
            assertThat(list.stdout()).contains("\"runId\": \"" + id + "\"", "\"status\": \"recovered\"");
        }
    }

    @Test
    void aRunWithAStateFileIsRecoveredWithTheFile(KubeTestContext k) throws Exception {
        try (HookTestbed t = new HookTestbed(k, dir)) {
            String ns = t.namespaces("app").get(0);
            HooksCli.Running wrap = HooksCli.start(dir, t.wrapCommand(List.of("--pre-hook", "hooks/sleep",
                    "--on-failure", "hooks/notify", "-n", ns), "true"));
            V1Pod preHook = t.pods.awaitRunning(PodRecorder.hook(ns, "preHook"), SOON);
            String id = PodRecorder.label(preHook, HookRunner.LABEL_RUN);
            wrap.signal("KILL");
            wrap.await(SOON);

            CliResult r = HooksCli.process(dir, List.of("runs", "recover", id, "--state", t.state().toString(),
                    "--kubeconfig", k.kubeconfig().toString(), "--blueprint-namespace", t.home()));

            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(t.syncedPods().attempts(ns, "onFailure")).containsExactly(1);
            assertThat(Files.readString(t.state())).contains("\"status\": \"recovered\"",
                    "interrupted: the process running it ended before it finished");
        }
    }

    @Test
    void twoRunsOnOneNamespaceNeverInterleave(KubeTestContext k) throws Exception {
        try (HookTestbed t = new HookTestbed(k, dir).stateInCluster()) {
            String ns = t.namespaces("app").get(0);
            Path started = dir.resolve("started");
            Path release = dir.resolve("release");
            HooksCli.Running first = HooksCli.start(dir, t.wrapCommand(hooks(ns), "sh", "-c",
                    "touch " + started + "; while [ ! -e " + release + " ]; do sleep 0.1; done"));
            awaitFile(started, first);
            String firstId = runId(first.progress());

            CliResult refused = t.wrap(hooks(ns), "true");
            HooksCli.Running waiting = HooksCli.start(dir, t.wrapCommand(with(hooks(ns), "--lock-wait", "2m"),
                    "true"));
            awaitOutput(waiting, "waiting up to 120s");
            Files.createFile(release);
            CliResult firstResult = first.await(SOON);
            CliResult waited = waiting.await(SOON);

            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
            assertThat(refused.stderr()).contains("namespace " + ns + " is claimed by run " + firstId,
                    "--lock-wait");
            assertThat(firstResult.exitCode()).as(firstResult.toString()).isZero();
            assertThat(waited.exitCode()).as(waited.toString()).isZero();
            assertThat(waited.stderr()).contains("is claimed by run " + firstId);
            String waitedId = runId(waited.stderr());
            PodRecorder pods = t.syncedPods();
            OffsetDateTime firstAlways = created(pods, ns, "always", firstId);
            OffsetDateTime secondPreHook = created(pods, ns, "preHook", waitedId);
            assertThat(secondPreHook).as("the second run's quiesce comes after the first run's last hook")
                    .isAfterOrEqualTo(firstAlways);
            assertThat(runsOf(pods, ns, "preHook")).as("the refused run ran nothing")
                    .containsExactlyInAnyOrder(firstId, waitedId);
        }
    }

    @Test
    void aStaleRunIsRecoveredByTheNextRunThatWantsItsNamespace(KubeTestContext k) throws Exception {
        try (HookTestbed t = new HookTestbed(k, dir).stateInCluster()) {
            String ns = t.namespaces("app").get(0);
            Path started = dir.resolve("started");
            HooksCli.Running killed = HooksCli.start(dir, t.wrapCommand(with(hooks(ns), "--claim-ttl", "2s"),
                    "sh", "-c", "touch " + started + "; sleep 30"));
            awaitFile(started, killed);
            String staleId = runId(killed.progress());
            killed.signal("KILL");
            killed.await(SOON);
            Thread.sleep(3000); // past the claim's time to live

            CliResult list = HooksCli.inProcess(List.of("runs", "list", "--kubeconfig", k.kubeconfig().toString(),
                    "--blueprint-namespace", t.home()));
            CliResult next = t.wrap(hooks(ns), "true");

            assertThat(list.stdout()).containsPattern(staleId + "\\s+active \\(stale\\)");
            assertThat(next.exitCode()).as(next.toString()).isZero();
            assertThat(next.stderr()).contains("is claimed by the stale run " + staleId, "recovering it first",
                    "run " + staleId + " recovered");
            PodRecorder pods = t.syncedPods();
            assertThat(runsOf(pods, ns, "onFailure")).as("the stale run got its onFailure").containsExactly(staleId);
            assertThat(runsOf(pods, ns, "always")).containsExactly(staleId, runId(next.stderr()));
            assertThat(runsOf(pods, ns, "onSuccess")).containsExactly(runId(next.stderr()));
        }
    }

    @Test
    void aClaimLeftByAFinishedRunIsGivenBackByTheNextRun(KubeTestContext k) throws Exception {
        try (HookTestbed t = new HookTestbed(k, dir).stateInCluster()) {
            String ns = t.namespaces("app").get(0);
            String finished = runId(t.wrap(hooks(ns), "true").stderr());
            // as if its process had been killed between its end and giving its claim back
            Path lease = t.file("lease.yaml", """
                    apiVersion: coordination.k8s.io/v1
                    kind: Lease
                    metadata:
                      name: kanister-hooks-claim
                      namespace: %s
                      annotations: {kanister-hooks.io/home-namespace: %s}
                    spec: {holderIdentity: %s, leaseDurationSeconds: 3600, renewTime: "%s"}
                    """.formatted(ns, t.home(), finished, DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
                    .withZone(ZoneOffset.UTC).format(Instant.now())));
            CommandResult applied = k.kubectl("apply", "-n", ns, "-f", lease.toString());
            assertThat(applied.exitCode()).as(applied.toString()).isZero();

            CliResult next = t.wrap(hooks(ns), "true");

            assertThat(next.exitCode()).as(next.toString()).isZero();
            assertThat(next.stderr()).contains("was still claimed by run " + finished + ", which is completed; "
                    + "released the leftover claim");
            assertThat(leaseOf(k, ns)).isEmpty();
        }
    }

    @Test
    void theShippedRbacExampleIsEnoughForARun(KubeTestContext k) throws Exception {
        try (HookTestbed t = new HookTestbed(k, dir).stateInCluster();
             ServiceAccounts rbac = ServiceAccounts.fromExample(k, dir, null)) {
            String ns = t.namespaces("app").get(0);

            CliResult r = HooksCli.inProcess(as(rbac, t.wrapCommand(hooks(ns), "true")));

            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(t.syncedPods().attempts(ns, "always")).containsExactly(1);
        }
    }

    @Test
    void aMissingRightIsAnErrorNamingVerbResourceAndNamespace(KubeTestContext k) throws Exception {
        try (HookTestbed t = new HookTestbed(k, dir).stateInCluster();
             ServiceAccounts rbac = ServiceAccounts.fromExample(k, dir, "leases")) {
            String ns = t.namespaces("app").get(0);

            CliResult r = HooksCli.inProcess(as(rbac, t.wrapCommand(hooks(ns), "true")));

            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
            assertThat(r.stderr()).contains("cannot create resource \"leases\" in API group \"coordination.k8s.io\" "
                    + "in the namespace \"" + ns + "\"").doesNotContain("internal error");
            assertThat(t.syncedPods().created()).as("nothing ran").isEmpty();
        }
    }

    /** {@code command} with the kubeconfig of the RBAC example's service account. */
    private static List<String> as(ServiceAccounts rbac, List<String> command) {
        List<String> c = new ArrayList<>(command);
        c.set(c.indexOf("--kubeconfig") + 1, rbac.kubeconfig.toString());
        return c;
    }

    @Test
    void aSecretOutputValueAppearsInNoConsoleLineReportJUnitOrStateFile(KubeTestContext k) throws Exception {
        try (HookTestbed t = new HookTestbed(k, dir)) {
            String ns = t.namespaces("app").get(0);
            String secret = "S3cr3t-" + Integer.toHexString(ns.hashCode());
            k.coreV1().createNamespacedSecret(t.home(), new V1Secret().metadata(new V1ObjectMeta().name("db"))
                    .stringData(Map.of("password", secret))).execute();
            Path bp = t.file("secret-output.yaml", """
                    apiVersion: cr.kanister.io/v1alpha1
                    kind: Blueprint
                    metadata:
                      name: leaky
                    actions:
                      login:
                        phases:
                        - func: KubeTask
                          name: login
                          args:
                            image: busybox
                            command: [sh, -c, 'echo logging in; kando output password "$PW"; kando output user admin']
                            podOverride:
                              containers:
                              - name: container
                                env:
                                - {name: PW, valueFrom: {secretKeyRef: {name: db, key: password}}}
                      echo:
                        phases:
                        - func: KubeTask
                          name: echo
                          args:
                            image: busybox
                            command: [sh, -c, 'echo the password was "$PW"; exit 1']
                            podOverride:
                              containers:
                              - name: container
                                env:
                                - {name: PW, valueFrom: {secretKeyRef: {name: db, key: password}}}
                    """);

            CliResult r = t.wrap(List.of("--blueprint", bp.toString(), "--pre-hook", "leaky/login", "--on-success",
                    "leaky/echo", "-n", ns), "true");

            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
            assertThat(r.stderr()).contains("output password = ********", "output user = admin",
                    "the password was ********").doesNotContain(secret).doesNotContain("###Phase-output###");
            assertThat(r.stdout()).doesNotContain(secret);
            List<Path> written;
            try (var files = Files.walk(dir)) {
                written = files.filter(Files::isRegularFile).toList();
            }
            assertThat(written).extracting(p -> p.getFileName().toString()).contains("state.json",
                    "kanister-hooks-result.json", "kanister-hooks-junit.xml", "kanister-hooks-report.html");
            for (Path f : written) {
                assertThat(Files.readString(f)).as(f.toString()).doesNotContain(secret);
            }
        }
    }

    private static OffsetDateTime created(PodRecorder pods, String ns, String hook, String runId) {
        return pods.created(ns, hook).stream().filter(p -> runId.equals(PodRecorder.label(p, HookRunner.LABEL_RUN)))
                .map(p -> p.getMetadata().getCreationTimestamp()).findFirst()
                .orElseThrow(() -> new AssertionError("no " + hook + " pod of run " + runId));
    }

    private static List<String> runsOf(PodRecorder pods, String ns, String hook) {
        return pods.created(ns, hook).stream().map(p -> PodRecorder.label(p, HookRunner.LABEL_RUN)).toList();
    }

    /** The claim Lease in {@code namespace}, by name, or empty. */
    static String leaseOf(KubeTestContext k, String namespace) {
        CommandResult r = k.kubectl("get", "leases", "-n", namespace, "-o", "name");
        return r.stdout().trim();
    }

    static List<String> with(List<String> a, String... b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(Arrays.asList(b));
        return all;
    }

    static String[] array(List<String> a, String... b) {
        return with(a, b).toArray(String[]::new);
    }

    private static void awaitFile(Path file, HooksCli.Running cli) throws InterruptedException {
        long deadline = System.nanoTime() + SOON.toNanos();
        while (!Files.exists(file)) {
            if (System.nanoTime() > deadline || !cli.process().isAlive()) {
                throw new AssertionError(file + " did not appear; the CLI printed:\n" + cli.progress());
            }
            Thread.sleep(50);
        }
    }

    private static void awaitOutput(HooksCli.Running cli, String text) throws InterruptedException {
        long deadline = System.nanoTime() + SOON.toNanos();
        while (!cli.progress().contains(text)) {
            if (System.nanoTime() > deadline || !cli.process().isAlive()) {
                throw new AssertionError("\"" + text + "\" did not appear; the CLI printed:\n" + cli.progress());
            }
            Thread.sleep(50);
        }
    }

    private static void deleteTree(Path root) throws Exception {
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
