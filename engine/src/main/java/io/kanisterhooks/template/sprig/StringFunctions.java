package io.kanisterhooks.template.sprig;

import static io.kanisterhooks.template.sprig.SprigValues.intArg;
import static io.kanisterhooks.template.sprig.SprigValues.strval;

import io.kanisterhooks.golang.errors.GoPanic;
import io.kanisterhooks.golang.fmt.GoFmt;
import io.kanisterhooks.golang.strings.GoStrings;
import io.kanisterhooks.golang.value.GoKind;
import io.kanisterhooks.golang.value.GoMap;
import io.kanisterhooks.golang.value.GoPointer;
import io.kanisterhooks.golang.value.GoType;
import io.kanisterhooks.golang.value.Values;
import io.kanisterhooks.template.func.FuncMap;
import io.kanisterhooks.template.func.FunctionLimits;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** sprig's string functions (strings.go and the string entries of its function map). */
final class StringFunctions {

    private StringFunctions() {
    }

    static void register(FuncMap m) {
        m.define("hello", "func() string", a -> "Hello!");
        m.define("abbrev", "func(int, string) string", a -> abbrev(intArg(a[0]), (String) a[1]));
        m.define("abbrevboth", "func(int, int, string) string",
                a -> abbrevboth(intArg(a[0]), intArg(a[1]), (String) a[2]));
        m.define("trunc", "func(int, string) string", a -> trunc(intArg(a[0]), (String) a[1]));
        m.define("trim", "func(string) string", a -> GoStrings.trimSpace((String) a[0]));
        m.define("upper", "func(string) string", a -> GoStrings.toUpper((String) a[0]));
        m.define("lower", "func(string) string", a -> GoStrings.toLower((String) a[0]));
        m.define("title", "func(string) string", a -> GoStrings.title((String) a[0]));
        m.define("untitle", "func(string) string", a -> Goutils.uncapitalize((String) a[0]));
        m.define("substr", "func(int, int, string) string",
                a -> substring(intArg(a[0]), intArg(a[1]), (String) a[2]));
        m.define("repeat", "func(int, string) string", a -> {
            FunctionLimits.checkString((long) ((String) a[1]).length() * Math.max(0, intArg(a[0])));
            return GoStrings.repeat((String) a[1], intArg(a[0]));
        });
        m.define("trimall", "func(string, string) string", a -> GoStrings.trim((String) a[1], (String) a[0]));
        m.define("trimAll", "func(string, string) string", a -> GoStrings.trim((String) a[1], (String) a[0]));
        m.define("trimSuffix", "func(string, string) string", a -> trimSuffix((String) a[1], (String) a[0]));
        m.define("trimPrefix", "func(string, string) string", a -> trimPrefix((String) a[1], (String) a[0]));
        m.define("nospace", "func(string) string", a -> text(Goutils.deleteWhiteSpace(bytes(a[0]))));
        m.define("initials", "func(string) string", a -> Goutils.initials(bytes(a[0])));
        m.define("randAlphaNum", "func(int) string",
                a -> Goutils.cryptoRandom(intArg(a[0]), Goutils.RandomSet.ALPHANUMERIC));
        m.define("randAlpha", "func(int) string",
                a -> Goutils.cryptoRandom(intArg(a[0]), Goutils.RandomSet.ALPHABETIC));
        m.define("randAscii", "func(int) string", a -> Goutils.cryptoRandom(intArg(a[0]), Goutils.RandomSet.ASCII));
        m.define("randNumeric", "func(int) string",
                a -> Goutils.cryptoRandom(intArg(a[0]), Goutils.RandomSet.NUMERIC));
        m.define("swapcase", "func(string) string", a -> Goutils.swapCase((String) a[0]));
        m.define("shuffle", "func(string) string", a -> Xstrings.shuffle((String) a[0]));
        m.define("snakecase", "func(string) string", a -> Xstrings.toSnakeCase((String) a[0]));
        m.define("camelcase", "func(string) string", a -> Xstrings.toCamelCase((String) a[0]));
        m.define("kebabcase", "func(string) string", a -> Xstrings.toKebabCase((String) a[0]));
        m.define("wrap", "func(int, string) string",
                a -> text(Goutils.wrapCustom(bytes(a[1]), intArg(a[0]), new byte[0], false)));
        m.define("wrapWith", "func(int, string, string) string",
                a -> text(Goutils.wrapCustom(bytes(a[2]), intArg(a[0]), bytes(a[1]), true)));
        m.define("contains", "func(string, string) bool", a -> ((String) a[1]).contains((String) a[0]));
        m.define("hasPrefix", "func(string, string) bool", a -> ((String) a[1]).startsWith((String) a[0]));
        m.define("hasSuffix", "func(string, string) bool", a -> ((String) a[1]).endsWith((String) a[0]));
        m.define("quote", "func(...interface {}) string", StringFunctions::quote);
        m.define("squote", "func(...interface {}) string", StringFunctions::squote);
        m.define("cat", "func(...interface {}) string", StringFunctions::cat);
        m.define("indent", "func(int, string) string", a -> indent(intArg(a[0]), (String) a[1]));
        m.define("nindent", "func(int, string) string", a -> "\n" + indent(intArg(a[0]), (String) a[1]));
        m.define("replace", "func(string, string, string) string",
                a -> replaceAll((String) a[2], (String) a[0], (String) a[1]));
        m.define("plural", "func(string, string, int) string",
                a -> SprigValues.longArg(a[2]) == 1 ? a[0] : a[1]);
        m.define("toString", "func(interface {}) string", a -> strval(a[0]));
        m.define("split", "func(string, string) map[string]string",
                a -> indexed(GoStrings.splitN((String) a[1], (String) a[0], -1)));
        m.define("splitList", "func(string, string) []string",
                a -> SprigValues.stringSlice(GoStrings.splitN((String) a[1], (String) a[0], -1)));
        m.define("splitn", "func(string, int, string) map[string]string",
                a -> indexed(GoStrings.splitN((String) a[2], (String) a[0], intArg(a[1]))));
        m.define("toStrings", "func(interface {}) []string", a -> SprigValues.strslice(a[0]));
        m.define("join", "func(string, interface {}) string",
                a -> String.join((String) a[0], SprigValues.strslice(a[1]).elements().stream()
                        .map(String.class::cast).toList()));
        m.define("sortAlpha", "func(interface {}) []string", a -> sortAlpha(a[0]));
    }

    private static byte[] bytes(Object s) {
        return ((String) s).getBytes(StandardCharsets.UTF_8);
    }

    /** Go strings here must be valid UTF-8; byte-level cuts that split a character decode to U+FFFD. */
    private static String text(byte[] b) {
        return GoStrings.fromUtf8(b);
    }

    static String abbrev(int width, String s) {
        if (width < 4) {
            return s;
        }
        byte[] r = Goutils.abbreviateFull(bytes(s), 0, width);
        return r == null ? "" : text(r);
    }

    static String abbrevboth(int left, int right, String s) {
        if (right < 4 || left > 0 && right < 7) {
            return s;
        }
        byte[] r = Goutils.abbreviateFull(bytes(s), left, right);
        return r == null ? "" : text(r);
    }

    /** Byte-based; a negative length panics as Go's s[0:c] does. */
    static String trunc(int c, String s) {
        byte[] b = bytes(s);
        if (b.length <= c) {
            return s;
        }
        GoPanic.checkSliceBounds(0, c, b.length, true);
        return text(Arrays.copyOf(b, c));
    }

    /** sprig's {@code substring}: byte offsets; start &lt; 0 means s[:end]; a bad end means s[start:]. */
    static String substring(int start, int end, String s) {
        byte[] b = bytes(s);
        if (start < 0) {
            GoPanic.checkSliceBounds(0, end, b.length, true);
            return text(Arrays.copyOf(b, end));
        }
        if (end < 0 || end > b.length) {
            GoPanic.checkSliceBounds(start, b.length, b.length, true);
            return text(Arrays.copyOfRange(b, start, b.length));
        }
        GoPanic.checkSliceBounds(start, end, b.length, true);
        return text(Arrays.copyOfRange(b, start, end));
    }

    private static String trimSuffix(String s, String suffix) {
        return s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
    }

    private static String trimPrefix(String s, String prefix) {
        return s.startsWith(prefix) ? s.substring(prefix.length()) : s;
    }

    private static Object quote(Object[] args) {
        List<String> out = new ArrayList<>();
        for (Object s : args) {
            if (s != null) {
                out.add(GoFmt.sprintf("%q", strval(s)));
            }
        }
        return String.join(" ", out);
    }

    private static Object squote(Object[] args) {
        List<String> out = new ArrayList<>();
        for (Object s : args) {
            if (s != null) {
                out.add(GoFmt.sprintf("'%v'", s));
            }
        }
        return String.join(" ", out);
    }

    private static Object cat(Object[] args) {
        Object[] values = Arrays.stream(args).filter(Objects::nonNull).toArray();
        return GoFmt.sprintf(GoStrings.trimSpace("%v ".repeat(values.length)), values);
    }

    static String indent(int spaces, String v) {
        FunctionLimits.checkString((long) Math.max(0, spaces) * (v.chars().filter(c -> c == '\n').count() + 1)
                + v.length());
        String pad = GoStrings.repeat(" ", spaces);
        return pad + v.replace("\n", "\n" + pad);
    }

    /** Go's strings.Replace(s, old, new, -1): an empty old inserts new around every rune. */
    static String replaceAll(String s, String old, String replacement) {
        if (!old.isEmpty()) {
            if (replacement.length() > old.length()) {
                FunctionLimits.checkString(s.length() + (long) (replacement.length() - old.length())
                        * (s.length() / old.length()));
            }
            return s.replace(old, replacement);
        }
        FunctionLimits.checkString(s.length() + (long) replacement.length() * (s.length() + 1));
        StringBuilder b = new StringBuilder(replacement);
        s.codePoints().forEach(c -> b.appendCodePoint(c).append(replacement));
        return b.toString();
    }

    /** sprig's split result: map[string]string with keys _0, _1, ... */
    private static GoMap indexed(List<String> parts) {
        Map<String, Object> res = new HashMap<>();
        if (parts != null) {
            for (int i = 0; i < parts.size(); i++) {
                res.put("_" + i, parts.get(i));
            }
        }
        return GoMap.of(GoType.MAP_OF_STRING, res);
    }

    /** sprig's sortAlpha: a slice (also behind a pointer) sorts its strval'd elements bytewise. */
    private static Object sortAlpha(Object list) {
        Object target = list instanceof GoPointer p && !p.isNil() ? p.target() : list;
        GoKind kind = Values.kindOf(target);
        if (kind == GoKind.SLICE || kind == GoKind.ARRAY) {
            List<String> sorted = new ArrayList<>();
            SprigValues.strslice(list).elements().forEach(e -> sorted.add((String) e));
            sorted.sort(GoStrings.ORDER);
            return SprigValues.stringSlice(sorted);
        }
        return SprigValues.stringSlice(new ArrayList<>(List.of(strval(list))));
    }
}
