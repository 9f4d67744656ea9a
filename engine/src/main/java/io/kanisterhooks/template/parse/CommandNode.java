package io.kanisterhooks.template.parse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One command of a pipeline: a function, field, variable or constant followed by arguments. */
public final class CommandNode extends Node {
    private final List<Node> args = new ArrayList<>();
    private final List<Node> view = Collections.unmodifiableList(args);

    CommandNode(int position) {
        super(NodeType.COMMAND, position);
    }

    void append(Node arg) {
        args.add(arg);
    }

    /** The operands; the first is what is executed, the rest are its arguments. */
    public List<Node> args() {
        return view;
    }

    @Override
    public List<Node> children() {
        return args();
    }

    @Override
    void writeTo(StringBuilder sb) {
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
                sb.append(' ');
            }
            Node arg = args.get(i);
            if (arg instanceof PipeNode) {
                sb.append('(');
                arg.writeTo(sb);
                sb.append(')');
            } else {
                arg.writeTo(sb);
            }
        }
    }
}
