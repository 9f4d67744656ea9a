package io.kanisterhooks.functions;

import io.kanisterhooks.functions.args.ArgException;
import io.kanisterhooks.functions.args.ArgType;
import io.kanisterhooks.functions.args.Args;
import java.util.LinkedHashMap;
import java.util.Map;

/** The pod arguments several functions share: {@code podOverride}, {@code podLabels}, {@code podAnnotations}. */
final class PodArgs {

    private PodArgs() {
    }

    /** The rendered {@code podOverride} map, or null when the phase has none (Kanister: "no override"). */
    static Map<String, Object> podOverride(Args args) throws ArgException {
        return args.has(CommonArgs.POD_OVERRIDE) && args.raw(CommonArgs.POD_OVERRIDE) != null
                ? args.required(CommonArgs.POD_OVERRIDE, ArgType.OBJECT_MAP) : null;
    }

    /** Kanister's {@code PodLabelsFromFunctionArgs}: a map whose non-string values are skipped. */
    static Map<String, String> labels(Args args) {
        return stringValues(args.raw(CommonArgs.POD_LABELS));
    }

    static Map<String, String> annotations(Args args) {
        return stringValues(args.raw(CommonArgs.POD_ANNOTATIONS));
    }

    private static Map<String, String> stringValues(Object value) {
        Map<String, String> result = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if (v instanceof String s) {
                    result.put(String.valueOf(k), s);
                }
            });
        }
        return result;
    }
}
