package io.kanisterhooks.render;

/**
 * How one of Kanister's call sites sets up {@code text/template}: template name, {@code missingkey} option and function
 * map. The three Kanister dialects are constants; the conformance corpus varies the options per case.
 */
public record TemplateOptions(String name, MissingKey missingKey, Functions functions) {

    /** The {@code missingkey} option. */
    public enum MissingKey {
        /** {@code missingkey=default} (also {@code invalid}): a missing map key prints {@code <no value>}. */
        DEFAULT,
        /** {@code missingkey=zero}: the map's zero value. */
        ZERO,
        /** {@code missingkey=error}: {@code map has no entry for key "x"}. */
        ERROR;

        /** Parses Go's option value ({@code default}, {@code invalid}, {@code zero}, {@code error}). */
        public static MissingKey parse(String option) {
            return switch (option) {
                case "default", "invalid" -> DEFAULT;
                case "zero" -> ZERO;
                case "error" -> ERROR;
                default -> throw new IllegalArgumentException("unrecognized option: missingkey=" + option);
            };
        }
    }

    /** The function map added to text/template's builtins. */
    public enum Functions {
        /** Kanister's {@code ksprig.TxtFuncMap()}: sprig v2.22 with two FIPS replacements. */
        KSPRIG,
        /** kubectl's go-template printer: {@code exists} and {@code base64decode}. */
        KUBECTL,
        /** None: the builtins only. */
        BUILTIN
    }

    /** {@code renderStringArg}: blueprint function args, artifacts, object references. */
    public static final TemplateOptions KANISTER_ARGS = new TemplateOptions("config", MissingKey.ERROR, Functions.KSPRIG);

    /** Wait (v1) conditions after JSONPath substitution. */
    public static final TemplateOptions WAIT = new TemplateOptions("config", MissingKey.ZERO, Functions.KSPRIG);

    /** WaitV2 conditions: kubectl's go-template printer. */
    public static final TemplateOptions WAIT_V2 = new TemplateOptions("output", MissingKey.DEFAULT, Functions.KUBECTL);

    public TemplateOptions withMissingKey(MissingKey missingKey) {
        return new TemplateOptions(name, missingKey, functions);
    }

    public TemplateOptions withFunctions(Functions functions) {
        return new TemplateOptions(name, missingKey, functions);
    }
}
