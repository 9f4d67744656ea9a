package io.kanisterhooks.render;

import io.kanisterhooks.template.MissingKey;
import io.kanisterhooks.template.TemplateCache;
import io.kanisterhooks.template.TemplateOptions;
import io.kanisterhooks.template.func.FuncMap;
import io.kanisterhooks.template.sprig.KanisterSprig;

/**
 * How one of Kanister's call sites sets up {@code text/template}: template name, {@code missingkey} option and function
 * map. The three Kanister dialects are constants; the conformance corpus varies the options per case.
 */
public record Dialect(String name, MissingKey missingKey, Functions functions) {

    /** The function map added to text/template's builtins. */
    public enum Functions {
        /** Kanister's {@code ksprig.TxtFuncMap()}: sprig v2.22 with two FIPS replacements. */
        KSPRIG,
        /** kubectl's go-template printer: {@code exists} and {@code base64decode}. */
        KUBECTL,
        /** None: the builtins only. */
        BUILTIN;

        FuncMap funcMap() {
            return switch (this) {
                case KSPRIG -> KanisterSprig.funcMap();
                case KUBECTL -> KubectlFunctions.funcMap();
                case BUILTIN -> new FuncMap();
            };
        }
    }

    /** {@code renderStringArg}: blueprint function args, artifacts, object references. */
    public static final Dialect KANISTER_ARGS = new Dialect("config", MissingKey.ERROR, Functions.KSPRIG);

    /** Wait (v1) conditions after JSONPath substitution. */
    public static final Dialect WAIT = new Dialect("config", MissingKey.ZERO, Functions.KSPRIG);

    /** WaitV2 conditions: kubectl's go-template printer. */
    public static final Dialect WAIT_V2 = new Dialect("output", MissingKey.DEFAULT, Functions.KUBECTL);

    private static final int CACHE_SIZE = 4096;

    public Dialect withMissingKey(MissingKey value) {
        return new Dialect(name, value, functions);
    }

    public Dialect withFunctions(Functions value) {
        return new Dialect(name, missingKey, value);
    }

    TemplateOptions options() {
        return TemplateOptions.defaults().withMissingKey(missingKey).withFuncs(functions.funcMap());
    }

    /** A parse cache for this dialect (Kanister parses every string on every render; blueprints repeat them). */
    TemplateCache newCache() {
        return new TemplateCache(name, options(), CACHE_SIZE);
    }
}
