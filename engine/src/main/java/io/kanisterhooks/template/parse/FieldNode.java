package io.kanisterhooks.template.parse;

import java.util.List;

/** A field chain starting at dot: {@code .Profile.Location.Bucket}. */
public final class FieldNode extends Node {
    private final List<String> ident;

    FieldNode(int position, String text) {
        super(NodeType.FIELD, position);
        this.ident = List.of(text.substring(1).split("\\.", -1));
    }

    /** The field names in order, without dots. */
    public List<String> ident() {
        return ident;
    }

    @Override
    public List<Node> children() {
        return List.of();
    }

    @Override
    void writeTo(StringBuilder sb) {
        for (String id : ident) {
            sb.append('.').append(id);
        }
    }
}
