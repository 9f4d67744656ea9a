package io.kanisterhooks.functions;

/** Argument names shared by several functions (Kanister's {@code pkg/function/args.go}). */
public final class CommonArgs {

    public static final String POD_OVERRIDE = "podOverride";
    public static final String POD_LABELS = "podLabels";
    public static final String POD_ANNOTATIONS = "podAnnotations";
    public static final String NAMESPACE = "namespace";

    private CommonArgs() {
    }
}
