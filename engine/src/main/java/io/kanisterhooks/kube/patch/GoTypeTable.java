package io.kanisterhooks.kube.patch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Go struct definitions read from a small text format (see {@code pod-types.txt}): a {@code struct Name} or
 * {@code opaque Name} line starts a type, indented lines {@code jsonName goType [strategy[,strategy]|-] [mergeKey]} are
 * its fields. Go types are written as in Go: {@code *T}, {@code []T}, {@code map[string]T}, scalars or a struct name.
 */
final class GoTypeTable {

    private static final Set<String> SCALARS = Set.of("string", "bool", "int", "int32", "int64", "float64", "uint8");

    private final Map<String, GoType> structs = new HashMap<>();

    private GoTypeTable() {
    }

    static GoTypeTable parse(String text) {
        GoTypeTable table = new GoTypeTable();
        Map<String, List<String[]>> fieldLines = new HashMap<>();
        List<String[]> current = null;
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.split("\\s+");
            if (!Character.isWhitespace(raw.charAt(0))) {
                if (words.length != 2 || !(words[0].equals("struct") || words[0].equals("opaque"))) {
                    throw new IllegalArgumentException("bad type line: " + raw);
                }
                table.structs.put(words[1], GoType.struct(words[1]));
                current = new ArrayList<>();
                fieldLines.put(words[1], current);
            } else if (current == null || words.length < 2 || words.length > 4) {
                throw new IllegalArgumentException("bad field line: " + raw);
            } else {
                current.add(words);
            }
        }
        fieldLines.forEach((name, lines) -> table.structs.get(name).setFields(
                lines.stream().map(table::field).toList()));
        return table;
    }

    static GoTypeTable load(String resource) {
        try (InputStream in = GoTypeTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    GoType struct(String name) {
        GoType t = structs.get(name);
        if (t == null) {
            throw new IllegalArgumentException("unknown struct " + name);
        }
        return t;
    }

    private GoType.GoField field(String[] words) {
        List<String> strategies = words.length > 2 && !words[2].equals("-")
                ? Arrays.asList(words[2].split(",")) : List.of("");
        String mergeKey = words.length > 3 ? words[3] : "";
        return new GoType.GoField(words[0], type(words[1]), strategies, mergeKey);
    }

    private GoType type(String expr) {
        if (expr.startsWith("*")) {
            return GoType.pointerTo(type(expr.substring(1)));
        }
        if (expr.startsWith("[]")) {
            return GoType.sliceOf(type(expr.substring(2)));
        }
        if (expr.startsWith("map[")) {
            return GoType.mapOf(type(expr.substring(expr.indexOf(']') + 1)));
        }
        if (SCALARS.contains(expr)) {
            return GoType.scalar(expr);
        }
        return struct(expr);
    }
}
