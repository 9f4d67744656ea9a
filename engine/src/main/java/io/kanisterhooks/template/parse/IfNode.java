package io.kanisterhooks.template.parse;

/** {@code {{if pipeline}} list {{else}} elseList {{end}}}. */
public final class IfNode extends BranchNode {
    IfNode(int position, int line, PipeNode pipe, ListNode list, ListNode elseList) {
        super(NodeType.IF, position, line, pipe, list, elseList);
    }

    @Override
    String keyword() {
        return "if";
    }
}
