package io.kanisterhooks.jsonpath;

import io.kanisterhooks.golang.strconv.GoQuote;
import io.kanisterhooks.golang.strings.GoStrings;
import io.kanisterhooks.jsonpath.Node.ArrayNode;
import io.kanisterhooks.jsonpath.Node.BoolNode;
import io.kanisterhooks.jsonpath.Node.FieldNode;
import io.kanisterhooks.jsonpath.Node.FilterNode;
import io.kanisterhooks.jsonpath.Node.FloatNode;
import io.kanisterhooks.jsonpath.Node.IdentifierNode;
import io.kanisterhooks.jsonpath.Node.IntNode;
import io.kanisterhooks.jsonpath.Node.ListNode;
import io.kanisterhooks.jsonpath.Node.RecursiveNode;
import io.kanisterhooks.jsonpath.Node.SliceBound;
import io.kanisterhooks.jsonpath.Node.TextNode;
import io.kanisterhooks.jsonpath.Node.UnionNode;
import io.kanisterhooks.jsonpath.Node.WildcardNode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parser for the client-go JSONPath dialect. It follows client-go's scanner closely (same terminators, same order of
 * checks, same error texts) because users see these errors and because its quirks are part of the dialect: a quoted
 * array key is re-parsed as a path ({@code ['a.b']} is {@code .a.b}), union elements are parsed as separate paths,
 * filters are split by a regular expression. It is written as loops instead of client-go's mutual recursion so that long
 * templates cannot exhaust the Java stack.
 *
 * <p>Positions are Java {@code char} indices; Go's byte indices only matter where client-go looks one byte back for a
 * backslash, and a backslash is never part of a multi-unit character in either encoding.
 */
final class JsonPathParser {

    private static final int EOF = -1;

    // Go's regexp "$" is end of text and "." excludes only '\n': \z and UNIX_LINES give the same in Java.
    private static final Pattern DICT_KEY = Pattern.compile("^'([^']*)'\\z");
    private static final Pattern SLICE = Pattern.compile("^(-?[0-9]*)(:-?[0-9]*)?(:-?[0-9]*)?\\z");
    private static final Pattern FILTER = Pattern.compile("^([^!<>=]+)([!<>=]+)(.+?)\\z", Pattern.UNIX_LINES);
    private static final Pattern GO_INT = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern GO_FLOAT = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)");

    private final String input;
    private int pos;
    private int start;
    private int width;

    private JsonPathParser(String input) {
        this.input = input;
    }

    /** Parses a whole template: literal text with {@code {…}} actions. */
    static ListNode parse(String template) throws JsonPathException {
        return new JsonPathParser(template).parseTemplate();
    }

    /** Parses {@code text} as the inside of one action, as client-go's {@code parseAction} does for sub-paths. */
    private static ListNode parseAction(String text) throws JsonPathException {
        return (ListNode) parse("{" + text + "}").nodes().get(0);
    }

    private ListNode parseTemplate() throws JsonPathException {
        List<Node> root = new ArrayList<>();
        while (true) {
            int brace = input.indexOf('{', pos);
            pos = brace < 0 ? input.length() : brace;
            if (pos > start) {
                root.add(new TextNode(consume()));
            }
            if (brace < 0) {
                return new ListNode(List.copyOf(root));
            }
            pos++;
            consume();
            root.add(parseInsideAction());
        }
    }

    private ListNode parseInsideAction() throws JsonPathException {
        List<Node> action = new ArrayList<>();
        while (true) {
            if (input.startsWith("}", pos)) {
                pos++;
                consume();
                return new ListNode(List.copyOf(action));
            }
            if (input.startsWith("[?(", pos)) {
                parseFilter(action);
                continue;
            }
            if (input.startsWith("..", pos)) {
                parseRecursive(action);
                continue;
            }
            int r = next();
            if (r == EOF || isEndOfLine(r)) {
                throw JsonPathException.parse("unclosed action");
            } else if (r == ' ' || r == '@' || r == '$') {
                consume(); // '@' and '$' name the current object: nothing to do
            } else if (r == '[') {
                parseArray(action);
            } else if (r == '"' || r == '\'') {
                parseQuote(action, r);
            } else if (r == '.') {
                parseField(action);
            } else if (r == '+' || r == '-' || Character.isDigit(r)) {
                backup();
                parseNumber(action);
            } else if (isAlphaNumeric(r)) {
                backup();
                parseIdentifier(action);
            } else {
                throw JsonPathException.parse("unrecognized character in action: " + JsonPathValues.runeWithName(r));
            }
        }
    }

    private void parseIdentifier(List<Node> action) {
        while (!isTerminator(next())) {
            // scan
        }
        backup();
        String word = consume();
        if (word.equals("true") || word.equals("false")) {
            action.add(new BoolNode(Boolean.parseBoolean(word)));
        } else {
            action.add(new IdentifierNode(word));
        }
    }

    private void parseRecursive(List<Node> action) throws JsonPathException {
        if (!action.isEmpty() && action.get(action.size() - 1) instanceof RecursiveNode) {
            throw JsonPathException.parse("invalid multiple recursive descent");
        }
        pos += 2;
        consume();
        action.add(new RecursiveNode());
        if (isAlphaNumeric(peek())) {
            parseField(action);
        }
    }

    private void parseNumber(List<Node> action) throws JsonPathException {
        int r = peek();
        if (r == '+' || r == '-') {
            next();
        }
        do {
            r = next();
        } while (r == '.' || Character.isDigit(r));
        backup();
        String text = consume();
        if (GO_INT.matcher(text).matches()) {
            try {
                action.add(new IntNode(Long.parseLong(text)));
                return;
            } catch (NumberFormatException outOfRange) {
                // Go's Atoi fails too; ParseFloat decides
            }
        }
        if (GO_FLOAT.matcher(text).matches()) {
            double d = Double.parseDouble(text);
            if (!Double.isInfinite(d)) {
                action.add(new FloatNode(d));
                return;
            }
        }
        throw JsonPathException.parse("cannot parse number " + text);
    }

    private void parseArray(List<Node> action) throws JsonPathException {
        while (true) {
            int r = next();
            if (r == EOF || r == '\n') {
                throw JsonPathException.parse("unterminated array");
            }
            if (r == ']') {
                break;
            }
        }
        String text = consume();
        text = text.substring(1, text.length() - 1);
        if (text.equals("*")) {
            text = ":";
        }

        String[] parts = text.split(",", -1);
        if (parts.length > 1) {
            List<ListNode> branches = new ArrayList<>(parts.length);
            for (String part : parts) {
                branches.add(parseAction("[" + GoStrings.trim(part, " ") + "]"));
            }
            action.add(new UnionNode(List.copyOf(branches)));
            return;
        }

        Matcher dictKey = DICT_KEY.matcher(text);
        if (dictKey.matches()) {
            action.addAll(parseAction("." + dictKey.group(1)).nodes());
            return;
        }

        Matcher slice = SLICE.matcher(text);
        if (!slice.matches()) {
            throw JsonPathException.parse("invalid array index " + text);
        }
        SliceBound startBound = sliceBound(slice.group(1), false, null);
        SliceBound endBound = sliceBound(slice.group(2), true, startBound);
        SliceBound stepBound = sliceBound(slice.group(3), true, null);
        action.add(new ArrayNode(startBound, endBound, stepBound));
    }

    /**
     * One slice bound as client-go derives it: an omitted end after a plain index means "index+1" (so {@code [n]} is one
     * element and {@code []} is the first element), an omitted or empty bound is otherwise "unknown".
     */
    private static SliceBound sliceBound(String group, boolean afterColon, SliceBound startForDerivedEnd)
            throws JsonPathException {
        if (group == null || group.isEmpty()) {
            if (startForDerivedEnd != null) {
                return new SliceBound(startForDerivedEnd.value() + 1, true, true);
            }
            return SliceBound.UNKNOWN;
        }
        String digits = afterColon ? group.substring(1) : group;
        if (afterColon && digits.isEmpty()) {
            return SliceBound.UNKNOWN;
        }
        try {
            return SliceBound.of(Long.parseLong(digits));
        } catch (NumberFormatException e) {
            throw JsonPathException.parse("array index " + digits + " is not a number");
        }
    }

    private void parseFilter(List<Node> action) throws JsonPathException {
        pos += 3;
        consume();
        boolean begin = false;
        boolean end = false;
        int pair = 0;
        scan:
        while (true) {
            int r = next();
            switch (r) {
                case EOF, '\n' -> throw JsonPathException.parse("unterminated filter");
                case '"', '\'' -> {
                    if (!begin) {
                        begin = true;
                        pair = r;
                    } else if (input.charAt(pos - 2) != '\\' && r == pair) {
                        end = true;
                    }
                }
                case ')' -> {
                    // quotes may appear only once, so a ')' ends the filter unless it is inside them
                    if (begin == end) {
                        break scan;
                    }
                }
                default -> {
                }
            }
        }
        if (next() != ']') {
            throw JsonPathException.parse("unclosed array expect ]");
        }
        String text = consume();
        text = text.substring(0, text.length() - 2);
        Matcher comparison = FILTER.matcher(text);
        if (!comparison.matches()) {
            action.add(new FilterNode(parseAction(text), new ListNode(List.of()), FilterNode.EXISTS));
        } else {
            ListNode left = parseAction(comparison.group(1));
            ListNode right = parseAction(comparison.group(3));
            action.add(new FilterNode(left, right, comparison.group(2)));
        }
    }

    private void parseQuote(List<Node> action, int quote) throws JsonPathException {
        while (true) {
            int r = next();
            if (r == EOF || r == '\n') {
                throw JsonPathException.parse("unterminated quoted string");
            }
            if (r == quote && input.charAt(pos - 2) != '\\') {
                break;
            }
        }
        String quoted = consume();
        String text = unquoteExtended(quoted);
        if (text == null) {
            throw JsonPathException.parse("unquote string " + quoted + " error invalid syntax");
        }
        action.add(new TextNode(text));
    }

    private void parseField(List<Node> action) {
        consume();
        while (advance()) {
            // scan
        }
        String name = consume();
        if (name.equals("*")) {
            action.add(new WildcardNode());
        } else {
            action.add(new FieldNode(name.replace("\\", "")));
        }
    }

    /** Scans one character of a field name; a backslash makes the next character part of the name. */
    private boolean advance() {
        int r = next();
        if (r == '\\') {
            next();
        } else if (isTerminator(r)) {
            backup();
            return false;
        }
        return true;
    }

    private String consume() {
        String value = input.substring(start, pos);
        start = pos;
        return value;
    }

    private int next() {
        if (pos >= input.length()) {
            width = 0;
            return EOF;
        }
        int r = input.codePointAt(pos);
        width = Character.charCount(r);
        pos += width;
        return r;
    }

    private int peek() {
        int r = next();
        backup();
        return r;
    }

    private void backup() {
        pos -= width;
    }

    private static boolean isTerminator(int r) {
        return switch (r) {
            case ' ', '\t', '\r', '\n', EOF, '.', ',', '[', ']', '$', '@', '{', '}' -> true;
            default -> false;
        };
    }

    private static boolean isEndOfLine(int r) {
        return r == '\r' || r == '\n';
    }

    private static boolean isAlphaNumeric(int r) {
        return r == '_' || Character.isLetter(r) || Character.isDigit(r);
    }

    /**
     * client-go's {@code UnquoteExtend}: Go's {@code strconv.Unquote} rules for a string in double or single quotes
     * (single-quoted strings may hold any number of characters). Returns null where Go reports "invalid syntax".
     * {@code \x} and octal escapes yield raw bytes as in Go; a byte sequence that is not UTF-8 decodes to U+FFFD.
     */
    static String unquoteExtended(String quoted) {
        int n = quoted.length();
        if (n < 2) {
            return null;
        }
        char quote = quoted.charAt(0);
        if (quote != quoted.charAt(n - 1) || (quote != '"' && quote != '\'')) {
            return null;
        }
        String s = quoted.substring(1, n - 1);
        if (s.indexOf('\\') < 0 && s.indexOf(quote) < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        try {
            while (!s.isEmpty()) {
                GoQuote.UnquotedChar c = GoQuote.unquoteChar(s, quote);
                s = c.tail();
                if (c.rune() < 0x80 || !c.multibyte()) {
                    out.write(c.rune());
                } else {
                    out.writeBytes(new String(Character.toChars(c.rune())).getBytes(StandardCharsets.UTF_8));
                }
            }
        } catch (IllegalArgumentException invalidSyntax) {
            return null;
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
