package io.kanisterhooks.jsonpath;

import io.kanisterhooks.jsonpath.Node.ListNode;

import java.util.List;
import java.util.Map;

/**
 * A parsed Kubernetes JSONPath template ({@code k8s.io/client-go/util/jsonpath}, the dialect of
 * {@code kubectl -o jsonpath} and of Kanister's Wait): literal text plus {@code {…}} actions, evaluated over JSON-shaped
 * data ({@code Map<String,Object>}, {@code List<Object>}, {@code String}, {@code Long}, {@code Double}, {@code Boolean},
 * {@code null}).
 *
 * <p>Where client-go iterates a Go map ({@code .*}, {@code ..}) its order is random; this implementation visits keys in
 * sorted order. A parsed template is immutable and can be executed any number of times, also concurrently.
 */
public final class JsonPath {

    private final String template;
    private final ListNode root;

    private JsonPath(String template, ListNode root) {
        this.template = template;
        this.root = root;
    }

    /** Parses a template; the exception carries client-go's parse error text. */
    public static JsonPath parse(String template) throws JsonPathException {
        return new JsonPath(template, JsonPathParser.parse(template));
    }

    public String template() {
        return template;
    }

    /** Executes with missing keys being errors ({@code X is not found}), as Kanister and kubectl do by default. */
    public String execute(Object data) throws JsonPathException {
        return execute(data, false);
    }

    /**
     * Executes and prints the results as client-go does: strings raw, numbers and booleans as Go's {@code fmt} prints
     * them, maps and lists as compact JSON, results of one action separated by a space.
     *
     * @param allowMissingKeys true makes a missing key select nothing instead of failing
     */
    public String execute(Object data, boolean allowMissingKeys) throws JsonPathException {
        StringBuilder out = new StringBuilder();
        for (List<Object> results : findResults(data, allowMissingKeys)) {
            JsonPathResults.print(results, out);
        }
        return out.toString();
    }

    /** The selected values, one list per action (and per {@code range} iteration), before printing. */
    public List<List<Object>> findResults(Object data, boolean allowMissingKeys) throws JsonPathException {
        return new JsonPathEvaluator(root, allowMissingKeys).findResults(data);
    }

    /**
     * kubectl's {@code JSONPathPrinter.PrintObj}: executes on an object's content and, on failure, wraps the engine's
     * error the way kubectl (and therefore Kanister's Wait) reports it, including Go's {@code %#v} of the object.
     */
    public String printObject(Map<String, Object> object) throws JsonPathException {
        return printObject(object, false);
    }

    /** {@link #printObject(Map)} with client-go's {@code AllowMissingKeys} option. */
    public String printObject(Map<String, Object> object, boolean allowMissingKeys) throws JsonPathException {
        try {
            return execute(object, allowMissingKeys);
        } catch (JsonPathException e) {
            String details = "Error executing template: " + e.getMessage()
                    + ". Printing more information for debugging the template:\n"
                    + "\ttemplate was:\n\t\t" + template + "\n"
                    + "\tobject given to jsonpath engine was:\n\t\t" + JsonPathValues.goSyntax(object) + "\n\n";
            throw JsonPathException.printed(
                    "error executing jsonpath " + JsonPathValues.quote(template) + ": " + details + "\n", e);
        }
    }
}
