package io.kanisterhooks.render;

import io.kanisterhooks.golang.errors.GoError;
import io.kanisterhooks.template.builtin.Indexing;
import io.kanisterhooks.template.func.FuncMap;
import io.kanisterhooks.template.sprig.KanisterSprig;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The two functions kubectl's go-template printer adds to the builtins, as WaitV2 conditions see them:
 * {@code exists ITEM INDEX...} (would {@code index} succeed and yield a non-nil value?) and {@code base64decode}.
 */
final class KubectlFunctions {

    private static final FuncMap FUNCS = new FuncMap()
            .define("exists", "func(interface {}, ...interface {}) bool", KubectlFunctions::exists)
            .define("base64decode", "func(string) (string, error)", args -> base64Decode((String) args[0]));

    private KubectlFunctions() {
    }

    static FuncMap funcMap() {
        return FUNCS;
    }

    /**
     * kubectl walks the indices like {@code index} but answers false instead of failing: wrong index types,
     * out-of-range indices and nil on the way all make it false; a missing map key yields the zero value.
     */
    private static Object exists(Object[] args) {
        Object[] indices = new Object[args.length - 1];
        System.arraycopy(args, 1, indices, 0, indices.length);
        try {
            return Indexing.index(args[0], indices) != null;
        } catch (GoError e) {
            return false;
        }
    }

    /**
     * Go's {@code base64.StdEncoding.DecodeString}. Go's error text (with its byte offset) is sprig's b64dec's, which
     * returns the decoder's error message instead of failing.
     */
    private static String base64Decode(String s) {
        String stripped = s.replace("\r", "").replace("\n", "");
        if (stripped.length() % 4 == 0) {
            try {
                return new String(Base64.getDecoder().decode(stripped), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException invalid) {
                // fall through to Go's error text
            }
        }
        Object goError = KanisterSprig.funcMap().get("b64dec").call(s);
        throw new GoError("base64 decode failed: " + goError);
    }
}
