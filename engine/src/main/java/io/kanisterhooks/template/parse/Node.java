package io.kanisterhooks.template.parse;

import java.util.List;
import java.util.function.Consumer;

/**
 * A node of a parsed template. {@link #toString()} renders the node as Go's {@code Node.String()} does (used in
 * execution errors: {@code executing "config" at <.Options.x>}); {@link #position()} is the char index in the
 * template text. {@link #children()} and {@link #walk} let other code inspect templates, e.g. to find every
 * field chain that starts with {@code .Profile}.
 */
public abstract class Node {
    private final NodeType type;
    private final int position;

    Node(NodeType type, int position) {
        this.type = type;
        this.position = position;
    }

    public final NodeType type() {
        return type;
    }

    /** Start of the node in the template text, as a char index (Go counts bytes; see error rendering). */
    public final int position() {
        return position;
    }

    /** Direct child nodes, in source order. */
    public abstract List<Node> children();

    abstract void writeTo(StringBuilder sb);

    @Override
    public final String toString() {
        StringBuilder sb = new StringBuilder();
        writeTo(sb);
        return sb.toString();
    }

    /** Visits this node and all its descendants depth-first, in source order. */
    public final void walk(Consumer<Node> visitor) {
        visitor.accept(this);
        for (Node child : children()) {
            if (child != null) {
                child.walk(visitor);
            }
        }
    }
}
