package io.kanisterhooks.template.parse;

/** {@code {{range pipeline}} list {{else}} elseList {{end}}}. */
public final class RangeNode extends BranchNode {
    RangeNode(int position, int line, PipeNode pipe, ListNode list, ListNode elseList) {
        super(NodeType.RANGE, position, line, pipe, list, elseList);
    }

    @Override
    String keyword() {
        return "range";
    }
}
