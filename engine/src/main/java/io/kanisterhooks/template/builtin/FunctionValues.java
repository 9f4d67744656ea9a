package io.kanisterhooks.template.builtin;

import io.kanisterhooks.golang.errors.GoError;
import io.kanisterhooks.golang.value.Signature;
import io.kanisterhooks.golang.value.Values;
import io.kanisterhooks.template.func.TemplateFunction;
import java.util.Arrays;

/** The builtin {@code call}: invokes a function value with Go's argument preparation. */
public final class FunctionValues {
    private FunctionValues() {
    }

    /**
     * {@code call fn args...}, with Go 1.19's error texts (newer releases also name the callee).
     *
     * @param argv the function value followed by its arguments
     */
    public static Object call(Object[] argv) {
        Object fn = argv[0];
        Object[] args = Arrays.copyOfRange(argv, 1, argv.length);
        if (fn == null) {
            throw new GoError("call of nil");
        }
        if (!(fn instanceof TemplateFunction)) {
            throw new GoError("non-function of type " + Values.typeName(fn));
        }
        TemplateFunction f = (TemplateFunction) fn;
        Signature sig = f.signature();
        int numIn = sig.numIn();
        if (sig.variadic()) {
            if (args.length < numIn - 1) {
                throw new GoError("wrong number of args: got " + args.length + " want at least " + (numIn - 1));
            }
        } else if (args.length != numIn) {
            throw new GoError("wrong number of args: got " + args.length + " want " + numIn);
        }
        for (int i = 0; i < args.length; i++) {
            try {
                args[i] = Indexing.prepareArg(args[i], sig.argType(i), false);
            } catch (GoError e) {
                throw new GoError("arg " + i + ": " + e.getMessage(), e);
            }
        }
        Object result = f.call(args);
        if (result == null && !sig.result().kind().isNillable()) {
            return Values.zero(sig.result());
        }
        return result;
    }
}
