package io.kanisterhooks.template.parse;

import java.util.List;

/** {@code {{end}}}: a delimiter seen only while parsing, never part of a finished tree. */
final class EndNode extends Node {
    EndNode(int position) {
        super(NodeType.END, position);
    }

    @Override
    public List<Node> children() {
        return List.of();
    }

    @Override
    void writeTo(StringBuilder sb) {
        sb.append("{{end}}");
    }
}
