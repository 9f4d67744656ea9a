package io.kanisterhooks.template.parse;

/**
 * One parsed template: its name, body and the text it was parsed from. A template text yields one tree for
 * itself plus one per {@code define}/{@code block}.
 */
public final class Tree {
    private String name;
    private final String parseName;
    private final String text;
    private ListNode root;

    Tree(String name, String parseName, String text) {
        this.name = name;
        this.parseName = parseName;
        this.text = text;
    }

    public String name() {
        return name;
    }

    /** Name of the top-level template being parsed; Go's error locations use it even inside defines. */
    public String parseName() {
        return parseName;
    }

    public String text() {
        return text;
    }

    public ListNode root() {
        return root;
    }

    void setName(String name) {
        this.name = name;
    }

    void setRoot(ListNode root) {
        this.root = root;
    }

    /** Go's {@code IsEmptyTree}: nothing but whitespace text and comments. */
    static boolean isEmpty(Node n) {
        if (n == null || n instanceof CommentNode) {
            return true;
        }
        if (n instanceof ListNode) {
            for (Node child : ((ListNode) n).nodes()) {
                if (!isEmpty(child)) {
                    return false;
                }
            }
            return true;
        }
        if (n instanceof TextNode) {
            return ((TextNode) n).text().strip().isEmpty();
        }
        return false;
    }
}
