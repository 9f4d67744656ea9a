package io.kanisterhooks.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes JSON into the plain values templates and JSONPath work on: {@code Map<String,Object>}, {@code List<Object>},
 * {@code String}, {@code Long}, {@code Double}, {@code Boolean}, {@code null}. How numbers are typed matters to Go
 * templates ({@code eq 3 .n} is an error if {@code .n} is a float), so both of Go's conventions are offered.
 */
public final class JsonData {

    /** How JSON numbers become Go numbers. */
    public enum Numbers {
        /**
         * Kubernetes' unstructured decoding (Kanister's {@code .Object}, Wait objects): an integer literal that fits
         * in int64 is {@code int64}, every other number {@code float64}.
         */
        INT64,
        /** Plain {@code encoding/json} into {@code interface{}}: every number is {@code float64}. */
        FLOAT64
    }

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private JsonData() {
    }

    /** Decodes one JSON document; throws {@link IllegalArgumentException} with the parser's message if it is invalid. */
    public static Object decode(String json, Numbers numbers) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new IllegalArgumentException("empty JSON document");
            }
            Object value = read(parser, first, numbers);
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("invalid JSON: data after the top-level value");
            }
            return value;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("invalid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object read(JsonParser parser, JsonToken token, Numbers numbers) throws IOException {
        switch (token) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String key = parser.currentName();
                    map.put(key, read(parser, parser.nextToken(), numbers));
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    list.add(read(parser, t, numbers));
                }
                return list;
            }
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
                if (numbers == Numbers.INT64 && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                    return parser.getLongValue();
                }
                return Double.parseDouble(parser.getText());
            case VALUE_NUMBER_FLOAT:
                return Double.parseDouble(parser.getText());
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new IllegalArgumentException("invalid JSON token " + token);
        }
    }
}
