package io.kanisterhooks.blueprint;

import io.kanisterhooks.yaml.Problems;
import io.kanisterhooks.yaml.YamlMapping;
import io.kanisterhooks.yaml.YamlNode;
import io.kanisterhooks.yaml.YamlScalar;
import java.util.List;

/**
 * Kanister's {@code ValidatePodLabelsAndAnnotations}: {@code podLabels}/{@code podAnnotations} must be maps (a
 * templated string fails, as in Kanister); keys must be qualified names; label values valid label values; non-string
 * values are ignored, as Kanister ignores them.
 */
final class PodMetadataRule implements PhaseRule {

    static final String POD_LABELS = "podLabels";
    static final String POD_ANNOTATIONS = "podAnnotations";

    @Override
    public void check(PhaseSite site, Problems problems) {
        if (site.signature().isEmpty() || !site.signature().get().checksPodMetadata()) {
            return;
        }
        site.argNode(POD_LABELS).ifPresent(n -> checkMap(site, n, "label", true, problems));
        site.argNode(POD_ANNOTATIONS).ifPresent(n -> checkMap(site, n, "annotation", false, problems));
    }

    private static void checkMap(PhaseSite site, YamlNode node, String what, boolean checkValues, Problems problems) {
        if (node instanceof YamlScalar s && s.value() == null) {
            return;
        }
        if (!(node instanceof YamlMapping map)) {
            problems.error(node.position(), site.prefix() + (checkValues
                    ? "podLabels are not in correct format. Expected format is map[string]interface{}."
                    : "podAnnotations are not in correct format. expected format is map[string]string."));
            return;
        }
        for (YamlMapping.Entry e : map.entries()) {
            if (!(e.value() instanceof YamlScalar v) || !(v.value() instanceof String value)) {
                continue;
            }
            List<String> keyErrors = KubernetesNames.isQualifiedName(e.key());
            if (!keyErrors.isEmpty()) {
                problems.error(e.keyPosition(), site.prefix() + what + " key '" + e.key() + "' failed validation. "
                        + KubernetesNames.goList(keyErrors));
            }
            List<String> valueErrors = checkValues ? KubernetesNames.isValidLabelValue(value) : List.of();
            if (!valueErrors.isEmpty()) {
                problems.error(v.position(), site.prefix() + what + " value '" + value + "' failed validation. "
                        + KubernetesNames.goList(valueErrors));
            }
        }
    }
}
