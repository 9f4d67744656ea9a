package io.kanisterhooks.kube;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A {@code metav1.LabelSelector} (JSON-shaped) in the query syntax of {@code ?labelSelector=}. */
public final class LabelSelectors {

    private LabelSelectors() {
    }

    /** {@code app=web,tier in (a,b),!legacy}; empty for a null or empty selector (which selects everything). */
    public static String query(Object selector) {
        if (!(selector instanceof Map<?, ?> s)) {
            return "";
        }
        List<String> terms = new ArrayList<>();
        if (s.get("matchLabels") instanceof Map<?, ?> labels) {
            labels.forEach((k, v) -> terms.add(k + "=" + v));
        }
        if (s.get("matchExpressions") instanceof List<?> expressions) {
            for (Object e : expressions) {
                if (e instanceof Map<?, ?> expr) {
                    terms.add(expression(expr));
                }
            }
        }
        return String.join(",", terms);
    }

    private static String expression(Map<?, ?> expr) {
        String key = String.valueOf(expr.get("key"));
        List<String> values = new ArrayList<>();
        if (expr.get("values") instanceof List<?> vs) {
            vs.forEach(v -> values.add(String.valueOf(v)));
        }
        return switch (String.valueOf(expr.get("operator"))) {
            case "In" -> key + " in (" + String.join(",", values) + ")";
            case "NotIn" -> key + " notin (" + String.join(",", values) + ")";
            case "DoesNotExist" -> "!" + key;
            default -> key; // Exists
        };
    }
}
