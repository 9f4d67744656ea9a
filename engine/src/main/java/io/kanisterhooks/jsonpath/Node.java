package io.kanisterhooks.jsonpath;

import java.util.List;

/**
 * The parse tree of a Kubernetes JSONPath template. A template is a flat {@link ListNode} of text and actions; an action
 * ({@code {…}}) is itself a list whose nodes are applied one after the other. {@code range}/{@code end} are not nested in
 * the tree: they are identifiers that the evaluator pairs up while it walks the flat list, as client-go does.
 */
sealed interface Node {

    /** A sequence of nodes: the whole template, or one action. */
    record ListNode(List<Node> nodes) implements Node {
    }

    /** Literal text outside actions, or a quoted string inside one. */
    record TextNode(String text) implements Node {
    }

    /** {@code .name}: a map key (escapes already removed). */
    record FieldNode(String name) implements Node {
    }

    /** A bare word inside an action: {@code range}, {@code end}, or anything else (an error when evaluated). */
    record IdentifierNode(String name) implements Node {
    }

    /** {@code [start:end:step]}, {@code [n]}, {@code [*]}, {@code []}. */
    record ArrayNode(SliceBound start, SliceBound end, SliceBound step) implements Node {
    }

    /** {@code [?(left op right)]}, or {@code [?(left)]} with operator {@code exists}. */
    record FilterNode(ListNode left, ListNode right, String operator) implements Node {
        static final String EXISTS = "exists";
    }

    /** An integer literal; Go parses it as {@code int}. */
    record IntNode(long value) implements Node {
    }

    /** A floating point literal. */
    record FloatNode(double value) implements Node {
    }

    /** {@code true} or {@code false}. */
    record BoolNode(boolean value) implements Node {
    }

    /** {@code .*} or {@code [*]}-like selection of every child. */
    record WildcardNode() implements Node {
    }

    /** {@code ..}: the value and all its descendants. */
    record RecursiveNode() implements Node {
    }

    /** {@code [a,b]}: each element is a separately parsed sub-path. */
    record UnionNode(List<ListNode> branches) implements Node {
    }

    /**
     * One bound of an array selection. {@code known=false} means "not written" (defaults apply at evaluation);
     * {@code derived} marks the end bound that {@code [n]} implies ({@code n+1}).
     */
    record SliceBound(long value, boolean known, boolean derived) {
        static final SliceBound UNKNOWN = new SliceBound(0, false, false);

        static SliceBound of(long value) {
            return new SliceBound(value, true, false);
        }
    }
}
