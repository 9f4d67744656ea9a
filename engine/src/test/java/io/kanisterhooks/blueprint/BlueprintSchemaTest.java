package io.kanisterhooks.blueprint;

import static io.kanisterhooks.blueprint.ValidationHarness.blueprint;
import static io.kanisterhooks.blueprint.ValidationHarness.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Blueprint CRD's shape: types and field names, reported at their place. */
class BlueprintSchemaTest {

    @Test
    void wrongApiVersion() {
        assertThat(problems("""
                apiVersion: cr.kanister.io/v1
                kind: Blueprint
                metadata: {name: bp}
                actions: {}
                """)).containsExactly(
                "bp.yaml:1:13: a Blueprint needs apiVersion cr.kanister.io/v1alpha1, found \"cr.kanister.io/v1\"");
    }

    @Test
    void missingName() {
        assertThat(problems("""
                apiVersion: cr.kanister.io/v1alpha1
                kind: Blueprint
                metadata: {namespace: kasten-io}
                actions: {}
                """)).containsExactly("bp.yaml:1:1: metadata.name is required");
    }

    @Test
    void blueprintsHaveNoSpec() {
        assertThat(problems("""
                apiVersion: cr.kanister.io/v1alpha1
                kind: Blueprint
                metadata: {name: bp}
                spec:
                  actions: {}
                """)).containsExactly(
                "bp.yaml:1:1: warning: blueprint bp has no actions",
                "bp.yaml:4:1: unknown field \"spec\": a Blueprint has no spec, its actions are at the top level");
    }

    @Test
    void misspeltTopLevelField() {
        assertThat(problems("""
                apiVersion: cr.kanister.io/v1alpha1
                kind: Blueprint
                metadata: {name: bp}
                actons: {}
                """)).containsExactly(
                "bp.yaml:1:1: warning: blueprint bp has no actions",
                "bp.yaml:4:1: unknown field \"actons\"; did you mean \"actions\"?");
    }

    @Test
    void actionsMustBeAMap() {
        assertThat(problems(blueprint("""
                  - backup
                """))).containsExactly("bp.yaml:6:3: actions: expected a map, found a list");
    }

    @Test
    void actionMustBeAMap() {
        assertThat(problems(blueprint("""
                  backup: run it
                """))).containsExactly("bp.yaml:6:11: actions.backup: expected a map, found a string");
    }

    @Test
    void misspeltActionField() {
        assertThat(problems(blueprint("""
                  backup:
                    phase: []
                """))).containsExactly("bp.yaml:7:5: actions.backup: unknown field \"phase\"; did you mean \"phases\"?");
    }

    @Test
    void phasesMustBeAList() {
        assertThat(problems(blueprint("""
                  backup:
                    phases: dump
                """))).containsExactly("bp.yaml:7:13: actions.backup.phases: expected a list, found a string");
    }

    @Test
    void phaseMustBeAMap() {
        assertThat(problems(blueprint("""
                  backup:
                    phases:
                    - KubeTask
                """))).containsExactly("bp.yaml:8:7: actions.backup.phases[0]: expected a map, found a string");
    }

    @Test
    void funcMustBeAString() {
        assertThat(problems(blueprint("""
                  backup:
                    phases:
                    - func: [KubeTask]
                      name: dump
                """))).containsExactly("bp.yaml:8:13: actions.backup.phases[0].func: expected a string, found a list");
    }

    @Test
    void phaseNameMustBeAString() {
        assertThat(problems(blueprint("""
                  backup:
                    phases:
                    - func: KubeTask
                      name: 12
                      args: {image: x, command: [ls]}
                """))).containsExactly("bp.yaml:9:13: actions.backup.phases[0].name: expected a string, found an integer");
    }

    @Test
    void misspeltPhaseField() {
        assertThat(problems(blueprint("""
                  backup:
                    phases:
                    - func: KubeTask
                      name: dump
                      arg: {image: x, command: [ls]}
                """))).containsExactly(
                "bp.yaml:8:7: Failed to validate phase dump in action backup: Required arg missing: image",
                "bp.yaml:8:7: Failed to validate phase dump in action backup: Required arg missing: command",
                "bp.yaml:10:7: actions.backup.phases[0]: unknown field \"arg\"; did you mean \"args\"?");
    }

    @Test
    void argsMustBeAMap() {
        assertThat(problems(blueprint("""
                  backup:
                    phases:
                    - func: KubeTask
                      name: dump
                      args: [image, command]
                """))).containsExactly(
                "bp.yaml:10:7: Failed to validate phase dump in action backup: Required arg missing: image",
                "bp.yaml:10:7: Failed to validate phase dump in action backup: Required arg missing: command",
                "bp.yaml:10:13: actions.backup.phases[0].args: expected a map, found a list");
    }

    @Test
    void objectReferenceMustBeAMap() {
        assertThat(problems(blueprint("""
                  backup:
                    phases:
                    - func: KubeTask
                      name: dump
                      objects:
                        pgSecret: my-secret
                      args: {image: x, command: [ls]}
                """))).containsExactly(
                "bp.yaml:11:19: actions.backup.phases[0].objects.pgSecret: expected a map, found a string");
    }

    @Test
    void objectReferenceUnknownField() {
        assertThat(problems(blueprint("""
                  backup:
                    phases:
                    - func: KubeTask
                      name: dump
                      objects:
                        pgSecret: {kind: Secret, nam: s}
                      args: {image: x, command: [ls]}
                """))).containsExactly("bp.yaml:11:34: actions.backup.phases[0].objects.pgSecret: unknown field "
                + "\"nam\"; did you mean \"name\"?");
    }

    @Test
    void outputArtifactValuesMustBeStrings() {
        assertThat(problems(blueprint("""
                  backup:
                    outputArtifacts:
                      snap:
                        keyValue:
                          id: {a: b}
                    phases: []
                """))).containsExactly(
                "bp.yaml:10:15: actions.backup.outputArtifacts.snap.keyValue.id: expected a string, found a map");
    }

    @Test
    void outputArtifactUnknownField() {
        assertThat(problems(blueprint("""
                  backup:
                    outputArtifacts:
                      snap:
                        keyValues: {id: x}
                    phases: []
                """))).containsExactly("bp.yaml:9:9: actions.backup.outputArtifacts.snap: unknown field "
                + "\"keyValues\"; did you mean \"keyValue\"?");
    }

    @Test
    void inputArtifactNamesMustBeStrings() {
        assertThat(problems(blueprint("""
                  backup:
                    inputArtifactNames: [snap, {x: 1}]
                    phases: []
                """))).containsExactly(
                "bp.yaml:7:32: actions.backup.inputArtifactNames[1]: expected a string, found a map");
    }

    @Test
    void deferPhaseMustBeAMap() {
        assertThat(problems(blueprint("""
                  backup:
                    phases: []
                    deferPhase: [cleanup]
                """))).containsExactly("bp.yaml:8:17: actions.backup.deferPhase: expected a map, found a list");
    }

    @Test
    void argsKeepKubernetesTypes() {
        BlueprintFile file = new BlueprintLoader().parse("bp.yaml", blueprint("""
                  backup:
                    phases:
                    - func: ScaleWorkload
                      name: scale
                      args: {replicas: 3, ratio: 0.5, wait: yes, big: 18446744073709551615, hex: 0x1F, when: 2024-01-02}
                """));
        Map<String, Object> args = file.blueprints().get(0).action("backup").orElseThrow().phases().get(0).args();
        assertThat(args).containsEntry("replicas", 3L).containsEntry("ratio", 0.5).containsEntry("wait", true)
                .containsEntry("big", 1.8446744073709552E19).containsEntry("hex", 31L)
                .containsEntry("when", "2024-01-02");
    }

    @Test
    void otherKubernetesObjectsAreSkippedWithANote() {
        BlueprintFile file = new BlueprintLoader().parse("bp.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: cm}
                ---
                apiVersion: cr.kanister.io/v1alpha1
                kind: Blueprint
                metadata: {name: bp}
                actions: {}
                """);
        assertThat(file.blueprints()).extracting(Blueprint::name).containsExactly("bp");
        assertThat(file.notes()).containsExactly("bp.yaml: document 1 (kind ConfigMap) is not a Blueprint; skipped");
        assertThat(file.problems().hasErrors()).isFalse();
    }
}
