package io.kanisterhooks.template.parse;

import io.kanisterhooks.golang.strconv.GoQuote;
import java.util.List;

/** {@code {{template "name" pipeline}}} (also produced by {@code block}). */
public final class TemplateNode extends Node {
    private final int line;
    private final String name;
    private final PipeNode pipe;

    TemplateNode(int position, int line, String name, PipeNode pipe) {
        super(NodeType.TEMPLATE, position);
        this.line = line;
        this.name = name;
        this.pipe = pipe;
    }

    public int line() {
        return line;
    }

    public String name() {
        return name;
    }

    /** The pipeline giving the called template's dot, or {@code null} (then dot is nil). */
    public PipeNode pipe() {
        return pipe;
    }

    @Override
    public List<Node> children() {
        return pipe == null ? List.of() : List.of(pipe);
    }

    @Override
    void writeTo(StringBuilder sb) {
        sb.append("{{template ").append(GoQuote.quote(name));
        if (pipe != null) {
            sb.append(' ');
            pipe.writeTo(sb);
        }
        sb.append("}}");
    }
}
