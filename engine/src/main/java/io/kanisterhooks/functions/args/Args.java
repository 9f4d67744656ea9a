package io.kanisterhooks.functions.args;

import io.kanisterhooks.golang.strings.GoStrings;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A phase's rendered arguments, read the way Kanister functions read them ({@code pkg/function/args.go}): a present
 * argument is decoded with mapstructure's weak conversions (see {@link ArgType}); a present {@code null} gives the Go
 * zero value, not the default. Map keys are taken as {@code String.valueOf(key)}.
 */
public final class Args {

    private final Map<String, Object> values;

    public Args(Map<?, ?> rendered) {
        Map<String, Object> copy = new LinkedHashMap<>();
        if (rendered != null) {
            rendered.forEach((k, v) -> copy.put(String.valueOf(k), v));
        }
        this.values = Collections.unmodifiableMap(copy);
    }

    /** Kanister's {@code ArgExists}: whether the argument is present, even with a null value. */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The argument as rendered, or null. */
    public Object raw(String name) {
        return values.get(name);
    }

    /** Kanister's {@code Arg}: {@code Argument missing <name>} when absent. */
    public <T> T required(String name, ArgType<T> type) throws ArgException {
        if (!has(name)) {
            throw new ArgException("Argument missing " + name);
        }
        return decode(name, type);
    }

    /** Kanister's {@code OptArg}: {@code defaultValue} when absent. */
    public <T> T optional(String name, ArgType<T> type, T defaultValue) throws ArgException {
        return has(name) ? decode(name, type) : defaultValue;
    }

    /**
     * Kanister's {@code GetYamlList}: a list argument, or a string holding a YAML list ({@code "- a\n- b"}, as a
     * ConfigMap value or artifact would give it). Null when the argument is absent or the YAML is empty.
     */
    public List<String> yamlList(String name) throws ArgException {
        if (!has(name)) {
            return null;
        }
        Object value = values.get(name);
        if (value instanceof List) {
            return decode(name, ArgType.STRING_LIST);
        }
        if (value instanceof String text) {
            return YamlStringList.parse(text);
        }
        throw new ArgException("Invalid " + name + " arg format");
    }

    /** Go's {@code strings.Fields}, which KubeExecAll and friends apply to their space-separated pod/container lists. */
    public static List<String> fields(String s) {
        return GoStrings.fields(s);
    }

    private <T> T decode(String name, ArgType<T> type) throws ArgException {
        try {
            return type.decodeOrZero(values.get(name), name);
        } catch (DecodeFailure e) {
            throw new ArgException("Failed to decode arg `" + name + "`: " + describe(e.problems()));
        }
    }

    /** One problem as it is; several like mapstructure's multi-error, sorted, on one line. */
    private static String describe(List<String> problems) {
        if (problems.size() == 1) {
            return problems.get(0);
        }
        List<String> sorted = problems.stream().sorted().toList();
        return problems.size() + " error(s) decoding: " + String.join("; ", sorted);
    }
}
