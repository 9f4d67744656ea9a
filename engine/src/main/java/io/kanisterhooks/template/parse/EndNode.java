package io.kanisterhooks.template.parse;

/** {@code {{end}}}: a delimiter seen only while parsing, never part of a finished tree. */
final class EndNode extends Node {
    EndNode(int position) {
        super(NodeType.END, position);
    }

    @Override
    void writeTo(StringBuilder sb) {
        sb.append("{{end}}");
    }
}
