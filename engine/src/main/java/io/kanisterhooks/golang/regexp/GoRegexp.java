package io.kanisterhooks.golang.regexp;

import io.kanisterhooks.golang.errors.GoPanic;
import io.kanisterhooks.golang.strconv.GoQuote;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A compiled Go {@code *regexp.Regexp}: RE2 syntax checked and translated by {@link Re2Parser}, matched by
 * java.util.regex with leftmost-first semantics, and Go's rules for repeated matching (no empty match right after
 * a match), replacement templates ({@code $1}, {@code ${name}}) and splitting.
 */
public final class GoRegexp {

    private static final int CACHE_SIZE = 256;
    private static final Map<String, Object> CACHE = Collections.synchronizedMap(
            new LinkedHashMap<>(CACHE_SIZE, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
                    return size() > CACHE_SIZE;
                }
            });

    private final String expr;
    private final Pattern pattern;
    private final List<String> groupNames;

    private GoRegexp(String expr, Re2Parser.Translation translation) {
        this.expr = expr;
        this.pattern = Pattern.compile(translation.javaPattern());
        this.groupNames = translation.groupNames();
    }

    /** Go's {@code regexp.Compile}. */
    public static GoRegexp compile(String expr) throws Re2SyntaxException {
        Object cached = CACHE.get(expr);
        if (cached == null) {
            try {
                cached = new GoRegexp(expr, Re2Parser.translate(expr));
            } catch (Re2SyntaxException e) {
                cached = e;
            }
            CACHE.put(expr, cached);
        }
        if (cached instanceof Re2SyntaxException e) {
            throw e;
        }
        return (GoRegexp) cached;
    }

    /** Go's {@code regexp.MustCompile}: a syntax error is a panic with Go's message. */
    public static GoRegexp mustCompile(String expr) {
        try {
            return compile(expr);
        } catch (Re2SyntaxException e) {
            throw new GoPanic("regexp: Compile(" + quote(expr) + "): " + e.getMessage());
        }
    }

    /** How regexp error messages quote an expression: backquoted when possible, else {@code strconv.Quote}. */
    private static String quote(String s) {
        return GoQuote.canBackquote(s) ? "`" + s + "`" : GoQuote.quote(s);
    }

    public String expr() {
        return expr;
    }

    /** {@code MatchString}. */
    public boolean matches(String s) {
        return pattern.matcher(s).find();
    }

    /** {@code FindString}: the leftmost match, "" when none. */
    public String findString(String s) {
        Matcher m = pattern.matcher(s);
        return m.find() ? m.group() : "";
    }

    /** {@code FindAllString(s, n)}: null (Go's nil) when nothing matches or n == 0. */
    public List<String> findAllString(String s, int n) {
        List<String> out = new ArrayList<>();
        for (int[] m : allMatches(s, n)) {
            out.add(s.substring(m[0], m[1]));
        }
        return out.isEmpty() ? null : out;
    }

    /** Go's allMatches: successive leftmost matches, ignoring an empty match right after the previous match. */
    private List<int[]> allMatches(String s, int n) {
        int limit = n < 0 ? s.length() + 1 : n;
        List<int[]> out = new ArrayList<>();
        Matcher m = pattern.matcher(s);
        int pos = 0;
        int prevMatchEnd = -1;
        while (out.size() < limit && pos <= s.length()) {
            if (!m.find(pos)) {
                break;
            }
            boolean accept = true;
            if (m.end() == pos) {
                if (m.start() == prevMatchEnd) {
                    accept = false;
                }
                pos = pos < s.length() ? pos + Character.charCount(s.codePointAt(pos)) : s.length() + 1;
            } else {
                pos = m.end();
            }
            prevMatchEnd = m.end();
            if (accept) {
                out.add(new int[] {m.start(), m.end()});
            }
        }
        return out;
    }

    /** {@code ReplaceAllString}: the replacement is a Go template ({@code $1}, {@code ${name}}, {@code $$}). */
    public String replaceAllString(String src, String template) {
        return replaceAll(src, (m, b) -> expand(b, template, src, m));
    }

    /** {@code ReplaceAllLiteralString}. */
    public String replaceAllLiteralString(String src, String replacement) {
        return replaceAll(src, (m, b) -> b.append(replacement));
    }

    private interface Replacer {
        void append(Matcher match, StringBuilder out);
    }

    private String replaceAll(String src, Replacer replacer) {
        StringBuilder b = new StringBuilder();
        Matcher m = pattern.matcher(src);
        int lastMatchEnd = 0;
        int searchPos = 0;
        while (searchPos <= src.length()) {
            if (!m.find(searchPos)) {
                break;
            }
            b.append(src, lastMatchEnd, m.start());
            // No replacement for an empty match right after the previous match.
            if (m.end() > lastMatchEnd || m.start() == 0) {
                replacer.append(m, b);
            }
            lastMatchEnd = m.end();
            int width = searchPos < src.length() ? Character.charCount(src.codePointAt(searchPos)) : 0;
            if (searchPos + width > m.end()) {
                searchPos += width;
            } else if (searchPos + 1 > m.end()) {
                searchPos++;
            } else {
                searchPos = m.end();
            }
        }
        b.append(src, lastMatchEnd, src.length());
        return b.toString();
    }

    /** Go's {@code Regexp.Expand} rules: $name takes the longest run of letters, digits and '_'. */
    private void expand(StringBuilder dst, String template, String src, Matcher m) {
        String t = template;
        while (!t.isEmpty()) {
            int dollar = t.indexOf('$');
            if (dollar < 0) {
                break;
            }
            dst.append(t, 0, dollar);
            t = t.substring(dollar + 1);
            if (t.startsWith("$")) {
                dst.append('$');
                t = t.substring(1);
                continue;
            }
            String[] ref = extractReference(t);
            if (ref == null) {
                dst.append('$');
                continue;
            }
            t = ref[1];
            int group = groupIndex(ref[0]);
            if (group >= 0 && group <= m.groupCount() && m.start(group) >= 0) {
                dst.append(src, m.start(group), m.end(group));
            }
        }
        dst.append(t);
    }

    /** {name, rest} for a leading "name" or "{name}", or null when malformed. */
    private static String[] extractReference(String s) {
        if (s.isEmpty()) {
            return null;
        }
        boolean brace = s.charAt(0) == '{';
        String str = brace ? s.substring(1) : s;
        int i = 0;
        while (i < str.length()) {
            int c = str.codePointAt(i);
            if (!Character.isLetter(c) && !Character.isDigit(c) && c != '_') {
                break;
            }
            i += Character.charCount(c);
        }
        if (i == 0) {
            return null;
        }
        String name = str.substring(0, i);
        if (brace) {
            if (i >= str.length() || str.charAt(i) != '}') {
                return null;
            }
            i++;
        }
        return new String[] {name, str.substring(i)};
    }

    /** A numeric reference (no leading zeros, below 1e8) or the first group with that name; -1 if none. */
    private int groupIndex(String name) {
        int num = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9' || num >= 100_000_000) {
                num = -1;
                break;
            }
            num = num * 10 + c - '0';
        }
        if (name.charAt(0) == '0' && name.length() > 1) {
            num = -1;
        }
        if (num >= 0) {
            return num;
        }
        return groupNames.indexOf(name) > 0 ? groupNames.indexOf(name) : -1;
    }

    /** {@code Split(s, n)}: n &lt; 0 all pieces, n == 0 null, otherwise at most n pieces. */
    public List<String> split(String s, int n) {
        if (n == 0) {
            return null;
        }
        if (!expr.isEmpty() && s.isEmpty()) {
            return List.of("");
        }
        List<String> out = new ArrayList<>();
        int beg = 0;
        int end = 0;
        for (int[] match : allMatches(s, n)) {
            if (n > 0 && out.size() == n - 1) {
                break;
            }
            end = match[0];
            if (match[1] != 0) {
                out.add(s.substring(beg, end));
            }
            beg = match[1];
        }
        if (end != s.length()) {
            out.add(s.substring(beg));
        }
        return out;
    }
}
