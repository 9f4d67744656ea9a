package io.kanisterhooks.blueprint;

import io.kanisterhooks.yaml.Problems;
import io.kanisterhooks.yaml.YamlMapping;
import io.kanisterhooks.yaml.YamlNode;
import io.kanisterhooks.yaml.YamlScalar;
import io.kanisterhooks.yaml.YamlSequence;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Warnings for Wait/WaitV2 conditions that are legal but almost surely wrong (spec: "validate warns on patterns that
 * are legal but almost surely wrong").
 */
final class WaitAdviceRule implements PhaseRule {

    static final String WAIT = "Wait";
    static final String WAIT_V2 = "WaitV2";
    private static final Pattern JSONPATH_REFERENCE = Pattern.compile("\\{\\s*\\$");
    private static final Pattern BARE_STATEFULSET_NAME = Pattern.compile("\\{\\{-?\\s*\\.StatefulSet\\.Name\\s*-?}}");

    @Override
    public void check(PhaseSite site, Problems problems) {
        String func = site.phase().func();
        if (!WAIT.equals(func) && !WAIT_V2.equals(func)) {
            return;
        }
        site.argNode("conditions").filter(YamlMapping.class::isInstance).map(YamlMapping.class::cast)
                .ifPresent(conditions -> {
                    for (String group : List.of("anyOf", "allOf")) {
                        conditions.get(group).filter(YamlSequence.class::isInstance).map(YamlSequence.class::cast)
                                .ifPresent(list -> list.items().forEach(c -> checkCondition(func, c, problems)));
                    }
                });
    }

    private static void checkCondition(String func, YamlNode node, Problems problems) {
        if (!(node instanceof YamlMapping condition)) {
            return;
        }
        condition.get("condition").filter(YamlScalar.class::isInstance).map(YamlScalar.class::cast)
                .filter(YamlScalar::isString)
                .filter(s -> WAIT.equals(func) && !JSONPATH_REFERENCE.matcher((String) s.value()).find())
                .ifPresent(s -> problems.warning(s.position(), "this Wait condition has no JSONPath reference "
                        + "({ $.… }), so it does not look at the object: it is always true or always false"));
        condition.get("objectReference").filter(YamlMapping.class::isInstance).map(YamlMapping.class::cast)
                .ifPresent(ref -> {
                    Object resource = ref.get("resource").map(YamlNode::toValue).orElse(null);
                    ref.get("name").filter(YamlScalar.class::isInstance).map(YamlScalar.class::cast)
                            .filter(n -> "pods".equals(resource) && n.isString()
                                    && BARE_STATEFULSET_NAME.matcher(((String) n.value()).trim()).matches())
                            .ifPresent(n -> problems.warning(n.position(), "waits for a pod named like the "
                                    + "StatefulSet, but StatefulSet pods are named <name>-<ordinal>; use "
                                    + "'{{ .StatefulSet.Name }}-0' or '{{ index .StatefulSet.Pods 0 }}'"));
                });
    }
}
