package io.kanisterhooks.template.parse;

/** Plain text between actions, copied to the output. */
public final class TextNode extends Node {
    private final String text;

    TextNode(int position, String text) {
        super(NodeType.TEXT, position);
        this.text = text;
    }

    public String text() {
        return text;
    }

    @Override
    void writeTo(StringBuilder sb) {
        sb.append(text);
    }
}
