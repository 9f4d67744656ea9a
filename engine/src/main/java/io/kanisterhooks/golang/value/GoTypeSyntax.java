package io.kanisterhooks.golang.value;

import java.util.ArrayList;
import java.util.List;

/** Recursive-descent reader of Go type strings in the form {@code %T} prints them. */
final class GoTypeSyntax {
    private final String text;
    private int pos;

    GoTypeSyntax(String text) {
        this.text = text;
    }

    GoType parseWhole() {
        GoType t = type();
        expectEnd();
        return t;
    }

    Signature parseWholeSignature() {
        Signature s = signature();
        expectEnd();
        return s;
    }

    private void expectEnd() {
        skipSpaces();
        if (pos != text.length()) {
            throw error("unexpected text");
        }
    }

    private GoType type() {
        skipSpaces();
        if (eat("*")) {
            return GoType.pointerTo(type());
        }
        if (eat("[]")) {
            return GoType.sliceOf(type());
        }
        if (eat("[")) {
            int start = pos;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            int n = Integer.parseInt(text.substring(start, pos));
            expect("]");
            return GoType.arrayOf(n, type());
        }
        if (eat("map[")) {
            GoType key = type();
            expect("]");
            return GoType.mapOf(key, type());
        }
        if (eatWord("interface")) {
            skipSpaces();
            expect("{");
            skipSpaces();
            expect("}");
            return GoType.INTERFACE;
        }
        if (eatWord("any")) {
            return GoType.INTERFACE;
        }
        if (text.startsWith("func(", pos)) {
            return GoType.funcOf(signature());
        }
        String name = qualifiedName();
        GoType t = GoType.lookup(aliasOf(name));
        if (t == null) {
            throw error("undefined Go type " + name);
        }
        return t;
    }

    Signature signature() {
        skipSpaces();
        expect("func(");
        List<GoType> params = new ArrayList<>();
        boolean variadic = false;
        skipSpaces();
        if (!eat(")")) {
            while (true) {
                skipSpaces();
                if (eat("...")) {
                    params.add(GoType.sliceOf(type()));
                    variadic = true;
                    skipSpaces();
                    expect(")");
                    break;
                }
                params.add(type());
                skipSpaces();
                if (eat(")")) {
                    break;
                }
                expect(",");
            }
        }
        skipSpaces();
        List<GoType> results = new ArrayList<>();
        if (eat("(")) {
            while (true) {
                results.add(type());
                skipSpaces();
                if (eat(")")) {
                    break;
                }
                expect(",");
            }
        } else if (pos < text.length() && text.charAt(pos) != ',' && text.charAt(pos) != ')') {
            results.add(type());
        }
        return Signature.of(params, variadic, results);
    }

    private static String aliasOf(String name) {
        switch (name) {
            case "byte": return "uint8";
            case "rune": return "int32";
            default: return name;
        }
    }

    private String qualifiedName() {
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isLetterOrDigit(c) || c == '_' || c == '.') {
                pos++;
            } else {
                break;
            }
        }
        if (start == pos) {
            throw error("type name expected");
        }
        return text.substring(start, pos);
    }

    private boolean eatWord(String word) {
        if (text.startsWith(word, pos)) {
            int end = pos + word.length();
            if (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)) && text.charAt(end) != '.') {
                pos = end;
                return true;
            }
        }
        return false;
    }

    private boolean eat(String s) {
        if (text.startsWith(s, pos)) {
            pos += s.length();
            return true;
        }
        return false;
    }

    private void expect(String s) {
        if (!eat(s)) {
            throw error("expected " + s);
        }
    }

    private void skipSpaces() {
        while (pos < text.length() && text.charAt(pos) == ' ') {
            pos++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at offset " + pos + " of Go type \"" + text + "\"");
    }
}
