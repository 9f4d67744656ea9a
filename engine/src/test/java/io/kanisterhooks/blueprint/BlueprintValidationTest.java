package io.kanisterhooks.blueprint;

import static io.kanisterhooks.blueprint.ValidationHarness.blueprint;
import static io.kanisterhooks.blueprint.ValidationHarness.hookProblems;
import static io.kanisterhooks.blueprint.ValidationHarness.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Kanister's static rules (pkg/blueprint/validate) and ours, each asserted with its exact message and place. */
class BlueprintValidationTest {

    private static final String PREFIX = "Failed to validate phase dump in action backup: ";

    /** One KubeTask phase named dump in action backup; {@code args} lines are indented by 8 and start on line 11. */
    private static String kubeTask(String args) {
        return blueprint("""
                  backup:
                    phases:
                    - func: KubeTask
                      name: dump
                      args:
                """ + args);
    }

    @Test
    void validBlueprintHasNoProblems() {
        assertThat(problems(kubeTask("""
                        image: busybox
                        command: [sh, -c, "echo hi"]
                        podLabels: {app: db, empty: ""}
                """))).isEmpty();
    }

    @Test
    void unknownFunctionSuggestsTheClosestName() {
        assertThat(problems(blueprint("""
                  backup:
                    phases:
                    - func: KubeTasks
                      name: dump
                """))).containsExactly(
                "bp.yaml:8:13: Requested function {KubeTasks} has not been registered; did you mean KubeTask?");
    }

    @Test
    void unknownFunctionWithoutCloseName() {
        assertThat(problems(blueprint("""
                  backup:
                    phases:
                    - func: Frobnicate
                      name: dump
                """))).containsExactly("bp.yaml:8:13: Requested function {Frobnicate} has not been registered");
    }

    @Test
    void missingFuncIsAnUnregisteredEmptyName() {
        assertThat(problems(blueprint("""
                  backup:
                    phases:
                    - name: dump
                """))).containsExactly("bp.yaml:8:7: Requested function {} has not been registered");
    }

    @Test
    void functionNamesAreCaseSensitive() {
        assertThat(problems(blueprint("""
                  backup:
                    phases:
                    - func: kubetask
                      name: dump
                """))).containsExactly(
                "bp.yaml:8:13: Requested function {kubetask} has not been registered; did you mean KubeTask?");
    }

    @Test
    void missingRequiredArgumentIsReportedAtArgs() {
        assertThat(problems(kubeTask("""
                        image: busybox
                """))).containsExactly("bp.yaml:10:7: " + PREFIX + "Required arg missing: command");
    }

    @Test
    void phaseWithoutArgsReportsEveryRequiredArgumentAtThePhase() {
        assertThat(problems(blueprint("""
                  backup:
                    phases:
                    - func: KubeExec
                      name: dump
                """))).containsExactly(
                "bp.yaml:8:7: " + PREFIX + "Required arg missing: namespace",
                "bp.yaml:8:7: " + PREFIX + "Required arg missing: pod",
                "bp.yaml:8:7: " + PREFIX + "Required arg missing: command");
    }

    @Test
    void misspeltArgumentIsUnsupportedWithSuggestion() {
        assertThat(problems(kubeTask("""
                        image: busybox
                        comand: [ls]
                """))).containsExactly(
                "bp.yaml:10:7: " + PREFIX + "Required arg missing: command",
                "bp.yaml:12:9: " + PREFIX + "argument comand is not supported; did you mean \"command\"?");
    }

    @Test
    void unsupportedArgumentListsWhatTheFunctionTakes() {
        assertThat(problems(kubeTask("""
                        image: busybox
                        command: [ls]
                        serviceAccount: sa
                """))).containsExactly("bp.yaml:13:9: " + PREFIX + "argument serviceAccount is not supported "
                + "(KubeTask takes: image, command, namespace, podOverride, podAnnotations, podLabels)");
    }

    @Test
    void podLabelsMustBeAMap() {
        assertThat(problems(kubeTask("""
                        image: busybox
                        command: [ls]
                        podLabels: "{{ .Options.labels }}"
                """))).containsExactly("bp.yaml:13:20: " + PREFIX
                + "podLabels are not in correct format. Expected format is map[string]interface{}.");
    }

    @Test
    void podAnnotationsMustBeAMap() {
        assertThat(problems(kubeTask("""
                        image: busybox
                        command: [ls]
                        podAnnotations: [a, b]
                """))).containsExactly("bp.yaml:13:25: " + PREFIX
                + "podAnnotations are not in correct format. expected format is map[string]string.");
    }

    @Test
    void invalidLabelKey() {
        assertThat(problems(kubeTask("""
                        image: busybox
                        command: [ls]
                        podLabels:
                          key$: value
                """))).containsExactly("bp.yaml:14:11: " + PREFIX + "label key 'key$' failed validation. "
                + "[name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with "
                + "an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation "
                + "is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')]");
    }

    @Test
    void invalidLabelValue() {
        assertThat(problems(kubeTask("""
                        image: busybox
                        command: [ls]
                        podLabels:
                          key: value$
                """))).containsExactly("bp.yaml:14:16: " + PREFIX + "label value 'value$' failed validation. "
                + "[a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and "
                + "must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', "
                + "regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')]");
    }

    @Test
    void labelKeyWithInvalidPrefix() {
        assertThat(problems(kubeTask("""
                        image: busybox
                        command: [ls]
                        podLabels:
                          Example.COM/app: db
                """))).containsExactly("bp.yaml:14:11: " + PREFIX + "label key 'Example.COM/app' failed validation. "
                + "[prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, "
                + "'-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used "
                + "for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')]");
    }

    @Test
    void tooLongLabelValue() {
        String value = "v".repeat(64);
        assertThat(problems(kubeTask("""
                        image: busybox
                        command: [ls]
                        podLabels:
                          key: %s
                """.formatted(value)))).containsExactly("bp.yaml:14:16: " + PREFIX + "label value '" + value
                + "' failed validation. [must be no more than 63 characters]");
    }

    @Test
    void invalidAnnotationKeyButAnyAnnotationValue() {
        assertThat(problems(kubeTask("""
                        image: busybox
                        command: [ls]
                        podAnnotations:
                          key$: ok
                          good: value$
                """))).containsExactly("bp.yaml:14:11: " + PREFIX + "annotation key 'key$' failed validation. "
                + "[name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with "
                + "an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation "
                + "is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')]");
    }

    @Test
    void nonStringLabelValuesAreIgnoredAsInKanister() {
        assertThat(problems(kubeTask("""
                        image: busybox
                        command: [ls]
                        podLabels:
                          replicas: 3
                """))).isEmpty();
    }

    @Test
    void podLabelsAreNotCheckedForFunctionsThatDoNotCheckThem() {
        assertThat(problems(blueprint("""
                  backup:
                    phases:
                    - func: KubeExec
                      name: dump
                      args: {namespace: ns, pod: p, command: [ls], podLabels: 3}
                """))).containsExactly("bp.yaml:10:52: " + PREFIX + "argument podLabels is not supported "
                + "(KubeExec takes: namespace, pod, command, container)");
    }

    @Test
    void duplicatePhaseNameInOneAction() {
        assertThat(problems(blueprint("""
                  backup:
                    phases:
                    - func: KubeTask
                      name: phaseone
                      args: {image: x, command: [ls]}
                    - func: KubeTask
                      name: phaseone
                      args: {image: x, command: [ls]}
                """))).containsExactly("bp.yaml:12:13: Failed to validate: Duplicated phase name is not allowed. "
                + "Violating phase 'phaseone' (first used in action backup at line 9)");
    }

    @Test
    void duplicatePhaseNameAcrossActions() {
        assertThat(problems(blueprint("""
                  backup:
                    phases:
                    - func: KubeTask
                      name: phaseone
                      args: {image: x, command: [ls]}
                  restore:
                    phases:
                    - func: KubeTask
                      name: phaseone
                      args: {image: x, command: [ls]}
                """))).containsExactly("bp.yaml:14:13: Failed to validate: Duplicated phase name is not allowed. "
                + "Violating phase 'phaseone' (first used in action backup at line 9)");
    }

    @Test
    void duplicatePhaseNameBetweenPhaseAndDeferPhase() {
        assertThat(problems(blueprint("""
                  backup:
                    phases:
                    - func: KubeTask
                      name: phaseone
                      args: {image: x, command: [ls]}
                    deferPhase:
                      func: KubeTask
                      name: phaseone
                      args: {image: x, command: [ls]}
                """))).containsExactly("bp.yaml:13:13: Failed to validate: Duplicated phase name is not allowed. "
                + "Violating phase 'phaseone' (first used in action backup at line 9)");
    }

    @Test
    void deferPhaseArgumentsAreValidated() {
        assertThat(problems(blueprint("""
                  backup:
                    phases: []
                    deferPhase:
                      func: KubeTask
                      name: cleanup
                      args: {image: x}
                """))).containsExactly("bp.yaml:11:7: Failed to validate phase cleanup in action backup: "
                + "Required arg missing: command");
    }

    @Test
    void everyProblemOfAFileIsReportedNotJustTheFirst() {
        assertThat(problems(blueprint("""
                  backup:
                    phases:
                    - func: KubeTask
                      name: dump
                      args: {image: x}
                    - func: Nope
                      name: other
                """))).containsExactly(
                "bp.yaml:10:7: " + PREFIX + "Required arg missing: command",
                "bp.yaml:11:13: Requested function {Nope} has not been registered");
    }

    @Test
    void profileFunctionsAreValidInKanisterMode() {
        assertThat(problems(blueprint("""
                  backup:
                    phases:
                    - func: BackupData
                      name: dump
                      args: {namespace: n, pod: p, container: c, includePath: /d, backupArtifactPrefix: b}
                """))).isEmpty();
    }

    @Test
    void hooksRefuseFunctionsThatNeedALocationProfile() {
        assertThat(hookProblems(blueprint("""
                  backup:
                    phases:
                    - func: BackupData
                      name: dump
                      args: {namespace: n, pod: p, container: c, includePath: /d, backupArtifactPrefix: b}
                """))).containsExactly("bp.yaml:8:13: function BackupData needs a location profile; hook actions "
                + "cannot use location profiles (action backup, phase dump)");
    }

    @Test
    void hooksAcceptRdsFunctionsOnlyWithSecretCredentials() {
        String rds = blueprint("""
                  backup:
                    phases:
                    - func: CreateRDSSnapshot
                      name: dump
                      args: {instanceID: db, credentialsSource: %s}
                """);
        assertThat(hookProblems(rds.formatted("secret"))).isEmpty();
        assertThat(hookProblems(rds.formatted("profile"))).containsExactly("bp.yaml:8:13: function "
                + "CreateRDSSnapshot needs a location profile; hook actions cannot use location profiles "
                + "(action backup, phase dump)");
    }

    @Test
    void hooksRefuseKandoLocationAtItsLine() {
        assertThat(hookProblems(kubeTask("""
                        image: busybox
                        command:
                        - sh
                        - -c
                        - |
                          echo start
                          kando location push --profile x /tmp/f
                """))).containsExactly("bp.yaml:17:1: hook actions cannot use kando location (no location profile "
                + "exists for hooks): args.command[2]");
    }

    @Test
    void waitConditionWithoutJsonPathIsAWarning() {
        assertThat(problems(blueprint("""
                  restore:
                    phases:
                    - func: Wait
                      name: ready
                      args:
                        timeout: 1m
                        conditions:
                          anyOf:
                          - condition: '{{ if "$.status.ready" }}true{{ end }}'
                            objectReference: {apiVersion: v1, resource: pods, name: p, namespace: n}
                """))).containsExactly("bp.yaml:14:24: warning: this Wait condition has no JSONPath reference "
                + "({ $.… }), so it does not look at the object: it is always true or always false");
    }

    @Test
    void waitOnPodNamedLikeTheStatefulSetIsAWarning() {
        assertThat(problems(blueprint("""
                  restore:
                    phases:
                    - func: Wait
                      name: ready
                      args:
                        timeout: 1m
                        conditions:
                          anyOf:
                          - condition: '{{ if { $.status.containerStatuses[].ready } }}true{{ end }}'
                            objectReference:
                              apiVersion: v1
                              resource: pods
                              name: '{{ .StatefulSet.Name }}'
                              namespace: '{{ .StatefulSet.Namespace }}'
                """))).containsExactly("bp.yaml:14:24: warning: Kanister itself would fail this phase (it renders "
                + "Wait conditions as blueprint templates first: template: config:1: unexpected \"{\" in if); "
                + "kanister-hooks substitutes JSONPath first, so the condition works here",
                "bp.yaml:18:21: warning: waits for a pod named like the StatefulSet, but "
                + "StatefulSet pods are named <name>-<ordinal>; use '{{ .StatefulSet.Name }}-0' or "
                + "'{{ index .StatefulSet.Pods 0 }}'");
    }

    @Test
    void templateSyntaxErrorPointsAtTheLineInsideABlockScalar() {
        assertThat(problems(kubeTask("""
                        image: busybox
                        command:
                        - sh
                        - -c
                        - |
                          echo {{ .Namespace.Name }}
                          echo {{ .Options.x-y }}
                """))).containsExactly("bp.yaml:17:1: template: config:2: bad character U+002D '-'");
    }

    @Test
    void unknownTemplateFunctionIsAParseError() {
        assertThat(problems(kubeTask("""
                        image: '{{ toYaml .Options }}'
                        command: [ls]
                """))).containsExactly("bp.yaml:11:16: template: config:1: function \"toYaml\" not defined");
    }

    @Test
    void objectsAndOutputArtifactsAreTemplatesToo() {
        assertThat(problems(blueprint("""
                  backup:
                    outputArtifacts:
                      snap:
                        keyValue:
                          id: '{{ .Phases.dump.Output.id }'
                    phases:
                    - func: KubeTask
                      name: dump
                      objects:
                        secret: {kind: Secret, name: '{{ .Object.metadata.name', namespace: ns}
                      args: {image: x, command: [ls]}
                """))).containsExactly(
                "bp.yaml:10:15: template: config:1: unexpected \"}\" in operand",
                "bp.yaml:15:38: template: config:1: unclosed action");
    }

    @Test
    void waitConditionsAreCheckedAfterJsonPathIsTakenOut() {
        assertThat(problems(blueprint("""
                  restore:
                    phases:
                    - func: Wait
                      name: ready
                      args:
                        timeout: 1m
                        conditions:
                          allOf:
                          - condition: '{{ if eq "{ $.status.phase }" "Running" }}true{{ end }}'
                            objectReference: {apiVersion: v1, resource: pods, name: p, namespace: n}
                          - condition: '{{ if eq { $.status.phase } }}true{{ else }}'
                            objectReference: {apiVersion: v1, resource: pods, name: p, namespace: n}
                """))).containsExactly("bp.yaml:16:24: template: config:1: unexpected EOF");
    }

    @Test
    void unquotedJsonPathWorksHereButKanisterWouldFailIt() {
        assertThat(problems(blueprint("""
                  restore:
                    phases:
                    - func: Wait
                      name: ready
                      args:
                        timeout: 1m
                        conditions:
                          anyOf:
                          - condition: '{{ if { $.status.containerStatuses[].ready } }}true{{ else }}false{{ end }}'
                            objectReference: {apiVersion: v1, resource: pods, name: p, namespace: n}
                """))).containsExactly("bp.yaml:14:24: warning: Kanister itself would fail this phase (it renders "
                + "Wait conditions as blueprint templates first: template: config:1: unexpected \"{\" in if); "
                + "kanister-hooks substitutes JSONPath first, so the condition works here");
    }

    @Test
    void waitV2ConditionThatDoesNotParseCanNeverBeTrue() {
        assertThat(problems(blueprint("""
                  restore:
                    phases:
                    - func: WaitV2
                      name: ready
                      args:
                        timeout: 1m
                        conditions:
                          anyOf:
                          - condition: '{{ if eq (upper .status.phase) "RUNNING" }}true{{ end }}'
                            objectReference: {apiVersion: v1, resource: pods, name: p, namespace: n}
                """))).containsExactly("bp.yaml:14:24: this WaitV2 condition can never be true: template: output:1: "
                + "function \"upper\" not defined");
    }

    @Test
    void hooksRefuseProfileInTemplates() {
        String bp = kubeTask("""
                        image: busybox
                        command: [sh, -c, 'echo {{ .Profile.Location.Bucket }}']
                """);
        assertThat(problems(bp)).isEmpty();
        assertThat(hookProblems(bp)).containsExactly(
                "bp.yaml:12:27: hook actions cannot use .Profile (no location profile exists for hooks)");
    }
}
