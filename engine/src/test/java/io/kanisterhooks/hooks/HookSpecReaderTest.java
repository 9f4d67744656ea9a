package io.kanisterhooks.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanisterhooks.yaml.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HookSpecReaderTest {

    @TempDir
    Path dir;

    private HookSpecReader.Result read(String yaml) throws IOException {
        Path f = dir.resolve("hooks.yaml");
        Files.writeString(f, yaml);
        return new HookSpecReader().read(f.toString());
    }

    private List<String> problems(String yaml) throws IOException {
        return read(yaml).problems().sorted().stream().map(Problem::toString)
                .map(s -> s.replace(dir.resolve("hooks.yaml").toString(), "hooks.yaml")).toList();
    }

    @Test
    void readsTheK10PageExampleVerbatim() throws IOException {
        HookSpecReader.Result r = read("""
                hooks:
                  preHook:
                    blueprint: hook-blueprint
                    actionName: pre-restore
                  onSuccess:
                    blueprint: hook-blueprint
                    actionName: post-restore
                    subject:
                       name: mysql-statefulset
                       namespace: mysql
                       type: statefulset
                  onFailure:
                    blueprint: hook-blueprint
                    actionName: post-restore-failed
                """);
        assertThat(r.problems().hasErrors()).isFalse();
        HookReference success = r.hooks().get(HookSlot.ON_SUCCESS).orElseThrow();
        assertThat(success.target()).isEqualTo("hook-blueprint/post-restore");
        assertThat(success.subject().orElseThrow()).isEqualTo(
                new HookSubject("statefulset", "mysql-statefulset", "mysql", null, null, null));
        assertThat(success.maxRetries()).isEqualTo(2);
        assertThat(success.timeout()).isEqualTo(Duration.ofMinutes(20));
        assertThat(r.hooks().get(HookSlot.ON_FAILURE).orElseThrow().maxRetries()).isZero();
        assertThat(r.hooks().get(HookSlot.ALWAYS)).isEmpty();
    }

    @Test
    void ourOptionalKeys() throws IOException {
        HookSpecReader.Result r = read("""
                hooks:
                  preHook: {blueprint: bp, actionName: quiesce, timeout: 90s, maxRetries: 5, options: {mode: fast, count: 3}}
                  always: {blueprint: bp, actionName: cleanup}
                """);
        HookReference pre = r.hooks().get(HookSlot.PRE_HOOK).orElseThrow();
        assertThat(pre.timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(pre.maxRetries()).isEqualTo(5);
        assertThat(pre.options()).isEqualTo(Map.of("mode", "fast", "count", "3"));
        assertThat(r.hooks().get(HookSlot.ALWAYS).orElseThrow().actionName()).isEqualTo("cleanup");
    }

    @Test
    void readsHooksFromAK10PolicyWithASelector() throws IOException {
        Path f = dir.resolve("policy.yaml");
        Files.writeString(f, """
                apiVersion: config.kio.kasten.io/v1alpha1
                kind: Policy
                metadata: {name: p, namespace: kasten-io}
                spec:
                  actions:
                  - action: backup
                    backupParameters:
                      hooks:
                        preHook: {blueprint: backup-hooks, actionName: before-backup}
                  - action: export
                    exportParameters:
                      hooks:
                        onSuccess: {blueprint: export-hooks, actionName: on-success}
                """);
        HookSpecReader reader = new HookSpecReader();
        assertThat(reader.read(f.toString()).problems().sorted()).extracting(Problem::message).containsExactly(
                "the file has hooks for several K10 actions (backup, export); choose one with " + f + "#<action>");
        HookSpecReader.Result export = reader.read(f + "#export");
        assertThat(export.problems().hasErrors()).isFalse();
        assertThat(export.hooks().get(HookSlot.ON_SUCCESS).orElseThrow().target()).isEqualTo("export-hooks/on-success");
    }

    @Test
    void readsHooksFromAK10RestoreAction() throws IOException {
        HookSpecReader.Result r = read("""
                apiVersion: actions.kio.kasten.io/v1alpha1
                kind: RestoreAction
                metadata: {generateName: restore-}
                spec:
                  subject: {kind: RestorePoint, name: rp, namespace: mysql}
                  hooks:
                    onSuccess: {blueprint: hook-blueprint, actionName: post-restore}
                """);
        assertThat(r.hooks().get(HookSlot.ON_SUCCESS).orElseThrow().actionName()).isEqualTo("post-restore");
    }

    @Test
    void problemsArePointedAt() throws IOException {
        assertThat(problems("""
                hooks:
                  prehook: {blueprint: bp, actionName: a}
                  onSuccess: {blueprint: bp, action: b}
                  onFailure: {blueprint: bp, actionName: c, maxRetries: 3}
                  always: {blueprint: "", actionName: d, timeout: 5d}
                """)).containsExactly(
                "hooks.yaml:2:3: hooks: unknown hook \"prehook\"; did you mean \"preHook\"?",
                "hooks.yaml:3:14: hooks.onSuccess: actionName is required",
                "hooks.yaml:3:30: hooks.onSuccess: unknown field \"action\" (known fields: actionName, blueprint, "
                        + "maxRetries, onError, options, subject, timeout)",
                "hooks.yaml:4:57: hooks.onFailure.maxRetries: onFailure hooks are never retried (K10 semantics)",
                "hooks.yaml:5:23: hooks.always.blueprint must not be empty",
                "hooks.yaml:5:51: hooks.always.timeout: time: unknown unit \"d\" in duration \"5d\"");
    }

    @Test
    void badSubjects() throws IOException {
        assertThat(problems("""
                hooks:
                  onSuccess:
                    blueprint: bp
                    actionName: a
                    subject: {type: cronjob, name: nightly}
                  onFailure:
                    blueprint: bp
                    actionName: b
                    subject: {type: statefulset}
                """)).containsExactly(
                "hooks.yaml:5:14: hooks.onSuccess.subject: unknown subject type \"cronjob\": use one of namespace, "
                        + "statefulset, deployment, deploymentconfig, pvc, or give apiVersion and resource (and group) "
                        + "of the object",
                "hooks.yaml:9:14: hooks.onFailure.subject: a statefulset subject needs a name");
    }

    @Test
    void fileWithoutHooks() throws IOException {
        assertThat(problems("apiVersion: v1\nkind: ConfigMap\n")).containsExactly(
                "hooks.yaml:1:1: no hooks found: expected a hooks: map, a K10 Policy or a K10 Backup/Export/RestoreAction");
    }

    @Test
    void onErrorIsFailByDefaultAndContinueWhereAHookSaysSo() throws IOException {
        HookSpecReader.Result r = read("""
                hooks:
                  preHook:
                    blueprint: app-hooks
                    actionName: quiesce
                  always:
                    blueprint: app-hooks
                    actionName: notify
                    onError: Continue
                """);
        assertThat(r.problems().hasErrors()).isFalse();
        assertThat(r.hooks().get(HookSlot.PRE_HOOK).orElseThrow().onError()).isEqualTo(OnError.FAIL);
        assertThat(r.hooks().get(HookSlot.ALWAYS).orElseThrow().onError()).isEqualTo(OnError.CONTINUE);
    }

    @Test
    void aStepLevelDefaultAppliesToHooksThatSetNone() throws IOException {
        Path f = dir.resolve("hooks.yaml");
        Files.writeString(f, """
                hooks:
                  preHook: {blueprint: app-hooks, actionName: quiesce, onError: Fail}
                  always: {blueprint: app-hooks, actionName: notify}
                """);
        HookSpecReader.Result r = new HookSpecReader(Duration.ofMinutes(5), OnError.CONTINUE).read(f.toString());
        assertThat(r.hooks().get(HookSlot.PRE_HOOK).orElseThrow().onError()).isEqualTo(OnError.FAIL);
        assertThat(r.hooks().get(HookSlot.ALWAYS).orElseThrow().onError()).isEqualTo(OnError.CONTINUE);
    }

    @Test
    void anOnErrorThatIsNeitherFailNorContinueIsAnErrorAtItsPlace() throws IOException {
        assertThat(problems("""
                hooks:
                  always:
                    blueprint: app-hooks
                    actionName: notify
                    onError: Contine
                """)).containsExactly("hooks.yaml:5:14: hooks.always.onError: expected Fail or Continue, "
                + "found \"Contine\"; did you mean \"Continue\"?");
    }
}
