package io.kanisterhooks.blueprint;

import io.kanisterhooks.render.Dialect;
import io.kanisterhooks.render.JsonPathReferences;
import io.kanisterhooks.render.TemplateSyntax;
import io.kanisterhooks.yaml.Problems;
import io.kanisterhooks.yaml.SourcePosition;
import io.kanisterhooks.yaml.YamlMapping;
import io.kanisterhooks.yaml.YamlNode;
import io.kanisterhooks.yaml.YamlScalar;
import io.kanisterhooks.yaml.YamlSequence;
import java.util.Optional;

/**
 * Template syntax, checked when the blueprint is validated instead of when a phase runs (Kanister checks none): every
 * string of a phase's args and objects in Kanister's arg dialect; Wait conditions after JSONPath references are taken
 * out, in Wait's dialect; WaitV2 conditions in kubectl's dialect (Kanister silently treats a WaitV2 condition that does not
 * parse as false, so it can only time out). In hooks mode, templates must not use {@code .Profile}.
 */
final class TemplateRule implements PhaseRule {

    private static final String CONDITIONS = "conditions";
    private final boolean hooks;

    TemplateRule(boolean hooks) {
        this.hooks = hooks;
    }

    @Override
    public void check(PhaseSite site, Problems problems) {
        String func = site.phase().func();
        boolean waitV1 = WaitAdviceRule.WAIT.equals(func);
        boolean waitV2 = WaitAdviceRule.WAIT_V2.equals(func);
        YamlMapping args = site.phase().argsNode();
        if (args != null) {
            for (YamlMapping.Entry e : args.entries()) {
                if (CONDITIONS.equals(e.key()) && (waitV1 || waitV2)) {
                    conditions(e.value(), waitV1, site, problems);
                } else if (!(waitV2 && "timeout".equals(e.key()))) {
                    ArgStrings.walk(e.value(), e.key(), (path, text, scalar, at) -> args(text, scalar, at, problems));
                    args(e.key(), null, e.keyPosition(), problems);
                }
            }
        }
        site.phase().node().get("objects").ifPresent(objects ->
                ArgStrings.walk(objects, "objects", (path, text, scalar, at) -> args(text, scalar, at, problems)));
    }

    /** Output artifacts are templates too, rendered when the action has succeeded. */
    void checkArtifacts(BlueprintAction action, Problems problems) {
        action.node().get("outputArtifacts").ifPresent(artifacts -> ArgStrings.walk(artifacts, "outputArtifacts",
                (path, text, scalar, at) -> {
                    if (scalar != null) {
                        args(text, scalar, at, problems);
                    }
                }));
    }

    private void args(String text, YamlScalar scalar, SourcePosition at, Problems problems) {
        report(TemplateSyntax.check(text, Dialect.KANISTER_ARGS), scalar, at, "", problems);
        TemplateParamsFields.check(text).forEach(u -> problems.warning(scalar == null ? at
                : scalar.positionOfLine(u.line()), u.message()));
        if (hooks && TemplateSyntax.referencesProfile(text)) {
            problems.error(at, "hook actions cannot use .Profile (no location profile exists for hooks)");
        }
    }

    private void conditions(YamlNode conditions, boolean waitV1, PhaseSite site, Problems problems) {
        if (!(conditions instanceof YamlMapping groups)) {
            return;
        }
        for (YamlMapping.Entry group : groups.entries()) {
            if (!(group.value() instanceof YamlSequence list)) {
                continue;
            }
            for (YamlNode item : list.items()) {
                if (!(item instanceof YamlMapping condition)) {
                    continue;
                }
                for (YamlMapping.Entry field : condition.entries()) {
                    if ("condition".equals(field.key()) && field.value() instanceof YamlScalar s
                            && s.value() instanceof String text) {
                        condition(text, s, waitV1, problems);
                    } else {
                        ArgStrings.walk(field.value(), field.key(), (path, t, scalar, at) ->
                                args(t, scalar, at, problems));
                    }
                }
            }
        }
    }

    private void condition(String text, YamlScalar scalar, boolean waitV1, Problems problems) {
        if (!waitV1) {
            report(TemplateSyntax.check(text, Dialect.WAIT_V2), scalar, scalar.position(),
                    "this WaitV2 condition can never be true: ", problems);
            return;
        }
        // a result is pasted in as it is: "0" stands for one that is valid both inside quotes and as an operand
        String withoutJsonPath = text;
        for (String reference : JsonPathReferences.find(text).keySet()) {
            withoutJsonPath = withoutJsonPath.replace(reference, "0");
        }
        Optional<TemplateSyntax.SyntaxError> error = TemplateSyntax.check(withoutJsonPath, Dialect.WAIT);
        report(error, scalar, scalar.position(), "", problems);
        if (error.isEmpty()) {
            TemplateSyntax.check(text, Dialect.KANISTER_ARGS).ifPresent(kanister -> problems.warning(
                    scalar.position(), "Kanister itself would fail this phase (it renders Wait conditions as blueprint "
                            + "templates first: " + kanister.message() + "); kanister-hooks substitutes JSONPath first, "
                            + "so the condition works here"));
        }
    }

    private static void report(Optional<TemplateSyntax.SyntaxError> error, YamlScalar scalar, SourcePosition at,
                               String prefix, Problems problems) {
        error.ifPresent(e -> problems.error(scalar == null ? at : scalar.positionOfLine(Math.max(1, e.line())),
                prefix + e.message()));
    }
}
