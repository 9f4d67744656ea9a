package io.kanisterhooks.kube;

import io.kanisterhooks.blueprint.KubernetesNames;
import java.util.List;
import java.util.Optional;

/**
 * The grammar of label selectors in {@code ?labelSelector=} (apimachinery's {@code labels.Parse}), checked locally so
 * that a typo is bad input rather than an API error:
 *
 * <pre>
 * selector    ::= requirement ( "," requirement )*
 * requirement ::= [ "!" ] KEY [ ( "=" | "==" | "!=" ) VALUE | ( "in" | "notin" ) "(" VALUE ( "," VALUE )* ")"
 *                 | ( ">" | "<" ) INTEGER ]
 * </pre>
 *
 * Keys are qualified names ({@code example.com/app}), values label values. An empty selector selects everything.
 */
public final class LabelSelectorSyntax {

    private static final String SPECIAL = "=!(),<>";

    private final String text;
    private int pos;

    private LabelSelectorSyntax(String text) {
        this.text = text;
    }

    /** Why {@code selector} is not a valid label selector (the first problem, with its column), or empty. */
    public static Optional<String> problem(String selector) {
        try {
            new LabelSelectorSyntax(selector).selector();
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    private void selector() {
        if (peek().isEmpty()) {
            return;
        }
        requirement();
        while (true) {
            String t = next();
            if (t.isEmpty()) {
                return;
            }
            if (!t.equals(",")) {
                throw fail("found '" + t + "', expected ','");
            }
            requirement();
        }
    }

    private void requirement() {
        String t = next();
        boolean negated = t.equals("!");
        if (negated) {
            t = next();
        }
        key(t);
        if (negated) {
            return;
        }
        String op = peek();
        switch (op) {
            case "", "," -> {
                // existence
            }
            case "=", "==", "!=" -> {
                next();
                value(next());
            }
            case "in", "notin" -> {
                next();
                set();
            }
            case ">", "<" -> {
                next();
                String n = next();
                if (!n.matches("-?[0-9]+")) {
                    throw fail("found '" + n + "', expected an integer after '" + op + "'");
                }
            }
            default -> throw fail("found '" + op + "', expected one of =, ==, !=, in, notin, >, < or ','");
        }
    }

    private void set() {
        String t = next();
        if (!t.equals("(")) {
            throw fail("found '" + t + "', expected '('");
        }
        while (true) {
            String v = next();
            if (v.isEmpty() || isSpecial(v)) {
                throw fail(v.isEmpty() ? "missing ')'" : "found '" + v + "', expected a label value");
            }
            value(v);
            String sep = next();
            if (sep.equals(")")) {
                return;
            }
            if (!sep.equals(",")) {
                throw fail(sep.isEmpty() ? "missing ')'" : "found '" + sep + "', expected ',' or ')'");
            }
        }
    }

    private void key(String t) {
        if (t.isEmpty() || isSpecial(t)) {
            throw fail(t.isEmpty() ? "a label key is missing" : "found '" + t + "', expected a label key");
        }
        List<String> errs = KubernetesNames.isQualifiedName(t);
        if (!errs.isEmpty()) {
            throw fail("invalid label key \"" + t + "\": " + String.join("; ", errs));
        }
    }

    private void value(String t) {
        if (isSpecial(t)) {
            throw fail("found '" + t + "', expected a label value");
        }
        List<String> errs = KubernetesNames.isValidLabelValue(t);
        if (!errs.isEmpty()) {
            throw fail("invalid label value \"" + t + "\": " + String.join("; ", errs));
        }
    }

    private static boolean isSpecial(String t) {
        return !t.isEmpty() && SPECIAL.indexOf(t.charAt(0)) >= 0;
    }

    private IllegalArgumentException fail(String message) {
        return new IllegalArgumentException("column " + Math.min(pos, text.length()) + ": " + message);
    }

    private String peek() {
        int saved = pos;
        String t = next();
        pos = saved;
        return t;
    }

    /** The next token: "" at the end, an operator, or a run of characters up to a space or an operator. */
    private String next() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        if (pos >= text.length()) {
            return "";
        }
        char c = text.charAt(pos);
        if (SPECIAL.indexOf(c) >= 0) {
            if ((c == '=' || c == '!') && pos + 1 < text.length() && text.charAt(pos + 1) == '=') {
                pos += 2;
                return c + "=";
            }
            pos++;
            return String.valueOf(c);
        }
        int start = pos;
        while (pos < text.length() && !Character.isWhitespace(text.charAt(pos))
                && SPECIAL.indexOf(text.charAt(pos)) < 0) {
            pos++;
        }
        return text.substring(start, pos);
    }
}
