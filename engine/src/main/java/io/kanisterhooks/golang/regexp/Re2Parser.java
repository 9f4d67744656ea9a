package io.kanisterhooks.golang.regexp;

import io.kanisterhooks.golang.strings.CaseOrbits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses Go's RE2 regular-expression syntax (flags {@code regexp.Compile} uses: Perl extensions, Unicode groups,
 * one-line mode, classes matching newline) and rejects what Go rejects with Go's error texts. The result is an
 * equivalent java.util.regex pattern in which every group is unnamed, plus Go's capture-group names.
 *
 * <p>The parse follows Go's stack discipline (regexp/syntax parse.go) so that errors are detected in the same
 * order and name the same piece of the expression.
 */
final class Re2Parser {

    /** The translated pattern: Java regex source and Go's subexpression names (index 0 is the whole match). */
    record Translation(String javaPattern, List<String> groupNames) {
    }

    private static final int FOLD_CASE = 1;
    private static final int DOT_NL = 2;
    private static final int ONE_LINE = 4;
    private static final int NON_GREEDY = 8;

    private static final String WORD = "[0-9A-Za-z_]";

    private static final Map<String, CodePointSet> PERL_GROUPS = Map.of(
            "\\d", ranges('0', '9'),
            "\\s", ranges('\t', '\n', '\f', '\r', ' ', ' '),
            "\\w", ranges('0', '9', 'A', 'Z', '_', '_', 'a', 'z'));

    private static final Map<String, CodePointSet> POSIX_GROUPS = Map.ofEntries(
            Map.entry("[:alnum:]", ranges('0', '9', 'A', 'Z', 'a', 'z')),
            Map.entry("[:alpha:]", ranges('A', 'Z', 'a', 'z')),
            Map.entry("[:ascii:]", ranges(0, 0x7f)),
            Map.entry("[:blank:]", ranges('\t', '\t', ' ', ' ')),
            Map.entry("[:cntrl:]", ranges(0, 0x1f, 0x7f, 0x7f)),
            Map.entry("[:digit:]", ranges('0', '9')),
            Map.entry("[:graph:]", ranges('!', '~')),
            Map.entry("[:lower:]", ranges('a', 'z')),
            Map.entry("[:print:]", ranges(' ', '~')),
            Map.entry("[:punct:]", ranges('!', '/', ':', '@', '[', '`', '{', '~')),
            Map.entry("[:space:]", ranges('\t', '\r', ' ', ' ')),
            Map.entry("[:upper:]", ranges('A', 'Z')),
            Map.entry("[:word:]", ranges('0', '9', 'A', 'Z', 'a', 'z', '_', '_')),
            Map.entry("[:xdigit:]", ranges('0', '9', 'A', 'F', 'a', 'f')));

    /**
     * A parse-stack entry: a finished piece of Java regex (with the counted repetitions inside it, for Go's repeat
     * size check), or a marker for '(' (with the flags to restore and the group) or '|'.
     */
    private record Item(String java, boolean isAtom, List<CountedRepeat> repeats, Marker marker, int flags, int cap,
            String name) {
        static Item node(String java, boolean isAtom, List<CountedRepeat> repeats) {
            return new Item(java, isAtom, repeats, null, 0, 0, null);
        }
    }

    /** An {n,m} repetition: its effective count (max, or min when unbounded) and the ones nested inside it. */
    private record CountedRepeat(int count, boolean zeroMax, List<CountedRepeat> inner) {

        /** Go's repeatIsValid: nested counts may not multiply to more than n copies. */
        static boolean valid(List<CountedRepeat> repeats, int n) {
            for (CountedRepeat r : repeats) {
                if (r.zeroMax()) {
                    continue;
                }
                if (r.count() > n) {
                    return false;
                }
                if (!valid(r.inner(), r.count() > 0 ? n / r.count() : n)) {
                    return false;
                }
            }
            return true;
        }
    }

    private enum Marker { LEFT_PAREN, VERTICAL_BAR }

    private final String whole;
    private final List<Item> stack = new ArrayList<>();
    private final List<String> names = new ArrayList<>(List.of(""));
    private int flags = ONE_LINE;

    private Re2Parser(String whole) {
        this.whole = whole;
    }

    static Translation translate(String regex) throws Re2SyntaxException {
        Re2Parser p = new Re2Parser(regex);
        p.parse();
        return new Translation(p.stack.get(0).java(), List.copyOf(p.names));
    }

    private static CodePointSet ranges(int... bounds) {
        CodePointSet set = new CodePointSet();
        for (int i = 0; i < bounds.length; i += 2) {
            set.add(bounds[i], bounds[i + 1]);
        }
        return set;
    }

    private void parse() throws Re2SyntaxException {
        String t = whole;
        String lastRepeat = "";
        while (!t.isEmpty()) {
            String repeat = "";
            char c = t.charAt(0);
            switch (c) {
                case '(' -> {
                    if (t.length() >= 2 && t.charAt(1) == '?') {
                        t = parsePerlFlags(t);
                    } else {
                        names.add("");
                        pushMarker(Marker.LEFT_PAREN, names.size() - 1, "");
                        t = t.substring(1);
                    }
                }
                case '|' -> {
                    concat();
                    pushMarker(Marker.VERTICAL_BAR, 0, null);
                    t = t.substring(1);
                }
                case ')' -> {
                    parseRightParen();
                    t = t.substring(1);
                }
                case '^' -> {
                    push((flags & ONE_LINE) != 0 ? "\\A" : "(?:\\A|(?<=\\n))", true);
                    t = t.substring(1);
                }
                case '$' -> {
                    push((flags & ONE_LINE) != 0 ? "\\z" : "(?=\\n|\\z)", true);
                    t = t.substring(1);
                }
                case '.' -> {
                    push((flags & DOT_NL) != 0 ? "(?s:.)" : "[^\\n]", true);
                    t = t.substring(1);
                }
                case '[' -> t = parseClass(t);
                case '*', '+', '?' -> {
                    String after = repeat(String.valueOf(c), null, t, t.substring(1), lastRepeat);
                    repeat = t;
                    t = after;
                }
                case '{' -> {
                    int[] minMax = new int[2];
                    String after = parseRepeat(t, minMax);
                    if (after == null) {
                        // Not a well-formed repeat: '{' is a literal.
                        literal('{');
                        t = t.substring(1);
                        break;
                    }
                    int min = minMax[0];
                    int max = minMax[1];
                    if (min < 0 || min > 1000 || max > 1000 || max >= 0 && min > max) {
                        throw new Re2SyntaxException("invalid repeat count", t.substring(0, t.length()
                                - after.length()));
                    }
                    String quantifier = "{" + min + (max == min ? "" : "," + (max < 0 ? "" : max)) + "}";
                    String rest = repeat(quantifier, minMax, t, after, lastRepeat);
                    repeat = t;
                    t = rest;
                }
                case '\\' -> t = parseBackslash(t);
                default -> {
                    int cp = t.codePointAt(0);
                    literal(cp);
                    t = t.substring(Character.charCount(cp));
                }
            }
            lastRepeat = repeat;
        }
        concat();
        alternate();
        if (stack.size() != 1) {
            throw new Re2SyntaxException("missing closing )", whole);
        }
    }

    private String parseBackslash(String t) throws Re2SyntaxException {
        if (t.length() >= 2) {
            switch (t.charAt(1)) {
                case 'A' -> {
                    push("\\A", true);
                    return t.substring(2);
                }
                case 'b' -> {
                    push("(?:(?<=" + WORD + ")(?!" + WORD + ")|(?<!" + WORD + ")(?=" + WORD + "))", true);
                    return t.substring(2);
                }
                case 'B' -> {
                    push("(?:(?<=" + WORD + ")(?=" + WORD + ")|(?<!" + WORD + ")(?!" + WORD + "))", true);
                    return t.substring(2);
                }
                case 'C' -> throw new Re2SyntaxException("invalid escape sequence", t.substring(0, 2));
                case 'Q' -> {
                    String body = t.substring(2);
                    int end = body.indexOf("\\E");
                    String lit = end < 0 ? body : body.substring(0, end);
                    lit.codePoints().forEach(this::literal);
                    return end < 0 ? "" : body.substring(end + 2);
                }
                case 'z' -> {
                    push("\\z", true);
                    return t.substring(2);
                }
                default -> {
                }
            }
        }
        boolean fold = (flags & FOLD_CASE) != 0;
        if (t.length() >= 2 && (t.charAt(1) == 'p' || t.charAt(1) == 'P')) {
            String[] rest = new String[1];
            push(parseUnicodeClass(t, rest, fold).toJavaRegex(), true);
            return rest[0];
        }
        if (isPerlClass(t)) {
            push(perlClass(t, fold).toJavaRegex(), true);
            return t.substring(2);
        }
        int[] cp = new int[1];
        String rest = parseEscape(t, cp);
        literal(cp[0]);
        return rest;
    }

    private static boolean isPerlClass(String t) {
        return t.length() >= 2 && t.charAt(0) == '\\' && PERL_GROUPS.containsKey(t.substring(0, 2).toLowerCase());
    }

    /** \d \s \w and their negations \D \S \W. */
    private static CodePointSet perlClass(String t, boolean fold) {
        return group(PERL_GROUPS.get(t.substring(0, 2).toLowerCase()), Character.isUpperCase(t.charAt(1)), fold);
    }

    /** Like RE2's appendGroup: case folding applies before negation. */
    private static CodePointSet group(CodePointSet set, boolean negate, boolean fold) {
        CodePointSet s = fold ? set.folded() : set;
        return negate ? s.negated() : s;
    }

    private void literal(int cp) {
        if ((flags & FOLD_CASE) != 0 && CaseOrbits.orbit(cp).length > 0) {
            push(new CodePointSet().addFolded(cp, cp).toJavaRegex(), true);
        } else {
            push(CodePointSet.escape(cp), true);
        }
    }

    private void push(String java, boolean isAtom) {
        stack.add(Item.node(java, isAtom, List.of()));
    }

    private void pushMarker(Marker marker, int cap, String name) {
        stack.add(new Item(null, false, List.of(), marker, flags, cap, name));
    }

    /** Applies a repetition operator to the top of the stack (Go's parser.repeat). */
    private String repeat(String quantifier, int[] counted, String before, String after, String lastRepeat)
            throws Re2SyntaxException {
        int opFlags = flags;
        if (after.startsWith("?")) {
            after = after.substring(1);
            opFlags ^= NON_GREEDY;
        }
        if (!lastRepeat.isEmpty()) {
            // Stacked repetition (a**) is a syntax error in Perl mode, not a doubled star.
            throw new Re2SyntaxException("invalid nested repetition operator",
                    lastRepeat.substring(0, lastRepeat.length() - after.length()));
        }
        String operator = before.substring(0, before.length() - after.length());
        if (stack.isEmpty() || stack.get(stack.size() - 1).marker() != null) {
            throw new Re2SyntaxException("missing argument to repetition operator", operator);
        }
        Item sub = stack.remove(stack.size() - 1);
        String body = sub.isAtom() ? sub.java() : "(?:" + sub.java() + ")";
        List<CountedRepeat> repeats = sub.repeats();
        if (counted != null) {
            repeats = List.of(new CountedRepeat(counted[1] < 0 ? counted[0] : counted[1], counted[1] == 0, repeats));
            if ((counted[0] >= 2 || counted[1] >= 2) && !CountedRepeat.valid(repeats, 1000)) {
                throw new Re2SyntaxException("invalid repeat count", operator);
            }
        }
        boolean greedy = (opFlags & NON_GREEDY) == 0;
        stack.add(Item.node("(?:" + body + quantifier + (greedy ? "" : "?") + ")", true, repeats));
        return after;
    }

    private void parseRightParen() throws Re2SyntaxException {
        concat();
        alternate();
        int n = stack.size();
        if (n < 2) {
            throw new Re2SyntaxException("unexpected )", whole);
        }
        Item body = stack.remove(n - 1);
        Item open = stack.remove(n - 2);
        if (open.marker() != Marker.LEFT_PAREN) {
            throw new Re2SyntaxException("unexpected )", whole);
        }
        flags = open.flags();
        if (open.cap() == 0) {
            stack.add(Item.node("(?:" + body.java() + ")", true, body.repeats()));
        } else {
            names.set(open.cap(), open.name());
            stack.add(Item.node("(" + body.java() + ")", true, body.repeats()));
        }
    }

    /** Replaces the items above the topmost marker by their concatenation. */
    private void concat() {
        int i = stack.size();
        while (i > 0 && stack.get(i - 1).marker() == null) {
            i--;
        }
        List<Item> subs = new ArrayList<>(stack.subList(i, stack.size()));
        stack.subList(i, stack.size()).clear();
        if (subs.size() == 1) {
            stack.add(subs.get(0));
            return;
        }
        StringBuilder b = new StringBuilder();
        List<CountedRepeat> repeats = new ArrayList<>();
        for (Item sub : subs) {
            b.append(sub.java());
            repeats.addAll(sub.repeats());
        }
        stack.add(Item.node(b.toString(), false, repeats));
    }

    /** Replaces the alternatives above the topmost '(' by their alternation. */
    private void alternate() {
        List<String> branches = new ArrayList<>();
        List<CountedRepeat> repeats = new ArrayList<>();
        while (!stack.isEmpty() && stack.get(stack.size() - 1).marker() != Marker.LEFT_PAREN) {
            Item top = stack.remove(stack.size() - 1);
            if (top.marker() == null) {
                branches.add(0, top.java());
                repeats.addAll(top.repeats());
            }
        }
        if (branches.size() == 1) {
            stack.add(Item.node(branches.get(0), false, repeats));
            return;
        }
        stack.add(Item.node("(?:" + String.join("|", branches) + ")", true, repeats));
    }

    /** (?flags), (?flags:, (?P&lt;name&gt; (Go's parsePerlFlags). */
    private String parsePerlFlags(String s) throws Re2SyntaxException {
        if (s.length() > 4 && s.charAt(2) == 'P' && s.charAt(3) == '<') {
            int end = s.indexOf('>');
            if (end < 0) {
                throw new Re2SyntaxException("invalid named capture", s);
            }
            String capture = s.substring(0, end + 1);
            String name = s.substring(4, end);
            if (name.isEmpty() || !name.chars().allMatch(ch -> ch == '_' || ch < 0x80
                    && Character.isLetterOrDigit(ch))) {
                throw new Re2SyntaxException("invalid named capture", capture);
            }
            names.add(name);
            pushMarker(Marker.LEFT_PAREN, names.size() - 1, name);
            return s.substring(end + 1);
        }
        String t = s.substring(2);
        int newFlags = flags;
        boolean negate = false;
        boolean sawFlag = false;
        while (!t.isEmpty()) {
            int c = t.codePointAt(0);
            t = t.substring(Character.charCount(c));
            int bit = switch (c) {
                case 'i' -> FOLD_CASE;
                case 's' -> DOT_NL;
                case 'U' -> NON_GREEDY;
                case 'm' -> ONE_LINE;
                default -> 0;
            };
            if (bit != 0) {
                // 'm' clears one-line mode; the others set their flag; '-' inverts both.
                boolean set = (c == 'm') == negate;
                newFlags = set ? newFlags | bit : newFlags & ~bit;
                sawFlag = true;
                continue;
            }
            if (c == '-') {
                if (negate) {
                    break;
                }
                negate = true;
                sawFlag = false;
                continue;
            }
            if (c == ':' || c == ')') {
                if (negate && !sawFlag) {
                    break;
                }
                if (c == ':') {
                    pushMarker(Marker.LEFT_PAREN, 0, null);
                }
                flags = newFlags;
                return t;
            }
            break;
        }
        throw new Re2SyntaxException("invalid or unsupported Perl syntax", s.substring(0, s.length() - t.length()));
    }

    /** {min}, {min,}, {min,max}; returns the rest after '}' or null when s is not of that form. */
    private static String parseRepeat(String s, int[] minMax) {
        String t = s.substring(1);
        int[] n = new int[1];
        String rest = parseInt(t, n);
        if (rest == null || rest.isEmpty()) {
            return null;
        }
        int min = n[0];
        int max;
        t = rest;
        if (t.charAt(0) != ',') {
            max = min;
        } else {
            t = t.substring(1);
            if (t.isEmpty()) {
                return null;
            }
            if (t.charAt(0) == '}') {
                max = -1;
            } else {
                rest = parseInt(t, n);
                if (rest == null) {
                    return null;
                }
                t = rest;
                max = n[0];
                if (max < 0) {
                    min = -1;
                }
            }
        }
        if (t.isEmpty() || t.charAt(0) != '}') {
            return null;
        }
        minMax[0] = min;
        minMax[1] = max;
        return t.substring(1);
    }

    /** A decimal without leading zeros; values of 1e8 and more become -1. Null when s has no digits. */
    private static String parseInt(String s, int[] out) {
        if (s.isEmpty() || !isDigit(s.charAt(0))) {
            return null;
        }
        if (s.length() >= 2 && s.charAt(0) == '0' && isDigit(s.charAt(1))) {
            return null;
        }
        int i = 0;
        int n = 0;
        while (i < s.length() && isDigit(s.charAt(i))) {
            if (n >= 100_000_000) {
                n = -1;
            } else if (n >= 0) {
                n = n * 10 + s.charAt(i) - '0';
            }
            i++;
        }
        out[0] = n;
        return s.substring(i);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** One escaped character: \n, \x41, \x{10FFFF}, \123, \. (Go's parseEscape). */
    private static String parseEscape(String s, int[] out) throws Re2SyntaxException {
        String t = s.substring(1);
        if (t.isEmpty()) {
            throw new Re2SyntaxException("trailing backslash at end of expression", "");
        }
        int c = t.codePointAt(0);
        t = t.substring(Character.charCount(c));
        if (c >= '1' && c <= '7' && !t.isEmpty() && t.charAt(0) >= '0' && t.charAt(0) <= '7' || c == '0') {
            int r = c - '0';
            for (int i = 1; i < 3 && !t.isEmpty() && t.charAt(0) >= '0' && t.charAt(0) <= '7'; i++) {
                r = r * 8 + t.charAt(0) - '0';
                t = t.substring(1);
            }
            out[0] = r;
            return t;
        }
        switch (c) {
            case 'x' -> {
                String rest = parseHexEscape(t, out);
                if (rest != null) {
                    return rest;
                }
                t = hexEscapeErrorRest(t);
            }
            case 'a' -> {
                out[0] = 7;
                return t;
            }
            case 'f' -> {
                out[0] = '\f';
                return t;
            }
            case 'n' -> {
                out[0] = '\n';
                return t;
            }
            case 'r' -> {
                out[0] = '\r';
                return t;
            }
            case 't' -> {
                out[0] = '\t';
                return t;
            }
            case 'v' -> {
                out[0] = 0x0b;
                return t;
            }
            default -> {
                if (c < 0x80 && !Character.isLetterOrDigit(c)) {
                    out[0] = c;
                    return t;
                }
            }
        }
        throw new Re2SyntaxException("invalid escape sequence", s.substring(0, s.length() - t.length()));
    }

    private static String parseHexEscape(String t, int[] out) {
        if (t.isEmpty()) {
            return null;
        }
        if (t.charAt(0) == '{') {
            int i = 1;
            int r = 0;
            while (i < t.length() && t.charAt(i) != '}') {
                int v = Character.digit(t.charAt(i), 16);
                if (v < 0 || t.charAt(i) > 0x7f) {
                    return null;
                }
                r = r * 16 + v;
                if (r > CodePointSet.MAX_RUNE) {
                    return null;
                }
                i++;
            }
            if (i >= t.length() || i == 1) {
                return null;
            }
            out[0] = r;
            return t.substring(i + 1);
        }
        if (t.length() < 2) {
            return null;
        }
        int x = Character.digit(t.charAt(0), 16);
        int y = Character.digit(t.charAt(1), 16);
        if (x < 0 || y < 0 || t.charAt(0) > 0x7f || t.charAt(1) > 0x7f) {
            return null;
        }
        out[0] = x * 16 + y;
        return t.substring(2);
    }

    /** How much of a bad \x escape Go has consumed when it reports the error. */
    private static String hexEscapeErrorRest(String t) {
        if (t.isEmpty()) {
            return t;
        }
        if (t.charAt(0) != '{') {
            return t.substring(Math.min(t.length(), Character.charCount(t.codePointAt(0))
                    + (t.length() > 1 ? Character.charCount(t.codePointAt(Character.charCount(t.codePointAt(0))))
                    : 0)));
        }
        int i = 1;
        int r = 0;
        while (i < t.length()) {
            char ch = t.charAt(i++);
            if (ch == '}') {
                return t.substring(i);
            }
            int v = Character.digit(ch, 16);
            if (v < 0 || ch > 0x7f) {
                return t.substring(i);
            }
            r = r * 16 + v;
            if (r > CodePointSet.MAX_RUNE) {
                return t.substring(i);
            }
        }
        return "";
    }

    /** \pL, \p{Greek}, \P{^Greek} (Go's parseUnicodeClass); rest[0] receives the remainder. */
    private static CodePointSet parseUnicodeClass(String s, String[] rest, boolean fold)
            throws Re2SyntaxException {
        boolean negate = s.charAt(1) == 'P';
        String t = s.substring(2);
        String seq;
        String name;
        if (t.isEmpty() || t.charAt(0) != '{') {
            int len = t.isEmpty() ? 0 : Character.charCount(t.codePointAt(0));
            seq = s.substring(0, 2 + len);
            name = seq.substring(2);
            t = t.substring(len);
        } else {
            int end = s.indexOf('}');
            if (end < 0) {
                throw new Re2SyntaxException("invalid character class range", s);
            }
            seq = s.substring(0, end + 1);
            t = s.substring(end + 1);
            name = s.substring(3, end);
        }
        if (name.startsWith("^")) {
            negate = !negate;
            name = name.substring(1);
        }
        CodePointSet set = UnicodeTables.lookup(name);
        if (set == null) {
            throw new Re2SyntaxException("invalid character class range", seq);
        }
        rest[0] = t;
        return group(set, negate, fold);
    }

    /** [...] (Go's parseClass). */
    private String parseClass(String s) throws Re2SyntaxException {
        String t = s.substring(1);
        boolean negate = false;
        if (t.startsWith("^")) {
            negate = true;
            t = t.substring(1);
        }
        boolean fold = (flags & FOLD_CASE) != 0;
        CodePointSet set = new CodePointSet();
        boolean first = true;
        while (t.isEmpty() || t.charAt(0) != ']' || first) {
            first = false;
            if (t.length() > 2 && t.charAt(0) == '[' && t.charAt(1) == ':') {
                int i = t.indexOf(":]", 2);
                if (i >= 0) {
                    String name = t.substring(0, i + 2);
                    CodePointSet group = POSIX_GROUPS.get(name.replace("[:^", "[:"));
                    if (group == null) {
                        throw new Re2SyntaxException("invalid character class range", name);
                    }
                    set.addAll(group(group, name.startsWith("[:^"), fold));
                    t = t.substring(i + 2);
                    continue;
                }
            }
            if (t.length() >= 2 && t.charAt(0) == '\\' && (t.charAt(1) == 'p' || t.charAt(1) == 'P')) {
                String[] rest = new String[1];
                set.addAll(parseUnicodeClass(t, rest, fold));
                t = rest[0];
                continue;
            }
            if (isPerlClass(t)) {
                set.addAll(perlClass(t, fold));
                t = t.substring(2);
                continue;
            }
            String range = t;
            int[] lo = new int[1];
            t = parseClassChar(t, s, lo);
            int hi = lo[0];
            if (t.length() >= 2 && t.charAt(0) == '-' && t.charAt(1) != ']') {
                int[] h = new int[1];
                t = parseClassChar(t.substring(1), s, h);
                hi = h[0];
                if (hi < lo[0]) {
                    throw new Re2SyntaxException("invalid character class range",
                            range.substring(0, range.length() - t.length()));
                }
            }
            if (fold) {
                set.addFolded(lo[0], hi);
            } else {
                set.add(lo[0], hi);
            }
        }
        push((negate ? set.negated() : set).toJavaRegex(), true);
        return t.substring(1);
    }

    private static String parseClassChar(String s, String wholeClass, int[] out) throws Re2SyntaxException {
        if (s.isEmpty()) {
            throw new Re2SyntaxException("missing closing ]", wholeClass);
        }
        if (s.charAt(0) == '\\') {
            return parseEscape(s, out);
        }
        out[0] = s.codePointAt(0);
        return s.substring(Character.charCount(out[0]));
    }
}
