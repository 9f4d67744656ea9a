package io.kanisterhooks.template.parse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A sequence of nodes: a template body, or the body of an {@code if}/{@code range}/{@code with} branch. */
public final class ListNode extends Node {
    private final List<Node> nodes = new ArrayList<>();
    private final List<Node> view = Collections.unmodifiableList(nodes);

    ListNode(int position) {
        super(NodeType.LIST, position);
    }

    void append(Node n) {
        nodes.add(n);
    }

    public List<Node> nodes() {
        return view;
    }

    @Override
    public List<Node> children() {
        return nodes();
    }

    @Override
    void writeTo(StringBuilder sb) {
        for (Node n : nodes) {
            n.writeTo(sb);
        }
    }
}
