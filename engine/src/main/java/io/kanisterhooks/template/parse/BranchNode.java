package io.kanisterhooks.template.parse;

import java.util.ArrayList;
import java.util.List;

/** Common shape of {@code if}, {@code range} and {@code with}: a pipeline, a body and an optional else body. */
public abstract class BranchNode extends Node {
    private final int line;
    private final PipeNode pipe;
    private final ListNode list;
    private final ListNode elseList;

    BranchNode(NodeType type, int position, int line, PipeNode pipe, ListNode list, ListNode elseList) {
        super(type, position);
        this.line = line;
        this.pipe = pipe;
        this.list = list;
        this.elseList = elseList;
    }

    public int line() {
        return line;
    }

    public PipeNode pipe() {
        return pipe;
    }

    public ListNode list() {
        return list;
    }

    /** The else body, or {@code null}. */
    public ListNode elseList() {
        return elseList;
    }

    abstract String keyword();

    @Override
    public List<Node> children() {
        List<Node> c = new ArrayList<>(3);
        c.add(pipe);
        c.add(list);
        if (elseList != null) {
            c.add(elseList);
        }
        return c;
    }

    @Override
    void writeTo(StringBuilder sb) {
        sb.append("{{").append(keyword()).append(' ');
        pipe.writeTo(sb);
        sb.append("}}");
        list.writeTo(sb);
        if (elseList != null) {
            sb.append("{{else}}");
            elseList.writeTo(sb);
        }
        sb.append("{{end}}");
    }
}
