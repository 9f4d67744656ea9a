package io.kanisterhooks.template.parse;

import java.util.List;

/** An action {@code {{pipeline}}} whose value is printed (unless it declares variables). */
public final class ActionNode extends Node {
    private final int line;
    private final PipeNode pipe;

    ActionNode(int position, int line, PipeNode pipe) {
        super(NodeType.ACTION, position);
        this.line = line;
        this.pipe = pipe;
    }

    public int line() {
        return line;
    }

    public PipeNode pipe() {
        return pipe;
    }

    @Override
    public List<Node> children() {
        return List.of(pipe);
    }

    @Override
    void writeTo(StringBuilder sb) {
        sb.append("{{");
        pipe.writeTo(sb);
        sb.append("}}");
    }
}
