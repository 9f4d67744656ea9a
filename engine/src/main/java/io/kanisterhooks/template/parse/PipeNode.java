package io.kanisterhooks.template.parse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A pipeline: optional variable declarations or assignments, then commands separated by {@code |}. */
public final class PipeNode extends Node {
    private final int line;
    private boolean assign;
    private final List<VariableNode> decl = new ArrayList<>();
    private final List<CommandNode> cmds = new ArrayList<>();
    private final List<VariableNode> declView = Collections.unmodifiableList(decl);
    private final List<CommandNode> cmdsView = Collections.unmodifiableList(cmds);

    PipeNode(int position, int line) {
        super(NodeType.PIPE, position);
        this.line = line;
    }

    void addDecl(VariableNode v) {
        decl.add(v);
    }

    void setAssign(boolean isAssign) {
        assign = isAssign;
    }

    void append(CommandNode c) {
        cmds.add(c);
    }

    public int line() {
        return line;
    }

    /** Whether the variables are assigned with {@code =} rather than declared with {@code :=}. */
    public boolean isAssign() {
        return assign;
    }

    /** Declared or assigned variables, in source order. */
    public List<VariableNode> decl() {
        return declView;
    }

    public List<CommandNode> cmds() {
        return cmdsView;
    }

    @Override
    public List<Node> children() {
        List<Node> all = new ArrayList<>(decl);
        all.addAll(cmds);
        return all;
    }

    @Override
    void writeTo(StringBuilder sb) {
        if (!decl.isEmpty()) {
            for (int i = 0; i < decl.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                decl.get(i).writeTo(sb);
            }
            sb.append(" := ");
        }
        for (int i = 0; i < cmds.size(); i++) {
            if (i > 0) {
                sb.append(" | ");
            }
            cmds.get(i).writeTo(sb);
        }
    }
}
