package io.kanisterhooks.template.parse;

import io.kanisterhooks.golang.strconv.GoQuote;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Go's template parser: builds the syntax trees of a template text (the top-level one and one per
 * {@code define}/{@code block}) with Go's grammar and error texts ({@code template: NAME:LINE: MSG}).
 *
 * <p>One instance parses one tree; {@code define} and {@code block} bodies get their own instance reading the
 * same lexer, as in Go (which matters for the line numbers in some error messages).
 */
public final class Parser {
    /**
     * How deep control structures ({@code if}, {@code range}, {@code with}, {@code block}, {@code else if} chains)
     * and parenthesized pipelines may nest, together. Go allows 10000 parentheses and any nesting of control
     * structures, on a stack that grows; here parsing and execution recurse on a fixed Java stack, and real
     * templates nest a handful of levels.
     */
    public static final int MAX_NESTING = 100;
    private static final int MAX_PIPELINE_COMMANDS = 100000;

    private final Tree tree;
    private final Lexer lex;
    private final Map<String, Tree> treeSet;
    private final Predicate<String> functions;
    private final Item[] token = new Item[3];
    private int peekCount;
    private final List<String> vars = new ArrayList<>();
    private int actionLine;
    private int rangeDepth;
    private int stackDepth;

    private Parser(Tree tree, Lexer lex, Map<String, Tree> treeSet, Predicate<String> functions) {
        this.tree = tree;
        this.lex = lex;
        this.treeSet = treeSet;
        this.functions = functions;
        this.vars.add("$");
    }

    /**
     * Parses a template text.
     *
     * @param name the template's name (Kanister uses {@code config})
     * @param functions whether a function name is defined (user functions and builtins); an undefined name is
     *     a parse error, as in Go
     * @param leftDelim the left delimiter, or {@code null} for {@code {{}
     * @param rightDelim the right delimiter, or {@code null} for {@code }}}
     * @return the trees by template name, the top-level one included
     * @throws ParseError with Go's message
     */
    public static Map<String, Tree> parse(String name, String text, Predicate<String> functions, String leftDelim,
            String rightDelim) {
        Lexer lexer = new Lexer(text, leftDelim, rightDelim, false, !functions.test("break"),
                !functions.test("continue"));
        Map<String, Tree> trees = new LinkedHashMap<>();
        Parser p = new Parser(new Tree(name, name, text), lexer, trees, functions);
        p.parseTopLevel();
        p.add();
        return trees;
    }

    // ---- token buffer ----

    private Item next() {
        if (peekCount > 0) {
            peekCount--;
        } else {
            token[0] = lex.nextItem();
        }
        return token[peekCount];
    }

    private void backup() {
        peekCount++;
    }

    private void backup2(Item t1) {
        token[1] = t1;
        peekCount = 2;
    }

    private void backup3(Item t2, Item t1) {
        token[1] = t1;
        token[2] = t2;
        peekCount = 3;
    }

    private Item peek() {
        if (peekCount > 0) {
            return token[peekCount - 1];
        }
        peekCount = 1;
        token[0] = lex.nextItem();
        return token[0];
    }

    private Item nextNonSpace() {
        Item t;
        do {
            t = next();
        } while (t.type == ItemType.SPACE);
        return t;
    }

    private Item peekNonSpace() {
        Item t = nextNonSpace();
        backup();
        return t;
    }

    // ---- errors ----

    private ParseError errorf(String message) {
        int line = token[0] == null ? 1 : token[0].line;
        throw new ParseError("template: " + tree.parseName() + ":" + line + ": " + message);
    }

    private Item expect(ItemType expected, String context) {
        Item t = nextNonSpace();
        if (t.type != expected) {
            unexpected(t, context);
        }
        return t;
    }

    private Item expectOneOf(ItemType expected1, ItemType expected2, String context) {
        Item t = nextNonSpace();
        if (t.type != expected1 && t.type != expected2) {
            unexpected(t, context);
        }
        return t;
    }

    private void unexpected(Item t, String context) {
        if (t.type == ItemType.ERROR) {
            String extra = "";
            if (actionLine != 0 && actionLine != t.line) {
                extra = " in action started at " + tree.parseName() + ":" + actionLine;
                if (t.val.endsWith(" action")) {
                    extra = extra.substring(" in action".length());
                }
            }
            throw errorf(t + extra);
        }
        throw errorf("unexpected " + t + " in " + context);
    }

    private String unquote(String literal) {
        try {
            return GoQuote.unquote(literal);
        } catch (IllegalArgumentException e) {
            throw errorf(e.getMessage());
        }
    }

    // ---- grammar ----

    private void add() {
        Tree existing = treeSet.get(tree.name());
        if (existing == null || Tree.isEmpty(existing.root())) {
            treeSet.put(tree.name(), tree);
            return;
        }
        if (!Tree.isEmpty(tree.root())) {
            throw errorf("template: multiple definition of template " + GoQuote.quote(tree.name()));
        }
    }

    private Parser subParser(String name) {
        return new Parser(new Tree(name, tree.parseName(), tree.text()), lex, treeSet, functions);
    }

    private void parseTopLevel() {
        ListNode root = new ListNode(peek().pos);
        tree.setRoot(root);
        while (peek().type != ItemType.EOF) {
            if (peek().type == ItemType.LEFT_DELIM) {
                Item delim = next();
                if (nextNonSpace().type == ItemType.DEFINE) {
                    subParser("definition").parseDefinition();
                    continue;
                }
                backup2(delim);
            }
            Node n = textOrAction();
            if (n instanceof EndNode || n instanceof ElseNode) {
                throw errorf("unexpected " + n);
            }
            root.append(n);
        }
    }

    private void parseDefinition() {
        String context = "define clause";
        Item name = expectOneOf(ItemType.STRING, ItemType.RAW_STRING, context);
        tree.setName(unquote(name.val));
        expect(ItemType.RIGHT_DELIM, context);
        Object[] body = itemList();
        tree.setRoot((ListNode) body[0]);
        Node end = (Node) body[1];
        if (!(end instanceof EndNode)) {
            throw errorf("unexpected " + end + " in " + context);
        }
        add();
    }

    /** textOrAction* up to {@code end} or {@code else}: returns {list, terminator}. */
    private Object[] itemList() {
        ListNode list = new ListNode(peekNonSpace().pos);
        while (peekNonSpace().type != ItemType.EOF) {
            Node n = textOrAction();
            if (n instanceof EndNode || n instanceof ElseNode) {
                return new Object[] {list, n};
            }
            list.append(n);
        }
        throw errorf("unexpected EOF");
    }

    private Node textOrAction() {
        Item t = nextNonSpace();
        switch (t.type) {
            case TEXT:
                return new TextNode(t.pos, t.val);
            case LEFT_DELIM:
                actionLine = t.line;
                try {
                    return action();
                } finally {
                    actionLine = 0;
                }
            case COMMENT:
                return new CommentNode(t.pos, t.val);
            default:
                unexpected(t, "input");
                return null;
        }
    }

    private Node action() {
        Item t = nextNonSpace();
        switch (t.type) {
            case BLOCK:
                return blockControl();
            case BREAK:
                return breakOrContinue(t, "{{break}}", new BreakNode(t.pos));
            case CONTINUE:
                return breakOrContinue(t, "{{continue}}", new ContinueNode(t.pos));
            case ELSE:
                return elseControl();
            case END:
                return new EndNode(expect(ItemType.RIGHT_DELIM, "end").pos);
            case IF:
                return ifControl();
            case RANGE:
                return rangeControl();
            case TEMPLATE:
                return templateControl();
            case WITH:
                return withControl();
            default:
                break;
        }
        backup();
        Item start = peek();
        return new ActionNode(start.pos, start.line, pipeline("command", ItemType.RIGHT_DELIM));
    }

    private Node breakOrContinue(Item keyword, String context, Node node) {
        Item t = nextNonSpace();
        if (t.type != ItemType.RIGHT_DELIM) {
            unexpected(t, context);
        }
        if (rangeDepth == 0) {
            throw errorf(context + " outside {{range}}");
        }
        return node;
    }

    private PipeNode pipeline(String context, ItemType end) {
        Item first = peekNonSpace();
        PipeNode pipe = new PipeNode(first.pos, first.line);
        declarations(pipe, context);
        while (true) {
            Item t = nextNonSpace();
            if (t.type == end) {
                checkPipeline(pipe, context);
                return pipe;
            }
            switch (t.type) {
                case BOOL: case CHAR_CONSTANT: case COMPLEX: case DOT: case FIELD: case IDENTIFIER: case NUMBER:
                case NIL: case RAW_STRING: case STRING: case VARIABLE: case LEFT_PAREN:
                    backup();
                    pipe.append(command());
                    if (pipe.cmds().size() > MAX_PIPELINE_COMMANDS) {
                        throw errorf("pipeline too long");
                    }
                    break;
                default:
                    unexpected(t, context);
            }
        }
    }

    private void declarations(PipeNode pipe, String context) {
        while (true) {
            Item v = peekNonSpace();
            if (v.type != ItemType.VARIABLE) {
                return;
            }
            next();
            Item afterVariable = peek();
            Item following = peekNonSpace();
            if (following.type == ItemType.ASSIGN || following.type == ItemType.DECLARE) {
                pipe.setAssign(following.type == ItemType.ASSIGN);
                nextNonSpace();
                pipe.addDecl(new VariableNode(v.pos, v.val));
                vars.add(v.val);
                return;
            }
            if (following.type == ItemType.CHAR && following.val.equals(",")) {
                nextNonSpace();
                pipe.addDecl(new VariableNode(v.pos, v.val));
                vars.add(v.val);
                if (context.equals("range") && pipe.decl().size() < 2) {
                    ItemType ahead = peekNonSpace().type;
                    if (ahead == ItemType.VARIABLE || ahead == ItemType.RIGHT_DELIM || ahead == ItemType.RIGHT_PAREN) {
                        continue;
                    }
                    throw errorf("range can only initialize variables");
                }
                throw errorf("too many declarations in " + context);
            }
            if (afterVariable.type == ItemType.SPACE) {
                backup3(v, afterVariable);
            } else {
                backup2(v);
            }
            return;
        }
    }

    private void checkPipeline(PipeNode pipe, String context) {
        if (pipe.cmds().isEmpty()) {
            throw errorf("missing value for " + context);
        }
        List<CommandNode> cmds = pipe.cmds();
        for (int i = 1; i < cmds.size(); i++) {
            switch (cmds.get(i).args().get(0).type()) {
                case BOOL: case DOT: case NIL: case NUMBER: case STRING:
                    throw errorf("non executable command in pipeline stage " + (i + 1));
                default:
                    break;
            }
        }
    }

    /** Parses {@code pipeline}}list{{else}}list{{end}} for if/range/with. */
    private BranchParts parseControl(String context) {
        int varsMark = vars.size();
        nest();
        try {
            PipeNode pipe = pipeline(context, ItemType.RIGHT_DELIM);
            if (context.equals("range")) {
                rangeDepth++;
            }
            Object[] body = itemList();
            if (context.equals("range")) {
                rangeDepth--;
            }
            ListNode list = (ListNode) body[0];
            Node next = (Node) body[1];
            ListNode elseList = null;
            if (next instanceof ElseNode) {
                if (context.equals("if") && peek().type == ItemType.IF) {
                    next();
                    elseList = new ListNode(next.position());
                    elseList.append(ifControl());
                } else if (context.equals("with") && peek().type == ItemType.WITH) {
                    next();
                    elseList = new ListNode(next.position());
                    elseList.append(withControl());
                } else {
                    Object[] elseBody = itemList();
                    elseList = (ListNode) elseBody[0];
                    Node end = (Node) elseBody[1];
                    if (!(end instanceof EndNode)) {
                        throw errorf("expected end; found " + end);
                    }
                }
            }
            return new BranchParts(pipe, list, elseList);
        } finally {
            stackDepth--;
            while (vars.size() > varsMark) {
                vars.remove(vars.size() - 1);
            }
        }
    }

    /** One more level of nesting (released by the caller), refused beyond {@link #MAX_NESTING}. */
    private void nest() {
        if (stackDepth >= MAX_NESTING) {
            throw errorf("max expression depth exceeded (actions and parentheses nest at most " + MAX_NESTING
                    + " deep)");
        }
        stackDepth++;
    }

    private static final class BranchParts {
        final PipeNode pipe;
        final ListNode list;
        final ListNode elseList;

        BranchParts(PipeNode pipe, ListNode list, ListNode elseList) {
            this.pipe = pipe;
            this.list = list;
            this.elseList = elseList;
        }
    }

    private Node ifControl() {
        BranchParts b = parseControl("if");
        return new IfNode(b.pipe.position(), b.pipe.line(), b.pipe, b.list, b.elseList);
    }

    private Node rangeControl() {
        BranchParts b = parseControl("range");
        return new RangeNode(b.pipe.position(), b.pipe.line(), b.pipe, b.list, b.elseList);
    }

    private Node withControl() {
        BranchParts b = parseControl("with");
        return new WithNode(b.pipe.position(), b.pipe.line(), b.pipe, b.list, b.elseList);
    }

    private Node elseControl() {
        Item ahead = peekNonSpace();
        // {{else if ...}} and (Go 1.23+) {{else with ...}} leave the keyword for parseControl
        if (ahead.type == ItemType.IF || ahead.type == ItemType.WITH) {
            return new ElseNode(ahead.pos);
        }
        return new ElseNode(expect(ItemType.RIGHT_DELIM, "else").pos);
    }

    private Node blockControl() {
        String context = "block clause";
        Item t = nextNonSpace();
        String name = templateName(t, context);
        PipeNode pipe = pipeline(context, ItemType.RIGHT_DELIM);
        Parser block = subParser(name);
        block.token[0] = token[0];
        block.stackDepth = stackDepth;
        block.nest();
        Object[] body = block.itemList();
        block.tree.setRoot((ListNode) body[0]);
        Node end = (Node) body[1];
        if (!(end instanceof EndNode)) {
            throw errorf("unexpected " + end + " in " + context);
        }
        block.add();
        return new TemplateNode(t.pos, t.line, name, pipe);
    }

    private Node templateControl() {
        String context = "template clause";
        Item t = nextNonSpace();
        String name = templateName(t, context);
        PipeNode pipe = null;
        if (nextNonSpace().type != ItemType.RIGHT_DELIM) {
            backup();
            pipe = pipeline(context, ItemType.RIGHT_DELIM);
        }
        return new TemplateNode(t.pos, t.line, name, pipe);
    }

    private String templateName(Item t, String context) {
        if (t.type == ItemType.STRING || t.type == ItemType.RAW_STRING) {
            return unquote(t.val);
        }
        unexpected(t, context);
        return null;
    }

    private CommandNode command() {
        CommandNode cmd = new CommandNode(peekNonSpace().pos);
        while (true) {
            peekNonSpace();
            Node operand = operand();
            if (operand != null) {
                cmd.append(operand);
            }
            Item t = next();
            if (t.type == ItemType.SPACE) {
                continue;
            }
            if (t.type == ItemType.RIGHT_DELIM || t.type == ItemType.RIGHT_PAREN) {
                backup();
            } else if (t.type != ItemType.PIPE) {
                unexpected(t, "operand");
            }
            break;
        }
        if (cmd.args().isEmpty()) {
            throw errorf("empty command");
        }
        return cmd;
    }

    private Node operand() {
        Node node = term();
        if (node == null) {
            return null;
        }
        if (peek().type == ItemType.FIELD) {
            ChainNode chain = new ChainNode(peek().pos, node);
            while (peek().type == ItemType.FIELD) {
                chain.add(next().val);
            }
            switch (node.type()) {
                case FIELD:
                    return new FieldNode(chain.position(), chain.toString());
                case VARIABLE:
                    return new VariableNode(chain.position(), chain.toString());
                case BOOL: case STRING: case NUMBER: case NIL: case DOT:
                    throw errorf("unexpected . after term " + GoQuote.quote(node.toString()));
                default:
                    return chain;
            }
        }
        return node;
    }

    private Node term() {
        Item t = nextNonSpace();
        switch (t.type) {
            case IDENTIFIER:
                if (!functions.test(t.val)) {
                    throw errorf("function " + GoQuote.quote(t.val) + " not defined");
                }
                return new IdentifierNode(t.pos, t.val);
            case DOT:
                return new DotNode(t.pos);
            case NIL:
                return new NilNode(t.pos);
            case VARIABLE:
                return useVar(t.pos, t.val);
            case FIELD:
                return new FieldNode(t.pos, t.val);
            case BOOL:
                return new BoolNode(t.pos, t.val.equals("true"));
            case CHAR_CONSTANT:
            case COMPLEX:
            case NUMBER:
                try {
                    return NumberNode.parse(t.pos, t.val, t.type);
                } catch (IllegalArgumentException e) {
                    throw errorf(e.getMessage());
                }
            case LEFT_PAREN:
                if (stackDepth >= MAX_NESTING) {
                    throw errorf("max expression depth exceeded (actions and parentheses nest at most "
                            + MAX_NESTING + " deep)");
                }
                stackDepth++;
                try {
                    return pipeline("parenthesized pipeline", ItemType.RIGHT_PAREN);
                } finally {
                    stackDepth--;
                }
            case STRING:
            case RAW_STRING:
                return new StringNode(t.pos, t.val, unquote(t.val));
            default:
                backup();
                return null;
        }
    }

    private Node useVar(int pos, String name) {
        VariableNode v = new VariableNode(pos, name);
        if (vars.contains(v.name())) {
            return v;
        }
        throw errorf("undefined variable " + GoQuote.quote(v.name()));
    }
}
