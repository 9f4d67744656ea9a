package io.kanisterhooks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanisterhooks.cluster.junit.KubeTestContext;
import io.kanisterhooks.cluster.junit.LocalClusterExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** run-action end to end on the local cluster, through the CLI. */
@ExtendWith(LocalClusterExtension.class)
class RunActionCommandTest {

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private CliRun run(KubeTestContext k, String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--kubeconfig";
        all[args.length + 1] = k.kubeconfig().toString();
        return CliRun.of(all);
    }

    @Test
    void secretsAndConfigMapsOfTheActionAreTemplateParamsAndMaskedInLogs(KubeTestContext k) throws IOException {
        assertThat(k.kubectl("create", "secret", "generic", "db", "--from-literal=password=hunter22").succeeded())
                .isTrue();
        assertThat(k.kubectl("create", "configmap", "cfg", "--from-literal=mode=fast").succeeded()).isTrue();
        Path bp = file("bp.yaml", """
                apiVersion: cr.kanister.io/v1alpha1
                kind: Blueprint
                metadata: {name: sec}
                actions:
                  run:
                    outputArtifacts:
                      out: {keyValue: {mode: '{{ .Phases.t.Output.mode }}'}}
                    phases:
                    - func: KubeTask
                      name: t
                      args:
                        image: busybox
                        command: [sh, -c, 'echo pw={{ index .Secrets.db.Data "password" | toString }};
                          kando output mode {{ .ConfigMaps.cfg.Data.mode }}']
                """);
        String ns = k.namespace();
        CliRun r = run(k, "run-action", "--blueprint", bp.toString(), "--action", "run", "-n", ns,
                "--secret", "db=" + ns + "/db", "--configmap", "cfg=" + ns + "/cfg");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"mode\": \"fast\"", "\"succeeded\": true");
        assertThat(r.err()).contains(ns + "/run/t | pw=********").doesNotContain("hunter22");
    }

    @Test
    void failedPhaseExitsOneWithItsLastLines(KubeTestContext k) throws IOException {
        Path bp = file("bp.yaml", """
                apiVersion: cr.kanister.io/v1alpha1
                kind: Blueprint
                metadata: {name: broken}
                actions:
                  run:
                    phases:
                    - {func: KubeTask, name: first, args: {image: busybox, command: [sh, -c, 'echo fine']}}
                    - {func: KubeTask, name: second, args: {image: busybox, command: [sh, -c, 'echo disk full; exit 7']}}
                    - {func: KubeTask, name: third, args: {image: busybox, command: [sh, -c, 'echo never']}}
                """);
        CliRun r = run(k, "run-action", "--blueprint", bp.toString(), "--action", "run", "-n", k.namespace());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("FAILED " + k.namespace() + "/run on namespace/" + k.namespace()
                + ", phase second (KubeTask): Pod " + k.namespace() + "/kanister-job-", "exited with code 7",
                "  | disk full").doesNotContain("never");
        assertThat(r.out()).contains("\"first\": \"complete\"", "\"second\": \"failed\"", "\"third\": \"pending\"");
    }

    @Test
    void badInputIsExitTwoAndCreatesNothing(KubeTestContext k) throws Exception {
        Path bp = file("bp.yaml", """
                apiVersion: cr.kanister.io/v1alpha1
                kind: Blueprint
                metadata: {name: bad}
                actions:
                  run:
                    phases:
                    - {func: KubeTask, name: t, args: {image: busybox}}
                """);
        CliRun r = run(k, "run-action", "--blueprint", bp.toString(), "--action", "run", "-n", k.namespace());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains(bp + ":7:33: Failed to validate phase t in action run: Required arg missing: "
                + "command", "error: 1 problem found; nothing was run").doesNotContain("\tat ");
        assertThat(k.coreV1().listNamespacedPod(k.namespace()).execute().getItems()).isEmpty();
        CliRun missing = run(k, "run-action", "--blueprint", "no-such-blueprint", "--action", "run", "-n",
                k.namespace(), "--blueprint-namespace", k.namespace());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("error: blueprint no-such-blueprint not found: no such file, and no "
                + "Blueprint no-such-blueprint in namespace " + k.namespace() + "\n");
    }

    @Test
    void theK10PagesPostExportHookRemovesTheLabelWithItsServiceAccountsRights(KubeTestContext k) throws Exception {
        String ns = k.namespace();
        k.createServiceAccount("k10-k10");
        assertThat(k.kubectl("label", "namespace", ns, "migrate=true").succeeded()).isTrue();
        Path blueprint = Path.of(System.getProperty("kanisterhooks.root", ".."))
                .resolve("jenkinsfile-examples/blueprints/k10-post-export-hook.yaml");
        CliRun denied = run(k, "run-action", "--blueprint", blueprint.toString(), "--action", "post-export", "-n", ns);
        assertThat(denied.exitCode()).isEqualTo(1);
        assertThat(denied.err()).contains("Forbidden");
        assertThat(k.kubectl("create", "clusterrole", ns + "-patcher", "--verb=get,patch", "--resource=namespaces")
                .succeeded()).isTrue();
        assertThat(k.kubectl("create", "clusterrolebinding", ns + "-patcher", "--clusterrole=" + ns + "-patcher",
                "--serviceaccount=" + ns + ":k10-k10").succeeded()).isTrue();
        CliRun allowed = run(k, "run-action", "--blueprint", blueprint.toString(), "--action", "post-export", "-n", ns);
        assertThat(allowed.exitCode()).as(allowed.err()).isZero();
        assertThat(k.coreV1().readNamespace(ns).execute().getMetadata().getLabels()).doesNotContainKey("migrate");
    }
}
