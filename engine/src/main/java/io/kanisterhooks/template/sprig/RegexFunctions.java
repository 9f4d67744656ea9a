package io.kanisterhooks.template.sprig;

import io.kanisterhooks.golang.regexp.GoRegexp;
import io.kanisterhooks.golang.regexp.Re2SyntaxException;
import io.kanisterhooks.template.func.FuncMap;

/**
 * sprig v2.22's regex functions: RE2 syntax; {@code regexMatch} swallows syntax errors (false), the others panic
 * with {@code regexp.MustCompile}'s message.
 */
final class RegexFunctions {

    private RegexFunctions() {
    }

    static void register(FuncMap m) {
        m.define("regexMatch", "func(string, string) bool", a -> {
            try {
                return GoRegexp.compile((String) a[0]).matches((String) a[1]);
            } catch (Re2SyntaxException e) {
                return false;
            }
        });
        m.define("regexFindAll", "func(string, string, int) []string", a -> SprigValues.stringSlice(
                GoRegexp.mustCompile((String) a[0]).findAllString((String) a[1], SprigValues.intArg(a[2]))));
        m.define("regexFind", "func(string, string) string",
                a -> GoRegexp.mustCompile((String) a[0]).findString((String) a[1]));
        m.define("regexReplaceAll", "func(string, string, string) string",
                a -> GoRegexp.mustCompile((String) a[0]).replaceAllString((String) a[1], (String) a[2]));
        m.define("regexReplaceAllLiteral", "func(string, string, string) string",
                a -> GoRegexp.mustCompile((String) a[0]).replaceAllLiteralString((String) a[1], (String) a[2]));
        m.define("regexSplit", "func(string, string, int) []string", a -> SprigValues.stringSlice(
                GoRegexp.mustCompile((String) a[0]).split((String) a[1], SprigValues.intArg(a[2]))));
    }
}
