package io.kanisterhooks.template.builtin;

import io.kanisterhooks.golang.fmt.GoFmt;
import io.kanisterhooks.template.func.FuncMap;
import io.kanisterhooks.template.func.FunctionBody;
import io.kanisterhooks.template.func.TemplateFunction;
import java.util.Arrays;

/**
 * The 19 builtin functions of text/template with their Go signatures. {@code and}, {@code or} and
 * {@code call} need the executor (short-circuit evaluation, calling a function value) and have no body here.
 */
public final class Builtins {
    private static final FunctionBody EXECUTOR_ONLY = args -> {
        throw new IllegalStateException("evaluated by the template executor");
    };
    private static final FuncMap ALL = new FuncMap();

    public static final TemplateFunction AND = define("and", "func(interface {}, ...interface {}) interface {}",
            EXECUTOR_ONLY);
    public static final TemplateFunction OR = define("or", "func(interface {}, ...interface {}) interface {}",
            EXECUTOR_ONLY);
    public static final TemplateFunction CALL = define("call", "func(interface {}, ...interface {}) interface {}",
            EXECUTOR_ONLY);
    public static final TemplateFunction LEN = define("len", "func(interface {}) (int, error)",
            args -> Indexing.len(args[0]));

    static {
        define("html", "func(...interface {}) string", args -> Escapers.html(Escapers.evalArgs(args)));
        define("js", "func(...interface {}) string", args -> Escapers.js(Escapers.evalArgs(args)));
        define("urlquery", "func(...interface {}) string", args -> Escapers.urlQuery(Escapers.evalArgs(args)));
        define("index", "func(interface {}, ...interface {}) (interface {}, error)",
                args -> Indexing.index(args[0], rest(args)));
        define("slice", "func(interface {}, ...interface {}) (interface {}, error)",
                args -> Indexing.slice(args[0], rest(args)));
        define("not", "func(interface {}) bool", args -> !Truth.isTrue(args[0]));
        define("print", "func(...interface {}) string", GoFmt::sprint);
        define("printf", "func(string, ...interface {}) string", args -> GoFmt.sprintf((String) args[0], rest(args)));
        define("println", "func(...interface {}) string", GoFmt::sprintln);
        define("eq", "func(interface {}, ...interface {}) (bool, error)", args -> GoCompare.eq(args[0], rest(args)));
        define("ne", "func(interface {}, interface {}) (bool, error)", args -> GoCompare.ne(args[0], args[1]));
        define("lt", "func(interface {}, interface {}) (bool, error)", args -> GoCompare.lt(args[0], args[1]));
        define("le", "func(interface {}, interface {}) (bool, error)", args -> GoCompare.le(args[0], args[1]));
        define("gt", "func(interface {}, interface {}) (bool, error)", args -> GoCompare.gt(args[0], args[1]));
        define("ge", "func(interface {}, interface {}) (bool, error)", args -> GoCompare.ge(args[0], args[1]));
    }

    private Builtins() {
    }

    private static TemplateFunction define(String name, String signature, FunctionBody body) {
        ALL.define(name, signature, body);
        return ALL.get(name);
    }

    private static Object[] rest(Object[] args) {
        return Arrays.copyOfRange(args, 1, args.length);
    }

    /** The builtin with this name, or {@code null}. */
    public static TemplateFunction get(String name) {
        return ALL.get(name);
    }

    public static boolean contains(String name) {
        return ALL.contains(name);
    }
}
