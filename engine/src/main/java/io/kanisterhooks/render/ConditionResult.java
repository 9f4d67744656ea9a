package io.kanisterhooks.render;

import io.kanisterhooks.golang.strings.GoStrings;
/**
 * One evaluation of a Wait/WaitV2 condition: whether it holds ({@code TrimSpace(output) == "true"}), the template output,
 * and for Wait (v1) the condition after JSONPath substitution (null for WaitV2).
 */
public record ConditionResult(boolean satisfied, String output, String resolvedCondition) {

    static ConditionResult of(String output, String resolvedCondition) {
        return new ConditionResult(GoStrings.trimSpace(output).equals("true"), output, resolvedCondition);
    }
}
