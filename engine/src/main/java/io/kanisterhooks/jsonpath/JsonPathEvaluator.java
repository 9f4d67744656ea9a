package io.kanisterhooks.jsonpath;

import io.kanisterhooks.jsonpath.Node.ArrayNode;
import io.kanisterhooks.jsonpath.Node.BoolNode;
import io.kanisterhooks.jsonpath.Node.FieldNode;
import io.kanisterhooks.jsonpath.Node.FilterNode;
import io.kanisterhooks.jsonpath.Node.FloatNode;
import io.kanisterhooks.jsonpath.Node.IdentifierNode;
import io.kanisterhooks.jsonpath.Node.IntNode;
import io.kanisterhooks.jsonpath.Node.ListNode;
import io.kanisterhooks.jsonpath.Node.RecursiveNode;
import io.kanisterhooks.jsonpath.Node.TextNode;
import io.kanisterhooks.jsonpath.Node.UnionNode;
import io.kanisterhooks.jsonpath.Node.WildcardNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Walks a parsed template over JSON-shaped data, with client-go's semantics. One instance per execution: it carries the
 * {@code range}/{@code end} bookkeeping that client-go keeps in the JSONPath object.
 *
 * <p>Values: {@code Map}, {@code List}, {@code String}, {@code Long}, {@code Double}, {@code Boolean}, {@code null} (a JSON
 * null) and {@link JsonPathValues#NO_VALUE} (Go's zero {@code reflect.Value}: the element of a {@code range} over a null, or
 * the data of an empty {@code range}).
 */
final class JsonPathEvaluator {

    private final List<Node> nodes;
    private final boolean allowMissingKeys;
    private int beginRange;
    private int inRange;
    private int endRange;
    private int lastEndNode = -1;

    JsonPathEvaluator(ListNode template, boolean allowMissingKeys) {
        this.nodes = template.nodes();
        this.allowMissingKeys = allowMissingKeys;
    }

    /** One result list per top-level node (and per {@code range} iteration), as client-go's {@code FindResults}. */
    List<List<Object>> findResults(Object data) throws JsonPathException {
        return findResults(data, 0);
    }

    private List<List<Object>> findResults(Object data, int from) throws JsonPathException {
        List<Object> current = List.of(data == null ? JsonPathValues.NO_VALUE : data);
        List<List<Object>> full = new ArrayList<>();
        for (int i = from; i < nodes.size(); i++) {
            List<Object> results = walk(current, nodes.get(i));

            if (endRange > 0 && endRange <= inRange) {
                endRange--;
                lastEndNode = i;
                break;
            }
            if (beginRange > 0) {
                beginRange--;
                inRange++;
                if (!results.isEmpty()) {
                    for (Object value : results) {
                        // Go re-wraps each element with reflect.ValueOf(value.Interface()): a nil becomes "no value"
                        full.addAll(findResults(value == null ? JsonPathValues.NO_VALUE : value, i + 1));
                    }
                } else {
                    // walk the body anyway, so that the matching end is found (and errors in it are reported)
                    findResults(JsonPathValues.NO_VALUE, i + 1);
                }
                inRange--;
                for (int k = i + 1; k < nodes.size(); k++) {
                    if (k == lastEndNode) {
                        i = k;
                        break;
                    }
                }
                continue;
            }
            full.add(results);
        }
        return full;
    }

    private List<Object> walk(List<Object> input, Node node) throws JsonPathException {
        try {
            return walkOrFail(input, node);
        } catch (WalkFailure failure) {
            throw JsonPathException.execution(failure.getMessage());
        }
    }

    private List<Object> walkOrFail(List<Object> input, Node node) throws WalkFailure {
        if (node instanceof ListNode list) {
            return evalList(input, list);
        } else if (node instanceof TextNode text) {
            return List.of(text.text());
        } else if (node instanceof FieldNode field) {
            return evalField(input, field);
        } else if (node instanceof ArrayNode array) {
            return evalArray(input, array);
        } else if (node instanceof FilterNode filter) {
            return evalFilter(input, filter);
        } else if (node instanceof IntNode literal) {
            return Collections.nCopies(input.size(), literal.value());
        } else if (node instanceof FloatNode literal) {
            return Collections.nCopies(input.size(), literal.value());
        } else if (node instanceof BoolNode literal) {
            return Collections.nCopies(input.size(), literal.value());
        } else if (node instanceof WildcardNode) {
            return evalWildcard(input);
        } else if (node instanceof RecursiveNode) {
            return evalRecursive(input);
        } else if (node instanceof UnionNode union) {
            return evalUnion(input, union);
        }
        return evalIdentifier(input, (IdentifierNode) node);
    }

    private List<Object> evalList(List<Object> input, ListNode list) throws WalkFailure {
        List<Object> current = input;
        for (Node node : list.nodes()) {
            current = walkOrFail(current, node);
        }
        return current;
    }

    private List<Object> evalIdentifier(List<Object> input, IdentifierNode node) throws WalkFailure {
        switch (node.name()) {
            case "range" -> {
                beginRange++;
                return input;
            }
            case "end" -> {
                if (inRange == 0) {
                    throw new WalkFailure("not in range, nothing to end", List.of());
                }
                endRange++;
                return List.of();
            }
            default -> throw new WalkFailure("unrecognized identifier " + node.name(), input);
        }
    }

    private List<Object> evalField(List<Object> input, FieldNode node) throws WalkFailure {
        if (input.isEmpty()) {
            return List.of();
        }
        List<Object> results = new ArrayList<>();
        for (Object value : input) {
            if (value instanceof Map<?, ?> map && map.containsKey(node.name())) {
                results.add(map.get(node.name()));
            }
        }
        if (results.isEmpty() && !allowMissingKeys) {
            throw new WalkFailure(node.name() + " is not found", results);
        }
        return results;
    }

    private List<Object> evalArray(List<Object> input, ArrayNode node) throws WalkFailure {
        List<Object> result = new ArrayList<>();
        for (Object value : input) {
            if (value == null) {
                continue;
            }
            if (value == JsonPathValues.NO_VALUE) {
                // Go panics here (reflect.Value.Type on a zero Value); report its panic text as the error
                throw new WalkFailure("reflect: call of reflect.Value.Type on zero Value", input);
            }
            if (!(value instanceof List<?> list)) {
                throw new WalkFailure(JsonPathValues.typeName(value) + " is not array or slice", input);
            }
            int length = list.size();
            long start = node.start().known() ? node.start().value() : 0;
            if (start < 0) {
                start += length;
            }
            long end = node.end().known() ? node.end().value() : length;
            if (end < 0 || (end == 0 && node.end().derived())) {
                end += length;
            }
            if (end == start) {
                // client-go lets an empty selection through, and stops looking at further inputs
                return result;
            }
            if (start >= length || start < 0) {
                throw new WalkFailure(outOfBounds(start, length), input);
            }
            if (end > length || end < 0) {
                throw new WalkFailure(outOfBounds(end - 1, length), input);
            }
            if (start > end) {
                throw new WalkFailure("starting index " + start + " is greater than ending index " + end, input);
            }
            long step = 1;
            if (node.step().known()) {
                if (node.step().value() <= 0) {
                    throw new WalkFailure("step must be > 0", input);
                }
                step = node.step().value();
            }
            for (long i = start; i < end; i += step) {
                result.add(list.get((int) i));
            }
        }
        return result;
    }

    private static String outOfBounds(long index, int length) {
        return "array index out of bounds: index " + index + ", length " + length;
    }

    private List<Object> evalUnion(List<Object> input, UnionNode node) throws WalkFailure {
        List<Object> result = new ArrayList<>();
        for (ListNode branch : node.branches()) {
            try {
                result.addAll(evalList(input, branch));
            } catch (WalkFailure failure) {
                throw new WalkFailure(failure.getMessage(), input);
            }
        }
        return result;
    }

    private static List<Object> evalWildcard(List<Object> input) {
        List<Object> results = new ArrayList<>();
        for (Object value : input) {
            results.addAll(JsonPathValues.children(value));
        }
        return results;
    }

    /** The value itself (if it has children) followed by all its descendants, depth first, as client-go orders them. */
    private static List<Object> evalRecursive(List<Object> input) {
        List<Object> result = new ArrayList<>();
        for (Object value : input) {
            List<Object> children = JsonPathValues.children(value);
            if (!children.isEmpty()) {
                result.add(value);
                result.addAll(evalRecursive(children));
            }
        }
        return result;
    }

    private List<Object> evalFilter(List<Object> input, FilterNode node) throws WalkFailure {
        List<Object> results = new ArrayList<>();
        for (Object value : input) {
            if (!(value instanceof List<?> list)) {
                throw new WalkFailure(JsonPathValues.print(value) + " is not array or slice and cannot be filtered",
                        input);
            }
            for (Object element : list) {
                List<Object> item = Collections.singletonList(element);
                if (node.operator().equals(FilterNode.EXISTS)) {
                    // client-go ignores the error here and looks only at what the failing step returned
                    List<Object> lefts;
                    try {
                        lefts = evalList(item, node.left());
                    } catch (WalkFailure failure) {
                        lefts = failure.returned();
                    }
                    if (!lefts.isEmpty()) {
                        results.add(element);
                    }
                    continue;
                }
                Object left = single(evalFilterSide(item, node.left(), input), input);
                if (left == NOTHING) {
                    continue;
                }
                Object right = single(evalFilterSide(item, node.right(), input), input);
                if (right == NOTHING) {
                    continue;
                }
                if (compare(left, right, node.operator(), results)) {
                    results.add(element);
                }
            }
        }
        return results;
    }

    private static final Object NOTHING = new Object();

    private List<Object> evalFilterSide(List<Object> item, ListNode side, List<Object> input) throws WalkFailure {
        try {
            return evalList(item, side);
        } catch (WalkFailure failure) {
            throw new WalkFailure(failure.getMessage(), input);
        }
    }

    private static Object single(List<Object> values, List<Object> input) throws WalkFailure {
        if (values.isEmpty()) {
            return NOTHING;
        }
        if (values.size() > 1) {
            throw new WalkFailure("can only compare one element at a time", input);
        }
        return values.get(0);
    }

    private static boolean compare(Object left, Object right, String operator, List<Object> results)
            throws WalkFailure {
        try {
            return switch (operator) {
                case "<" -> FilterComparison.less(left, right);
                case ">" -> FilterComparison.greater(left, right);
                case "==" -> FilterComparison.equal(left, right);
                case "!=" -> !FilterComparison.equal(left, right);
                case "<=" -> FilterComparison.lessOrEqual(left, right);
                case ">=" -> !FilterComparison.less(left, right);
                default -> throw new WalkFailure("unrecognized filter operator " + operator, results);
            };
        } catch (FilterComparison.ComparisonException e) {
            throw new WalkFailure(e.getMessage(), results);
        }
    }

    /**
     * An execution error together with the values the failing step returned: client-go's existence filter ignores the
     * error and keeps the element if those values are not empty.
     */
    private static final class WalkFailure extends Exception {
        private final transient List<Object> returned;

        WalkFailure(String message, List<Object> returned) {
            super(message, null, false, false);
            this.returned = returned;
        }

        List<Object> returned() {
            return returned;
        }
    }
}
