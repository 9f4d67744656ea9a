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
                "--blueprint-namespace", ns, "--secret", "db=" + ns + "/db", "--configmap", "cfg=" + ns + "/cfg");
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
        CliRun r = run(k, "run-action", "--blueprint", bp.toString(), "--action", "run", "-n", k.namespace(),
                "--blueprint-namespace", k.namespace());
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
        assertThat(missing.err()).isEqualTo("--blueprint: blueprint \"no-such-blueprint\" not found: no blueprint "
                + "files were given, and namespace " + k.namespace() + " has no Blueprints\nerror: 1 problem found; "
                + "nothing was run\n");
    }

    /**
     * The K10 page's post-export blueprint as written (serviceAccountName k10-k10, an account of K10's own namespace)
     * runs its pod in the blueprint namespace by default, as the hook commands do: the test namespace plays K10's,
     * the hook runs for another namespace, whose label goes.
     */
    @Test
    void theK10PagesPostExportHookRemovesTheLabelWithItsServiceAccountsRights(KubeTestContext k) throws Exception {
        String k10 = k.namespace();
        String app = k10 + "-app";
        k.createServiceAccount("k10-k10");
        assertThat(k.kubectl("create", "namespace", app).succeeded()).isTrue();
        try {
            assertThat(k.kubectl("label", "namespace", app, "migrate=true").succeeded()).isTrue();
            Path blueprint = Path.of(System.getProperty("kanisterhooks.root", ".."))
                    .resolve("jenkinsfile-examples/blueprints/k10-post-export-hook.yaml");
            String[] postExport = {"run-action", "--blueprint", blueprint.toString(), "--action", "post-export",
                "-n", app, "--blueprint-namespace", k10};
            CliRun denied = run(k, postExport);
            assertThat(denied.exitCode()).as(denied.err()).isEqualTo(1);
            assertThat(denied.err()).contains("Forbidden").doesNotContain("serviceaccount \"k10-k10\" not found");
            assertThat(k.kubectl("create", "clusterrole", k10 + "-patcher", "--verb=get,patch",
                    "--resource=namespaces").succeeded()).isTrue();
            assertThat(k.kubectl("create", "clusterrolebinding", k10 + "-patcher", "--clusterrole=" + k10
                    + "-patcher", "--serviceaccount=" + k10 + ":k10-k10").succeeded()).isTrue();
            CliRun allowed = run(k, postExport);
            assertThat(allowed.exitCode()).as(allowed.err()).isZero();
            assertThat(k.coreV1().readNamespace(app).execute().getMetadata().getLabels())
                    .doesNotContainKey("migrate");
        } finally {
            k.kubectl("delete", "namespace", app, "--wait=false");
            k.kubectl("delete", "clusterrolebinding,clusterrole", k10 + "-patcher", "--ignore-not-found");
        }
    }
}
