package io.kanisterhooks.template.parse;

import java.util.List;

/** A variable with optional field chain: {@code $}, {@code $x}, {@code $x.Field.Key}. */
public final class VariableNode extends Node {
    private final List<String> ident;

    VariableNode(int position, String text) {
        super(NodeType.VARIABLE, position);
        this.ident = List.of(text.split("\\.", -1));
    }

    /** The variable name followed by the field names. */
    public List<String> ident() {
        return ident;
    }

    /** The variable name, e.g. {@code $x}. */
    public String name() {
        return ident.get(0);
    }

    @Override
    public List<Node> children() {
        return List.of();
    }

    @Override
    void writeTo(StringBuilder sb) {
        for (int i = 0; i < ident.size(); i++) {
            if (i > 0) {
                sb.append('.');
            }
            sb.append(ident.get(i));
        }
    }
}
