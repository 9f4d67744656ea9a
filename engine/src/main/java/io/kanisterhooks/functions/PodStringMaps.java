package io.kanisterhooks.functions;

import io.kanisterhooks.functions.args.ArgException;
import io.kanisterhooks.functions.args.ArgType;
import io.kanisterhooks.functions.args.Args;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code podLabels} and {@code podAnnotations} as MultiContainerRun and PrepareData read them: decoded like any
 * {@code map[string]string} argument (numbers and booleans become strings), where KubeTask skips non-string values.
 */
final class PodStringMaps {

    private PodStringMaps() {
    }

    static Map<String, String> labels(Args args) throws ArgException {
        return decode(args, CommonArgs.POD_LABELS);
    }

    static Map<String, String> annotations(Args args) throws ArgException {
        return decode(args, CommonArgs.POD_ANNOTATIONS);
    }

    private static Map<String, String> decode(Args args, String name) throws ArgException {
        Map<String, String> value = args.optional(name, ArgType.STRING_MAP, null);
        return value == null ? new LinkedHashMap<>() : new LinkedHashMap<>(value);
    }
}
