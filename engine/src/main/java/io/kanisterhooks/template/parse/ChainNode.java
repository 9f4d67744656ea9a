package io.kanisterhooks.template.parse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Fields applied to a non-field term: {@code (index .x 0).Name} or {@code (toDate "2006" .t).Year}. */
public final class ChainNode extends Node {
    private final Node node;
    private final List<String> fields = new ArrayList<>();
    private final List<String> view = Collections.unmodifiableList(fields);

    ChainNode(int position, Node node) {
        super(NodeType.CHAIN, position);
        this.node = node;
    }

    void add(String field) {
        fields.add(field.substring(1));
    }

    /** The term the fields apply to (usually a parenthesized pipeline). */
    public Node node() {
        return node;
    }

    public List<String> fields() {
        return view;
    }

    @Override
    public List<Node> children() {
        return List.of(node);
    }

    @Override
    void writeTo(StringBuilder sb) {
        if (node instanceof PipeNode) {
            sb.append('(');
            node.writeTo(sb);
            sb.append(')');
        } else {
            node.writeTo(sb);
        }
        for (String f : fields) {
            sb.append('.').append(f);
        }
    }
}
