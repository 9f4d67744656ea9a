package io.kanisterhooks.template.parse;

/** {@code {{with pipeline}} list {{else}} elseList {{end}}}. */
public final class WithNode extends BranchNode {
    WithNode(int position, int line, PipeNode pipe, ListNode list, ListNode elseList) {
        super(NodeType.WITH, position, line, pipe, list, elseList);
    }

    @Override
    String keyword() {
        return "with";
    }
}
