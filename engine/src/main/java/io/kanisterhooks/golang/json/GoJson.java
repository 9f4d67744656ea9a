package io.kanisterhooks.golang.json;

import io.kanisterhooks.golang.value.GoType;
import io.kanisterhooks.golang.value.StructField;

/**
 * Go's {@code encoding/json} for the template value model.
 *
 * <p>{@link #marshal}/{@link #marshalIndent} follow {@code json.Marshal}/{@code json.MarshalIndent} (what
 * sprig's {@code toJson}/{@code toPrettyJson} and JSONPath printing use): map keys sorted, {@code <>&} escaped
 * as {@code \u003c\u003e\u0026}, U+2028/U+2029 escaped, {@code \b}/{@code \f} short escapes (Go 1.22+),
 * floats as {@code %f} unless |x| &lt; 1e-6 or ≥ 1e21 (then {@code 1e-7}, {@code 1e+21}), {@code []byte} as
 * base64, nil slices, maps and pointers as {@code null}, struct fields by json tag with {@code omitempty},
 * {@code -}, {@code ,string} and embedded-struct promotion, and {@code MarshalJSON} methods.
 *
 * <p>{@link #decode} reads JSON into the value model as Kubernetes' unstructured decoding does
 * ({@link NumberMode#INT64}) or as plain {@code encoding/json} does ({@link NumberMode#FLOAT64}).
 */
public final class GoJson {
    private GoJson() {
    }

    /** How JSON numbers become Go values. */
    public enum NumberMode {
        /** Integer literals that fit become {@code int64} ({@link Long}); all other numbers {@code float64}. */
        INT64,
        /** Every number becomes {@code float64} ({@link Double}), like {@code json.Unmarshal} into interface{}. */
        FLOAT64
    }

    /**
     * {@code json.Marshal(value)}.
     *
     * @throws io.kanisterhooks.golang.errors.GoError with Go's message for unsupported values
     *     ({@code json: unsupported value: NaN}, {@code json: unsupported type: complex128}, ...)
     */
    public static String marshal(Object value) {
        StringBuilder sb = new StringBuilder();
        new JsonEncoder(sb).encode(value);
        return sb.toString();
    }

    /** {@code json.MarshalIndent(value, prefix, indent)}. */
    public static String marshalIndent(Object value, String prefix, String indent) {
        return JsonIndenter.indent(marshal(value), prefix, indent);
    }

    /**
     * Decodes JSON text into the value model: objects become {@code Map<String, Object>}, arrays
     * {@code List<Object>} (remembering the capacity Go's decoder would have given them), strings, booleans,
     * {@code null}, and numbers per {@code mode}.
     *
     * @throws JsonSyntaxException for malformed JSON, with Go's text ({@code invalid character 'x' after object key})
     * @throws io.kanisterhooks.golang.errors.GoError for a number beyond float64, with Go's text
     */
    public static Object decode(String json, NumberMode mode) {
        return new JsonDecoder(json, mode).decodeDocument();
    }

    /**
     * {@code json.Unmarshal} into a value of a Go type: structs by json tag (exact key first, then
     * case-insensitively), embedded structs promoted, unknown keys ignored, {@code null} leaving non-nillable
     * values at zero, base64 for {@code []byte}, numbers checked against integer ranges. {@code interface {}}
     * parts are decoded as by {@link #decode} with {@code mode}.
     *
     * @throws io.kanisterhooks.golang.errors.GoError with Go's text for type mismatches
     *     ({@code json: cannot unmarshal string into Go value of type int})
     * @throws JsonSyntaxException for malformed JSON, with Go's text; it wins over type errors, as in Go
     */
    public static Object unmarshal(String json, GoType type, NumberMode mode) {
        return new TypedJsonDecoder(json, mode).decodeDocument(type);
    }

    /** A struct field as encoding/json sees it: the JSON name it is encoded under, and the Go field. */
    public record Field(String name, StructField field) {
    }

    /**
     * The field of a struct type that {@code json.Unmarshal} decodes the object key {@code key} into: the exact JSON
     * name first, else the first one equal under {@code strings.EqualFold}; embedded structs promoted, {@code
     * json:"-"} and unexported fields left out. {@code null} when there is none (Go ignores such keys).
     */
    public static Field fieldForKey(GoType struct, String key) {
        JsonFields.Field f = JsonFields.find(struct, key);
        return f == null ? null : new Field(f.name, struct.fieldAt(f.path));
    }
}
