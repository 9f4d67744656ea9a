package io.kanisterhooks.template;

import io.kanisterhooks.golang.errors.GoError;
import io.kanisterhooks.golang.fmt.GoFmt;
import io.kanisterhooks.golang.strconv.GoQuote;
import io.kanisterhooks.golang.strings.GoStrings;
import io.kanisterhooks.golang.value.GoComplex;
import io.kanisterhooks.golang.value.GoInt;
import io.kanisterhooks.golang.value.GoKind;
import io.kanisterhooks.golang.value.GoMethod;
import io.kanisterhooks.golang.value.GoNamed;
import io.kanisterhooks.golang.value.GoPointer;
import io.kanisterhooks.golang.value.GoStruct;
import io.kanisterhooks.golang.value.GoType;
import io.kanisterhooks.golang.value.Signature;
import io.kanisterhooks.golang.value.StructField;
import io.kanisterhooks.golang.value.Values;
import io.kanisterhooks.template.builtin.Builtins;
import io.kanisterhooks.template.builtin.FunctionValues;
import io.kanisterhooks.template.builtin.Truth;
import io.kanisterhooks.template.func.FunctionBody;
import io.kanisterhooks.template.func.FunctionLimits;
import io.kanisterhooks.template.func.TemplateFunction;
import io.kanisterhooks.template.parse.ActionNode;
import io.kanisterhooks.template.parse.BoolNode;
import io.kanisterhooks.template.parse.BranchNode;
import io.kanisterhooks.template.parse.ChainNode;
import io.kanisterhooks.template.parse.CommandNode;
import io.kanisterhooks.template.parse.FieldNode;
import io.kanisterhooks.template.parse.IdentifierNode;
import io.kanisterhooks.template.parse.ListNode;
import io.kanisterhooks.template.parse.Node;
import io.kanisterhooks.template.parse.NodeType;
import io.kanisterhooks.template.parse.NumberNode;
import io.kanisterhooks.template.parse.PipeNode;
import io.kanisterhooks.template.parse.RangeNode;
import io.kanisterhooks.template.parse.StringNode;
import io.kanisterhooks.template.parse.TemplateNode;
import io.kanisterhooks.template.parse.TextNode;
import io.kanisterhooks.template.parse.Tree;
import io.kanisterhooks.template.parse.VariableNode;
import io.kanisterhooks.template.parse.WithNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * One execution of a template: text/template's {@code state}. Values are Java objects of the value model.
 * Where Go's reflection distinguishes a value held in an interface-typed slot (an element of
 * {@code []interface {}}, a map value of {@code map[string]interface {}}), the executor carries an
 * {@code iface} flag next to the value: a {@code null} with the flag is a nil interface, without it "no value";
 * a non-null value with the flag has static type {@code interface {}}. Both change Go's error texts.
 */
final class Execution {
    private static final Object MISSING = new Object();
    private static final int NORMAL = 0;
    private static final int BREAK = 1;
    private static final int CONTINUE = 2;
    static final int MAX_DEPTH = 100000;
    /** Nodes one execution may walk (loop bodies count once per iteration): stops runaway loops. Ours, not Go's. */
    static final long MAX_STEPS = 10_000_000;
    /** Characters one execution may write. Ours, not Go's: no rendered argument needs more. */
    static final int MAX_OUTPUT = 4 * 1024 * 1024;

    private final Template template;
    private final StringBuilder out;
    private final MissingKey missingKey;
    private Tree tree;
    private Node node;
    private int depth;
    /** The innermost {@code template} call when the stack ran out, and its tree, until the error is built. */
    private TemplateNode overflowAt;
    private Tree overflowTree;
    private long steps;
    private final int outputStart;

    private String[] varNames = new String[16];
    private Object[] varValues = new Object[16];
    private boolean[] varIface = new boolean[16];
    private int varCount;
    private int varBase;

    /** Whether the value most recently returned by an evaluation sits in an interface-typed slot. */
    private boolean lastIface;
    /** Whether the argument most recently evaluated was a nil interface before conversion ({@code len} cares). */
    private boolean lastArgNilInterface;

    Execution(Template template, Tree tree, StringBuilder out) {
        this.template = template;
        this.tree = tree;
        this.out = out;
        this.outputStart = out.length();
        this.missingKey = template.options().missingKey();
    }

    void run(Object data) {
        push("$", data, false);
        if (tree.root() == null) {
            throw errorf(GoQuote.quote(tree.name()) + " is an incomplete or empty template");
        }
        walk(data, false, tree.root());
    }

    /** The node being evaluated when execution failed, for stack-overflow reporting. */
    TemplateExecException depthExceeded() {
        return errorf("exceeded maximum template depth (" + MAX_DEPTH + ")");
    }

    // ---- variables ----

    private void push(String name, Object value, boolean iface) {
        if (varCount == varNames.length) {
            int n = varCount * 2;
            varNames = Arrays.copyOf(varNames, n);
            varValues = Arrays.copyOf(varValues, n);
            varIface = Arrays.copyOf(varIface, n);
        }
        varNames[varCount] = name;
        varValues[varCount] = value;
        varIface[varCount] = iface;
        varCount++;
    }

    private void pop(int mark) {
        for (int i = mark; i < varCount; i++) {
            varValues[i] = null;
        }
        varCount = mark;
    }

    private int findVar(String name) {
        for (int i = varCount - 1; i >= varBase; i--) {
            if (varNames[i].equals(name)) {
                return i;
            }
        }
        throw errorf("undefined variable: " + name);
    }

    private void setVar(String name, Object value, boolean iface) {
        int i = findVar(name);
        varValues[i] = value;
        varIface[i] = iface;
    }

    private void setTopVar(int n, Object value, boolean iface) {
        varValues[varCount - n] = value;
        varIface[varCount - n] = iface;
    }

    // ---- errors ----

    private TemplateExecException errorf(String message) {
        return errorf(message, null);
    }

    private TemplateExecException errorf(String message, Throwable cause) {
        String name = tree.name();
        if (node == null) {
            return new TemplateExecException("template: " + name + ": " + message, cause);
        }
        String text = tree.text();
        int pos = Math.min(node.position(), text.length());
        int lastNewline = text.lastIndexOf('\n', pos - 1);
        int line = 1;
        for (int i = 0; i < pos; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        int col = GoStrings.utf8Length(text.substring(lastNewline + 1, pos));
        String location = tree.parseName() + ":" + line + ":" + col;
        return new TemplateExecException("template: " + location + ": executing " + GoQuote.quote(name) + " at <"
                + node + ">: " + message, cause);
    }

    // ---- walking the tree ----

    private int walk(Object dot, boolean dotIface, Node n) {
        node = n;
        if (++steps > MAX_STEPS) {
            throw errorf("execution stopped after " + MAX_STEPS + " steps (a runaway loop?)");
        }
        switch (n.type()) {
            case ACTION: {
                ActionNode a = (ActionNode) n;
                Object val = evalPipeline(dot, dotIface, a.pipe());
                if (a.pipe().decl().isEmpty()) {
                    printValue(a, val);
                    checkOutput();
                }
                return NORMAL;
            }
            case BREAK:
                return BREAK;
            case CONTINUE:
                return CONTINUE;
            case COMMENT:
                return NORMAL;
            case IF:
            case WITH:
                return walkIfOrWith((BranchNode) n, dot, dotIface);
            case LIST: {
                List<Node> nodes = ((ListNode) n).nodes();
                for (int i = 0, size = nodes.size(); i < size; i++) {
                    int flow = walk(dot, dotIface, nodes.get(i));
                    if (flow != NORMAL) {
                        return flow;
                    }
                }
                return NORMAL;
            }
            case RANGE:
                return walkRange(dot, dotIface, (RangeNode) n);
            case TEMPLATE:
                walkTemplate(dot, dotIface, (TemplateNode) n);
                return NORMAL;
            case TEXT:
                out.append(((TextNode) n).text());
                checkOutput();
                return NORMAL;
            default:
                throw errorf("unknown node: " + n);
        }
    }

    private void checkOutput() {
        if (out.length() - outputStart > MAX_OUTPUT) {
            throw errorf("output larger than " + MAX_OUTPUT + " characters");
        }
    }

    private int walkIfOrWith(BranchNode b, Object dot, boolean dotIface) {
        int mark = varCount;
        try {
            Object val = evalPipeline(dot, dotIface, b.pipe());
            if (Truth.isTrue(val)) {
                if (b instanceof WithNode) {
                    return walk(val, false, b.list());
                }
                return walk(dot, dotIface, b.list());
            }
            if (b.elseList() != null) {
                return walk(dot, dotIface, b.elseList());
            }
            return NORMAL;
        } finally {
            pop(mark);
        }
    }

    private int walkRange(Object dot, boolean dotIface, RangeNode r) {
        node = r;
        int mark = varCount;
        try {
            Object val = evalPipeline(dot, dotIface, r.pipe());
            while (val instanceof GoPointer && !((GoPointer) val).isNil()) {
                val = ((GoPointer) val).target();
            }
            int iterMark = varCount;
            GoType type = Values.typeOf(val);
            GoKind kind = type == null ? GoKind.INVALID : type.kind();
            boolean iterated = false;
            if (kind.isInteger()) {
                // Go 1.24: range over an integer n yields 0..n-1 of n's type; one variable at most
                if (r.pipe().decl().size() > 1) {
                    throw errorf("can't use " + GoFmt.toString(val) + " to iterate over more than one variable");
                }
                long n = ((Number) val).longValue();
                boolean unsigned = kind.isUnsignedInteger();
                for (long i = 0; unsigned ? Long.compareUnsigned(i, n) < 0 : i < n; i++) {
                    iterated = true;
                    Object elem = type == GoType.INT64 ? (Object) i : GoInt.ofType(type, i);
                    if (oneIteration(r, iterMark, null, elem, false) == BREAK) {
                        break;
                    }
                }
            } else if (kind == GoKind.SLICE || kind == GoKind.ARRAY) {
                List<Object> elements = Values.elements(val);
                boolean elemIface = type.elem().kind() == GoKind.INTERFACE;
                for (int i = 0, size = elements.size(); i < size; i++) {
                    iterated = true;
                    if (oneIteration(r, iterMark, GoInt.ofInt(i), elements.get(i), elemIface) == BREAK) {
                        break;
                    }
                }
            } else if (kind == GoKind.MAP) {
                Map<String, Object> entries = Values.entries(val);
                List<String> keys = new ArrayList<>(entries.keySet());
                keys.sort(GoStrings.ORDER);
                boolean elemIface = type.elem().kind() == GoKind.INTERFACE;
                for (String key : keys) {
                    iterated = true;
                    Object k = type.key() == GoType.STRING ? key : GoNamed.of(type.key(), key);
                    if (oneIteration(r, iterMark, k, entries.get(key), elemIface) == BREAK) {
                        break;
                    }
                }
            } else if (kind != GoKind.INVALID) {
                throw errorf("range can't iterate over " + GoFmt.toString(val));
            }
            if (!iterated && r.elseList() != null) {
                return walk(dot, dotIface, r.elseList());
            }
            return NORMAL;
        } finally {
            pop(mark);
        }
    }

    private int oneIteration(RangeNode r, int iterMark, Object index, Object elem, boolean elemIface) {
        PipeNode pipe = r.pipe();
        List<VariableNode> decl = pipe.decl();
        if (!decl.isEmpty()) {
            if (pipe.isAssign()) {
                if (decl.size() > 1) {
                    setVar(decl.get(0).name(), index, false);
                } else {
                    setVar(decl.get(0).name(), elem, elemIface);
                }
            } else {
                setTopVar(1, elem, elemIface);
            }
        }
        if (decl.size() > 1) {
            if (pipe.isAssign()) {
                setVar(decl.get(1).name(), elem, elemIface);
            } else {
                setTopVar(2, index, false);
            }
        }
        int flow = walk(elem, elemIface, r.list());
        pop(iterMark);
        return flow;
    }

    private void walkTemplate(Object dot, boolean dotIface, TemplateNode t) {
        node = t;
        Tree called = template.tree(t.name());
        if (called == null) {
            throw errorf("template " + GoQuote.quote(t.name()) + " not defined");
        }
        if (depth == MAX_DEPTH) {
            throw errorf("exceeded maximum template depth (" + MAX_DEPTH + ")");
        }
        Object newDot = evalPipeline(dot, dotIface, t.pipe());
        Tree savedTree = tree;
        int savedBase = varBase;
        int mark = varCount;
        tree = called;
        depth++;
        varBase = varCount;
        push("$", newDot, false);
        try {
            walk(newDot, false, called.root());
        } catch (StackOverflowError tooDeep) {
            // Go stops recursive template calls at a depth of 100000; the JVM stack ends sooner. The innermost call
            // is where Go reports the error, but the error is built where the outermost call was made: deep down,
            // building it could overflow the stack again (field assignments need no stack).
            if (overflowAt == null) {
                overflowAt = t;
                overflowTree = savedTree;
            }
            if (depth > 1) {
                throw tooDeep;
            }
            tree = overflowTree;
            node = overflowAt;
            overflowAt = null;
            overflowTree = null;
            throw errorf("exceeded maximum template depth (" + MAX_DEPTH + ")");
        } finally {
            pop(mark);
            varBase = savedBase;
            depth--;
            tree = savedTree;
        }
    }

    // ---- evaluation ----

    private Object evalPipeline(Object dot, boolean dotIface, PipeNode pipe) {
        if (pipe == null) {
            return null;
        }
        node = pipe;
        Object value = MISSING;
        List<CommandNode> cmds = pipe.cmds();
        for (int i = 0, size = cmds.size(); i < size; i++) {
            value = evalCommand(dot, dotIface, cmds.get(i), value);
        }
        List<VariableNode> decl = pipe.decl();
        for (int i = 0, size = decl.size(); i < size; i++) {
            if (pipe.isAssign()) {
                setVar(decl.get(i).name(), value, false);
            } else {
                push(decl.get(i).name(), value, false);
            }
        }
        return value;
    }

    private void notAFunction(List<Node> args, Object fin) {
        if (args.size() > 1 || fin != MISSING) {
            throw errorf("can't give argument to non-function " + args.get(0));
        }
    }

    private Object evalCommand(Object dot, boolean dotIface, CommandNode cmd, Object fin) {
        List<Node> args = cmd.args();
        Node first = args.get(0);
        switch (first.type()) {
            case FIELD:
                return evalFieldNode(dot, dotIface, (FieldNode) first, args, fin);
            case CHAIN:
                return evalChainNode(dot, dotIface, (ChainNode) first, args, fin);
            case IDENTIFIER:
                return evalFunction(dot, dotIface, (IdentifierNode) first, cmd, args, fin);
            case PIPE:
                notAFunction(args, fin);
                return evalPipeline(dot, dotIface, (PipeNode) first);
            case VARIABLE:
                return evalVariableNode(dot, dotIface, (VariableNode) first, args, fin);
            default:
                break;
        }
        node = first;
        notAFunction(args, fin);
        switch (first.type()) {
            case BOOL:
                return ((BoolNode) first).value();
            case DOT:
                return dot;
            case NIL:
                throw errorf("nil is not a command");
            case NUMBER:
                return idealConstant((NumberNode) first);
            case STRING:
                return ((StringNode) first).text();
            default:
                throw errorf("can't evaluate command " + GoQuote.quote(first.toString()));
        }
    }

    private Object idealConstant(NumberNode constant) {
        node = constant;
        if (constant.overflowsInt()) {
            throw errorf(constant.text() + " overflows int");
        }
        return constant.idealConstant();
    }

    private Object evalFieldNode(Object dot, boolean dotIface, FieldNode field, List<Node> args, Object fin) {
        node = field;
        return evalFieldChain(dot, dotIface, dot, dotIface, field, field.ident(), 0, args, fin);
    }

    private Object evalChainNode(Object dot, boolean dotIface, ChainNode chain, List<Node> args, Object fin) {
        node = chain;
        if (chain.fields().isEmpty()) {
            throw errorf("internal error: no fields in evalChainNode");
        }
        if (chain.node().type() == NodeType.NIL) {
            throw errorf("indirection through explicit nil in " + chain);
        }
        Object receiver = evalArg(dot, dotIface, null, chain.node());
        return evalFieldChain(dot, dotIface, receiver, lastIface, chain, chain.fields(), 0, args, fin);
    }

    private Object evalVariableNode(Object dot, boolean dotIface, VariableNode variable, List<Node> args,
            Object fin) {
        node = variable;
        int slot = findVar(variable.name());
        Object value = varValues[slot];
        boolean iface = varIface[slot];
        if (variable.ident().size() == 1) {
            if (args != null) {
                notAFunction(args, fin);
            } else if (fin != MISSING) {
                throw errorf("can't give argument to non-function " + variable);
            }
            lastIface = iface;
            return value;
        }
        return evalFieldChain(dot, dotIface, value, iface, variable, variable.ident(), 1, args, fin);
    }

    private Object evalFieldChain(Object dot, boolean dotIface, Object receiver, boolean receiverIface, Node n,
            List<String> ident, int start, List<Node> args, Object fin) {
        int last = ident.size() - 1;
        for (int i = start; i < last; i++) {
            receiver = evalField(dot, dotIface, ident.get(i), n, null, MISSING, receiver, receiverIface);
            receiverIface = lastIface;
        }
        return evalField(dot, dotIface, ident.get(last), n, args, fin, receiver, receiverIface);
    }

    private Object evalField(Object dot, boolean dotIface, String fieldName, Node n, List<Node> args, Object fin,
            Object receiver, boolean receiverIface) {
        if (receiver == null && !receiverIface) {
            if (missingKey == MissingKey.ERROR) {
                throw errorf("nil data; no entry for key " + GoQuote.quote(fieldName));
            }
            lastIface = false;
            return null;
        }
        String typeName = receiverIface ? "interface {}" : Values.typeName(receiver);
        if (receiver == null) {
            throw errorf("nil pointer evaluating " + typeName + "." + fieldName);
        }
        Object r = receiver;
        boolean isNil = false;
        while (r instanceof GoPointer) {
            GoPointer p = (GoPointer) r;
            if (p.isNil()) {
                isNil = true;
                break;
            }
            r = p.target();
        }
        GoType rt = Values.typeOf(r);
        if (rt.hasMethods()) {
            GoMethod m = rt.method(fieldName);
            if (m != null) {
                Callee method = isNil ? Callee.nilReceiver(m) : Callee.method(m, r);
                return evalCall(dot, dotIface, method, false, n, fieldName, args, fin);
            }
        }
        boolean hasArgs = args != null && args.size() > 1 || fin != MISSING;
        switch (rt.kind()) {
            case STRUCT: {
                int[] path = rt.fieldPath(fieldName);
                if (path != null && r instanceof GoStruct) {
                    StructField f = rt.fieldAt(path);
                    if (!f.exported()) {
                        throw errorf(fieldName + " is an unexported field of struct type " + typeName);
                    }
                    Object value;
                    try {
                        value = ((GoStruct) r).fieldByPath(path);
                    } catch (GoError nilEmbedded) {
                        throw errorf("reflect: indirection through nil pointer to embedded struct");
                    }
                    if (hasArgs) {
                        throw errorf(fieldName + " has arguments but cannot be invoked as function");
                    }
                    lastIface = f.type().kind() == GoKind.INTERFACE;
                    return value;
                }
                break;
            }
            case MAP:
                if (rt.key() == GoType.STRING) {
                    if (hasArgs) {
                        throw errorf(fieldName + " is not a method but has arguments");
                    }
                    Map<String, Object> entries = Values.entries(r);
                    Object value = entries.get(fieldName);
                    boolean elemIface = rt.elem().kind() == GoKind.INTERFACE;
                    if (value == null && !entries.containsKey(fieldName)) {
                        switch (missingKey) {
                            case ZERO:
                                lastIface = elemIface;
                                return Values.zero(rt.elem());
                            case ERROR:
                                throw errorf("map has no entry for key " + GoQuote.quote(fieldName));
                            default:
                                lastIface = false;
                                return null;
                        }
                    }
                    lastIface = elemIface;
                    return value;
                }
                break;
            case POINTER: {
                GoType elem = rt.elem();
                if (elem.kind() == GoKind.STRUCT && elem.fieldPath(fieldName) == null) {
                    break;
                }
                if (isNil) {
                    throw errorf("nil pointer evaluating " + typeName + "." + fieldName);
                }
                break;
            }
            default:
                break;
        }
        throw errorf("can't evaluate field " + fieldName + " in type " + typeName);
    }

    private Object evalFunction(Object dot, boolean dotIface, IdentifierNode id, Node cmd, List<Node> args,
            Object fin) {
        node = id;
        String name = id.ident();
        TemplateFunction fn = template.options().funcs().get(name);
        boolean builtin = false;
        if (fn == null) {
            fn = Builtins.get(name);
            builtin = true;
        }
        if (fn == null) {
            throw errorf(GoQuote.quote(name) + " is not a defined function");
        }
        return evalCall(dot, dotIface, Callee.of(fn), builtin, cmd, name, args, fin);
    }

    /** What {@link #evalCall} invokes: a template function or a method bound to its receiver. */
    private static final class Callee {
        private final Signature signature;
        private final FunctionBody body;
        private final TemplateFunction function;

        private Callee(Signature signature, FunctionBody body, TemplateFunction function) {
            this.signature = signature;
            this.body = body;
            this.function = function;
        }

        static Callee of(TemplateFunction fn) {
            return new Callee(fn.signature(), fn::call, fn);
        }

        static Callee method(GoMethod m, Object receiver) {
            return new Callee(m.signature(), args -> m.invoke(receiver, args), null);
        }

        /** A method called through a nil pointer: Go dereferences the pointer and panics. */
        static Callee nilReceiver(GoMethod m) {
            return new Callee(m.signature(), args -> {
                throw new GoError("runtime error: invalid memory address or nil pointer dereference");
            }, null);
        }

        Signature signature() {
            return signature;
        }

        Object call(Object[] args) {
            return body.call(args);
        }

        boolean is(TemplateFunction builtin) {
            return function == builtin;
        }
    }

    private Object evalCall(Object dot, boolean dotIface, Callee fn, boolean builtin, Node callNode, String name,
            List<Node> args, Object fin) {
        int nArgs = args == null ? 0 : args.size() - 1;
        Signature sig = fn.signature();
        int numIn = nArgs + (fin != MISSING ? 1 : 0);
        int numFixed = nArgs;
        if (sig.variadic()) {
            numFixed = sig.numIn() - 1;
            if (numIn < numFixed) {
                throw errorf("wrong number of args for " + name + ": want at least " + (sig.numIn() - 1) + " got "
                        + nArgs);
            }
        } else if (numIn != sig.numIn()) {
            throw errorf("wrong number of args for " + name + ": want " + sig.numIn() + " got " + numIn);
        }
        if (builtin && (fn.is(Builtins.AND) || fn.is(Builtins.OR))) {
            boolean isOr = fn.is(Builtins.OR);
            Object v = null;
            for (int i = 1; i <= nArgs; i++) {
                v = evalArg(dot, dotIface, GoType.INTERFACE, args.get(i));
                if (Truth.isTrue(v) == isOr) {
                    return v;
                }
            }
            return fin != MISSING ? fin : v;
        }
        Object[] argv = new Object[numIn];
        boolean firstArgNilInterface = false;
        int i = 0;
        for (; i < numFixed && i < nArgs; i++) {
            argv[i] = evalArg(dot, dotIface, sig.in(i), args.get(i + 1));
            if (i == 0) {
                firstArgNilInterface = lastArgNilInterface;
            }
        }
        if (sig.variadic()) {
            GoType argType = sig.in(sig.numIn() - 1).elem();
            for (; i < nArgs; i++) {
                argv[i] = evalArg(dot, dotIface, argType, args.get(i + 1));
            }
        }
        if (fin != MISSING) {
            GoType t = sig.in(sig.numIn() - 1);
            if (sig.variadic()) {
                t = numIn - 1 < numFixed ? sig.in(numIn - 1) : t.elem();
            }
            argv[i] = validateType(fin, false, t);
        }
        Object result;
        try {
            if (builtin && fn.is(Builtins.CALL)) {
                result = FunctionValues.call(argv);
            } else if (builtin && fn.is(Builtins.LEN) && firstArgNilInterface) {
                throw new GoError("len of nil pointer");
            } else {
                result = fn.call(argv);
            }
            if (result instanceof CharSequence text) {
                // functions that join their arguments (print, cat, ...) can double a string per call
                FunctionLimits.checkString(text.length());
            } else if (result instanceof Collection<?> list) {
                FunctionLimits.checkList(list.size());
            }
        } catch (GoError e) {
            node = callNode;
            throw errorf("error calling " + name + ": " + e.getMessage(), e);
        } catch (TemplateException e) {
            throw e;
        } catch (RuntimeException e) {
            node = callNode;
            throw errorf("error calling " + name + ": " + e, e);
        }
        GoType resultType = sig.result();
        boolean resultIface = resultType.kind() == GoKind.INTERFACE;
        if (result == null && !resultIface) {
            result = Values.zero(resultType);
        }
        lastIface = resultIface;
        return result;
    }

    /** Go's {@code validateType}: checks that an evaluated value can be passed as {@code typ}. */
    private Object validateType(Object value, boolean iface, GoType typ) {
        if (typ == null) {
            lastIface = iface;
            return value;
        }
        if (value == null && !iface) {
            if (typ.kind().isNillable()) {
                lastIface = typ.kind() == GoKind.INTERFACE;
                return Values.zero(typ);
            }
            throw errorf("invalid value; expected " + typ);
        }
        if (typ.isEmptyInterface()) {
            lastIface = true;
            return value;
        }
        if (value == null) {
            throw errorf("wrong type for value; expected " + typ + "; got interface {}");
        }
        GoType vt = Values.typeOf(value);
        lastIface = typ.kind() == GoKind.INTERFACE;
        if (vt.assignableTo(typ)) {
            return value;
        }
        if (value instanceof GoPointer && vt.elem().assignableTo(typ)) {
            GoPointer p = (GoPointer) value;
            if (p.isNil()) {
                throw errorf("dereference of nil pointer of type " + typ);
            }
            return p.target();
        }
        throw errorf("wrong type for value; expected " + typ + "; got " + vt);
    }

    private Object evalArg(Object dot, boolean dotIface, GoType typ, Node n) {
        node = n;
        lastArgNilInterface = false;
        switch (n.type()) {
            case DOT:
                lastArgNilInterface = dot == null && dotIface;
                return validateType(dot, dotIface, typ);
            case NIL:
                if (typ != null && typ.kind().isNillable()) {
                    lastIface = typ.kind() == GoKind.INTERFACE;
                    return Values.zero(typ);
                }
                throw errorf("cannot assign nil to " + typ);
            case FIELD: {
                Object v = evalFieldNode(dot, dotIface, (FieldNode) n, null, MISSING);
                return checkedArg(v, typ);
            }
            case VARIABLE: {
                Object v = evalVariableNode(dot, dotIface, (VariableNode) n, null, MISSING);
                return checkedArg(v, typ);
            }
            case PIPE:
                return validateType(evalPipeline(dot, dotIface, (PipeNode) n), false, typ);
            case IDENTIFIER: {
                Object v = evalFunction(dot, dotIface, (IdentifierNode) n, n, null, MISSING);
                return checkedArg(v, typ);
            }
            case CHAIN: {
                Object v = evalChainNode(dot, dotIface, (ChainNode) n, null, MISSING);
                return checkedArg(v, typ);
            }
            default:
                break;
        }
        lastIface = false;
        GoKind k = typ == null ? GoKind.INVALID : typ.kind();
        switch (k) {
            case BOOL:
                if (n instanceof BoolNode) {
                    boolean b = ((BoolNode) n).value();
                    return typ == GoType.BOOL ? (Object) b : GoNamed.of(typ, b);
                }
                throw errorf("expected bool; found " + n);
            case COMPLEX64:
            case COMPLEX128:
                if (n instanceof NumberNode && ((NumberNode) n).isComplex()) {
                    return new GoComplex(typ, ((NumberNode) n).float64(), ((NumberNode) n).imag());
                }
                throw errorf("expected complex; found " + n);
            case FLOAT32:
            case FLOAT64:
                if (n instanceof NumberNode && ((NumberNode) n).isFloat()) {
                    double f = ((NumberNode) n).float64();
                    if (typ == GoType.FLOAT64) {
                        return f;
                    }
                    return GoNamed.of(typ, k == GoKind.FLOAT32 ? (double) (float) f : f);
                }
                throw errorf("expected float; found " + n);
            case INTERFACE:
                if (typ.isEmptyInterface()) {
                    return evalEmptyInterface(dot, dotIface, n);
                }
                break;
            case STRING:
                if (n instanceof StringNode) {
                    String s = ((StringNode) n).text();
                    return typ == GoType.STRING ? s : GoNamed.of(typ, s);
                }
                throw errorf("expected string; found " + n);
            default:
                if (k.isSignedInteger()) {
                    if (n instanceof NumberNode && ((NumberNode) n).isInt()) {
                        return GoInt.of(typ, ((NumberNode) n).int64());
                    }
                    throw errorf("expected integer; found " + n);
                }
                if (k.isUnsignedInteger()) {
                    if (n instanceof NumberNode && ((NumberNode) n).isUint()) {
                        return GoInt.ofType(typ, ((NumberNode) n).uint64());
                    }
                    throw errorf("expected unsigned integer; found " + n);
                }
                break;
        }
        throw errorf("can't handle " + n + " for arg of type " + typ);
    }

    private Object checkedArg(Object v, GoType typ) {
        lastArgNilInterface = v == null && lastIface;
        return validateType(v, lastIface, typ);
    }

    private Object evalEmptyInterface(Object dot, boolean dotIface, Node n) {
        node = n;
        switch (n.type()) {
            case BOOL:
                return ((BoolNode) n).value();
            case DOT:
                lastIface = dotIface;
                return dot;
            case NUMBER:
                return idealConstant((NumberNode) n);
            case STRING:
                return ((StringNode) n).text();
            case NIL:
                throw errorf("evalEmptyInterface: nil (can't happen)");
            default:
                throw errorf("can't handle assignment of " + n + " to empty interface argument");
        }
    }

    private void printValue(ActionNode n, Object v) {
        node = n;
        while (v instanceof GoPointer && !((GoPointer) v).isNil()) {
            v = ((GoPointer) v).target();
        }
        if (v == null) {
            out.append("<no value>");
            return;
        }
        GoKind k = Values.kindOf(v);
        if ((k == GoKind.FUNC || k == GoKind.CHAN) && Values.typeOf(v).method("String") == null) {
            throw errorf("can't print " + n + " of type " + Values.typeName(v));
        }
        GoFmt.appendValue(out, v);
    }
}
