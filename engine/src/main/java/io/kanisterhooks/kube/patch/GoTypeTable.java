package io.kanisterhooks.kube.patch;

import io.kanisterhooks.golang.value.GoType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Go struct definitions read from a small text format (see {@code pod-types.txt}): a {@code struct Name} or
 * {@code opaque Name} line starts a type, indented lines {@code jsonName goType [strategy[,strategy]|-] [mergeKey]} are
 * its fields. Go types are written as in Go: {@code *T}, {@code []T}, {@code map[string]T}, scalars or a struct name.
 * Each field becomes a Go struct field tagged {@code json:"jsonName" patchStrategy:"..." patchMergeKey:"..."}, named
 * like its JSON name with a capital first letter (the format does not record Go's own field names). A struct is built
 * when it is first asked for, with the structs it refers to: a {@code validate} needs the PodSpec and what it contains,
 * not the Pod's status.
 */
final class GoTypeTable {

    private static final Map<String, GoType> SCALARS = Map.of("string", GoType.STRING, "bool", GoType.BOOL,
            "int", GoType.INT, "int32", GoType.INT32, "int64", GoType.INT64, "float64", GoType.FLOAT64,
            "uint8", GoType.UINT8);

    private final Map<String, List<String[]>> fieldLines = new LinkedHashMap<>();
    private final Map<String, GoType> structs = new HashMap<>();
    private final Set<String> building = new HashSet<>();

    private GoTypeTable() {
    }

    static GoTypeTable parse(String text) {
        GoTypeTable table = new GoTypeTable();
        List<String[]> current = null;
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] words = words(line);
            if (!Character.isWhitespace(raw.charAt(0))) {
                if (words.length != 2 || !(words[0].equals("struct") || words[0].equals("opaque"))) {
                    throw new IllegalArgumentException("bad type line: " + raw);
                }
                current = new ArrayList<>();
                table.fieldLines.put(words[1], current);
            } else if (current == null || words.length < 2 || words.length > 4) {
                throw new IllegalArgumentException("bad field line: " + raw);
            } else {
                current.add(words);
            }
        }
        return table;
    }

    /**
     * The whitespace-separated words of a stripped line; by hand, because {@code split("\\s+")} compiles a pattern
     * per line, which was most of the CPU a {@code validate} spent on this table.
     */
    private static String[] words(String line) {
        List<String> words = new ArrayList<>(4);
        int start = -1;
        for (int i = 0; i <= line.length(); i++) {
            boolean space = i == line.length() || Character.isWhitespace(line.charAt(i));
            if (space && start >= 0) {
                words.add(line.substring(start, i));
                start = -1;
            } else if (!space && start < 0) {
                start = i;
            }
        }
        return words.toArray(new String[0]);
    }

    /** The names of all types, in the order the text defines them. */
    Set<String> names() {
        return fieldLines.keySet();
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

    /**
     * The struct type of this name; structs are built on first use, so they may refer to later ones. Synchronized:
     * parallel hooks share the pod table.
     */
    synchronized GoType struct(String name) {
        GoType t = structs.get(name);
        if (t != null) {
            return t;
        }
        List<String[]> lines = fieldLines.get(name);
        if (lines == null) {
            throw new IllegalArgumentException("unknown struct " + name);
        }
        if (!building.add(name)) {
            throw new IllegalArgumentException("struct " + name + " contains itself");
        }
        GoType.StructBuilder builder = GoType.struct(name);
        for (String[] words : lines) {
            builder.taggedField(Character.toUpperCase(words[0].charAt(0)) + words[0].substring(1), type(words[1]),
                    tag(words));
        }
        t = builder.buildLocal();
        structs.put(name, t);
        return t;
    }

    private static String tag(String[] words) {
        StringBuilder tag = new StringBuilder("json:\"").append(words[0]).append('"');
        if (words.length > 2 && !words[2].equals("-")) {
            tag.append(" patchStrategy:\"").append(words[2]).append('"');
        }
        if (words.length > 3) {
            tag.append(" patchMergeKey:\"").append(words[3]).append('"');
        }
        return tag.toString();
    }

    private GoType type(String expr) {
        if (expr.startsWith("*")) {
            return GoType.pointerTo(type(expr.substring(1)));
        }
        if (expr.startsWith("[]")) {
            return GoType.sliceOf(type(expr.substring(2)));
        }
        if (expr.startsWith("map[")) {
            return GoType.mapOf(GoType.STRING, type(expr.substring(expr.indexOf(']') + 1)));
        }
        GoType scalar = SCALARS.get(expr);
        return scalar != null ? scalar : struct(expr);
    }
}
