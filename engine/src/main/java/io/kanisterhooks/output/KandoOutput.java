package io.kanisterhooks.output;

import io.kanisterhooks.golang.json.GoJson;

/** The line {@code kando output <key> <value>} prints, byte for byte. */
public final class KandoOutput {

    /** Marks a phase output line; text before it on the same line is ordinary output. */
    public static final String MARKER = "###Phase-output###:";

    private KandoOutput() {
    }

    /** {@code ###Phase-output###: {"key":"<key>","value":"<value>"}} (no line end); rejects keys kando rejects. */
    public static String format(String key, String value) {
        OutputKeys.validate(key);
        return MARKER + " {\"key\":" + GoJson.marshal(key) + ",\"value\":" + GoJson.marshal(value) + "}";
    }

    /** {@link #format} with the newline {@code fmt.Fprintln} adds. */
    public static String formatLine(String key, String value) {
        return format(key, value) + "\n";
    }
}
