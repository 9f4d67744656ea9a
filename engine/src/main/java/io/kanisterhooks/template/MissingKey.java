package io.kanisterhooks.template;

/** Go's {@code missingkey=...} option: what a missing map key yields in {@code .a.b} field syntax. */
public enum MissingKey {
    /** {@code missingkey=default} (also {@code invalid}): no value; prints {@code <no value>}. */
    DEFAULT,
    /** {@code missingkey=zero}: the zero value of the map's element type ({@code ""} for map[string]string). */
    ZERO,
    /** {@code missingkey=error}: execution stops with {@code map has no entry for key "x"} (Kanister renders). */
    ERROR;

    /** Parses Go's option value: {@code default}, {@code invalid}, {@code zero} or {@code error}. */
    public static MissingKey parse(String goOption) {
        switch (goOption) {
            case "default":
            case "invalid":
                return DEFAULT;
            case "zero":
                return ZERO;
            case "error":
                return ERROR;
            default:
                throw new IllegalArgumentException("unrecognized option: missingkey=" + goOption);
        }
    }
}
