package io.kanisterhooks.template.parse;

/** {@code {{else}}}: a delimiter seen only while parsing, never part of a finished tree. */
final class ElseNode extends Node {
    ElseNode(int position) {
        super(NodeType.ELSE, position);
    }

    @Override
    void writeTo(StringBuilder sb) {
        sb.append("{{else}}");
    }
}
