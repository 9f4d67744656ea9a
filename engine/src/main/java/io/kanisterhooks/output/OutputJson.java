package io.kanisterhooks.output;

import io.kanisterhooks.golang.errors.GoError;
import io.kanisterhooks.golang.json.GoJson;
import io.kanisterhooks.golang.value.GoStruct;
import io.kanisterhooks.golang.value.GoType;

/**
 * Decodes a phase output payload the way Go's {@code json.Unmarshal} fills Kanister's {@code Output{Key, Value string}}
 * ({@link GoJson#unmarshal}): the whole text must be one valid JSON value (Go's syntax error texts), a top-level
 * {@code null} leaves both fields empty, object members are matched to {@code key}/{@code value} exactly or
 * case-insensitively, unknown members and {@code null} members are ignored, and a member of another type than string
 * is an error.
 */
final class OutputJson {

    private static final GoType OUTPUT = GoType.struct("output.Output")
            .field("Key", GoType.STRING, "key")
            .field("Value", GoType.STRING, "value")
            .build();

    private OutputJson() {
    }

    /** A key/value pair decoded from one payload. */
    record KeyValue(String key, String value) {
    }

    /** Thrown with Go's error text. */
    static final class JsonException extends Exception {
        JsonException(String message) {
            super(message);
        }
    }

    static KeyValue decode(String payload) throws JsonException {
        GoStruct output;
        try {
            output = (GoStruct) GoJson.unmarshal(payload, OUTPUT, GoJson.NumberMode.FLOAT64);
        } catch (GoError | IllegalArgumentException e) {
            throw new JsonException(e.getMessage());
        }
        return new KeyValue((String) output.field("Key"), (String) output.field("Value"));
    }
}
