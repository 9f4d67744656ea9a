package io.kanisterhooks.template.parse;

import java.util.List;

/** {@code {{else}}}: a delimiter seen only while parsing, never part of a finished tree. */
final class ElseNode extends Node {
    ElseNode(int position) {
        super(NodeType.ELSE, position);
    }

    @Override
    public List<Node> children() {
        return List.of();
    }

    @Override
    void writeTo(StringBuilder sb) {
        sb.append("{{else}}");
    }
}
