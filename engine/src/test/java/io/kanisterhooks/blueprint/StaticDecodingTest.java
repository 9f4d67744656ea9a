package io.kanisterhooks.blueprint;

import static io.kanisterhooks.blueprint.ValidationHarness.blueprint;
import static io.kanisterhooks.blueprint.ValidationHarness.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@code validate} finds before a phase runs: literal argument values decoded as the function decodes them
 * ({@link LiteralArgumentsRule}), and TemplateParams fields that cannot exist ({@link TemplateParamsFields}).
 */
class StaticDecodingTest {

    private static List<String> phase(String func, String args) {
        return problems(blueprint("""
                  a:
                    phases:
                    - func: %s
                      name: p
                      args:
                %s""".formatted(func, args.indent(8))));
    }

    /** A KubeTask phase with this podOverride (indented by two spaces); the override starts on line 14. */
    private static List<String> podOverride(String override) {
        return phase("KubeTask", "image: busybox\ncommand: [sh]\npodOverride:\n" + override);
    }

    @Test
    void replicasThatCanNeverBeAnInt32AreAnErrorAtTheValue() {
        assertThat(phase("ScaleWorkload", "replicas: three\nnamespace: ns\nname: web\nkind: deployment"))
                .containsExactly("bp.yaml:11:19: Failed to validate phase p in action a: argument replicas: Cannot "
                        + "convert three to int: strconv.ParseInt: parsing \"three\": invalid syntax (the value has "
                        + "no template, so the phase fails whenever it runs)");
        assertThat(phase("ScaleWorkload", "replicas: '99999999999'")).singleElement().asString()
                .contains("argument replicas: Cannot convert 99999999999 to int", "value out of range");
    }

    @Test
    void literalValuesThatDecodePassAndTemplatesAreLeftToRunTime() {
        assertThat(phase("ScaleWorkload", "replicas: 3\nwaitForReady: 'false'")).isEmpty();
        assertThat(phase("ScaleWorkload", "replicas: '2'")).isEmpty();
        assertThat(phase("ScaleWorkload", "replicas: '{{ .Options.replicas }}'")).isEmpty();
        assertThat(phase("KubeOps", "operation: '{{ .Options.op }}'\nspec: x")).isEmpty();
        assertThat(phase("KubeOps", "operation: patch\nspec: x")).isEmpty();
    }

    @Test
    void waitForReadyMustBeABool() {
        assertThat(phase("ScaleWorkload", "replicas: 1\nwaitForReady: sometimes")).singleElement().asString()
                .contains("argument waitForReady: ", "sometimes");
    }

    @Test
    void aWaitTimeoutIsAGoDurationStringWhetherWaitOrWaitV2() {
        String conditions = "\nconditions:\n  anyOf:\n  - condition: 'true'\n    objectReference: {apiVersion: v1, "
                + "resource: pods, name: p, namespace: ns}";
        assertThat(phase("Wait", "timeout: 120" + conditions)).anySatisfy(p -> assertThat(p).startsWith(
                "bp.yaml:11:18: Failed to validate phase p in action a: argument timeout: Failed to parse timeout: ")
                .contains("missing unit in duration \"120\""));
        assertThat(phase("WaitV2", "timeout: 5 minutes" + conditions)).anySatisfy(p -> assertThat(p)
                .contains("argument timeout: Failed to parse timeout: "));
        assertThat(phase("WaitV2", "timeout: 5m" + conditions)).noneMatch(p -> p.contains("timeout"));
    }

    @Test
    void anUnknownKubeOpsOperationIsAnErrorWithADidYouMean() {
        assertThat(phase("KubeOps", "operation: crate\nspec: x")).containsExactly("bp.yaml:11:20: Failed to "
                + "validate phase p in action a: argument operation: invalid operation 'crate'; did you mean "
                + "'create'? (the value has no template, so the phase fails whenever it runs)");
        assertThat(phase("KubeOps", "operation: frobnicate\nspec: x")).singleElement().asString()
                .contains("invalid operation 'frobnicate' (create, delete or patch)");
    }

    @Test
    void aPodOverrideFieldThePodSpecDoesNotHaveIsAnErrorWithADidYouMean() {
        assertThat(podOverride("""
                  containers:
                  - name: container
                    imagePolicy: Always
                  nodeSelectr: {disk: ssd}
                """)).containsExactly("bp.yaml:14:11: Failed to validate phase p in action a: argument podOverride: "
                + "containers[0].imagePolicy, nodeSelectr (did you mean nodeSelector?) "
                + "are not fields of a PodSpec, so the pod would be created without them");
    }

    @Test
    void aPodOverrideWithKnownFieldsAndPatchDirectivesPasses() {
        assertThat(podOverride("""
                  containers:
                  - name: container
                    imagePullPolicy: Always
                    $patch: replace
                  securityContext: {runAsUser: 1000}
                  tolerations: [{key: k, operator: Exists}]
                """)).isEmpty();
        assertThat(phase("KubeTask", "image: busybox\ncommand: [sh]\npodOverride: {nodeSelectr: '{{ .Options.x }}'}"))
                .isEmpty();
    }

    @Test
    void aTemplateParamsFieldThatCannotExistIsAWarningWithADidYouMean() {
        assertThat(phase("KubeTask", "image: busybox\ncommand: [sh, -c, 'echo {{ .Namespace.Nmae }}']"))
                .containsExactly("bp.yaml:12:27: warning: .Namespace.Nmae: param.NamespaceParams has no field Nmae, "
                        + "so the phase fails when it renders this; did you mean .Namespace.Name?");
        assertThat(phase("KubeTask", "image: busybox\ncommand: ['{{ $.StatefulSets.Name }}']"))
                .singleElement().asString().contains("warning: $.StatefulSets: param.TemplateParams has no field "
                        + "StatefulSets", "did you mean $.StatefulSet?");
        assertThat(phase("KubeTask", "image: busybox\ncommand: ['{{ .Phases.x.Outptu.y }}']"))
                .singleElement().asString().contains("did you mean .Phases.x.Output?");
    }

    @Test
    void fieldsThatExistMapKeysMethodsAndOtherDotsAreNotWarnedAbout() {
        assertThat(phase("KubeTask", """
                image: busybox
                command:
                - '{{ .Namespace.Name }} {{ .StatefulSet.Pods }} {{ .Deployment.Namespace }} {{ .PVC.Name }}'
                - '{{ .Options.anything }} {{ .Secrets.db.Data.password }} {{ .Secrets.db.Name }}'
                - '{{ .ConfigMaps.c.Data.k }} {{ .ArtifactsIn.a.KeyValue.k }} {{ .Object.spec.whatever }}'
                - '{{ .Phases.p.Output.k }} {{ .Time }} {{ .PodOverride }} {{ .PodLabels.x }}'
                - '{{ range .StatefulSet.Pods }}{{ .NotAField }}{{ end }}{{ with .Options }}{{ .free }}{{ end }}'
                - '{{ define "t" }}{{ .Anything }}{{ end }}{{ template "t" .Options }}'
                """)).isEmpty();
    }
}
