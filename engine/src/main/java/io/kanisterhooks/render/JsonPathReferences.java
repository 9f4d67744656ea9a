package io.kanisterhooks.render;

import io.kanisterhooks.golang.strings.GoStrings;
import io.kanisterhooks.jsonpath.JsonPath;
import io.kanisterhooks.jsonpath.JsonPathException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kanister's {@code pkg/jsonpath} for the Wait (v1) function: finds the {@code {$…}} references in a condition and
 * substitutes their JSONPath results textually, before the condition is parsed as a template.
 */
public final class JsonPathReferences {

    // Kanister's (?m){\s*\$([^}]*) with Go's \s, which (unlike Java's) does not include \v.
    private static final Pattern REFERENCE = Pattern.compile("\\{[\\t\\n\\f\\r ]*\\$([^}]*)", Pattern.MULTILINE);

    private JsonPathReferences() {
    }

    /**
     * {@code FindJsonpathArgs}: each reference's text (the match plus the closing brace the pattern leaves out) mapped to
     * the path after the {@code $}. Ordered by first appearance; Kanister's Go map has no order.
     */
    public static Map<String, String> find(String condition) {
        Map<String, String> references = new LinkedHashMap<>();
        Matcher m = REFERENCE.matcher(condition);
        while (m.find()) {
            references.put(m.group() + "}", m.group(1));
        }
        return references;
    }

    /**
     * {@code resolveJsonpath}: replaces every occurrence of every reference with the output of the JSONPath
     * {@code {<trimmed path>}} on the object. A path that does not parse becomes "" (Kanister ignores that error); a
     * path that fails on the object fails the whole evaluation with kubectl's printer message.
     */
    public static String resolve(String condition, Map<String, Object> object) throws JsonPathException {
        String resolved = condition;
        for (Map.Entry<String, String> reference : find(condition).entrySet()) {
            String value;
            try {
                value = JsonPath.parse("{" + GoStrings.trimSpace(reference.getValue()) + "}").printObject(object);
            } catch (JsonPathException e) {
                if (!e.isParseError()) {
                    throw e;
                }
                value = "";
            }
            resolved = resolved.replace(reference.getKey(), value);
        }
        return resolved;
    }
}
