package io.kanisterhooks.template.parse;

/** A function name, e.g. {@code printf} or {@code toJson}. */
public final class IdentifierNode extends Node {
    private final String ident;

    IdentifierNode(int position, String ident) {
        super(NodeType.IDENTIFIER, position);
        this.ident = ident;
    }

    public String ident() {
        return ident;
    }

    @Override
    void writeTo(StringBuilder sb) {
        sb.append(ident);
    }
}
