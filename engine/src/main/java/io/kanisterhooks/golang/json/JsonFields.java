package io.kanisterhooks.golang.json;

import io.kanisterhooks.golang.strings.GoStrings;
import io.kanisterhooks.golang.value.GoKind;
import io.kanisterhooks.golang.value.GoType;
import io.kanisterhooks.golang.value.StructField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * encoding/json's view of a struct type (Go's {@code typeFields}): visible fields in index order with their
 * JSON names and options, embedded structs inlined, and one dominant field per name.
 */
final class JsonFields {
    private static final Map<GoType, List<Field>> FIELDS = new ConcurrentHashMap<>();

    private JsonFields() {
    }

    static final class Field {
        final String name;
        final int[] path;
        final boolean omitEmpty;
        final boolean asString;
        final boolean tagged;
        final int depth;

        Field(String name, int[] path, boolean omitEmpty, boolean asString, boolean tagged) {
            this.name = name;
            this.path = path;
            this.omitEmpty = omitEmpty;
            this.asString = asString;
            this.tagged = tagged;
            this.depth = path.length;
        }
    }

    /** The fields encoding/json sees in a struct type, in index order. */
    static List<Field> of(GoType type) {
        return FIELDS.computeIfAbsent(type, JsonFields::planFields);
    }

    /** The field a JSON key decodes into: exact name first, then as {@code strings.EqualFold} matches; or null. */
    static Field find(GoType type, String key) {
        List<Field> fields = of(type);
        for (Field f : fields) {
            if (f.name.equals(key)) {
                return f;
            }
        }
        for (Field f : fields) {
            if (GoStrings.equalFold(f.name, key)) {
                return f;
            }
        }
        return null;
    }

    /** Go's typeFields: visible fields in index order, embedded structs inlined, the dominant field per name. */
    private static List<Field> planFields(GoType type) {
        List<Field> all = new ArrayList<>();
        collect(type, new int[0], all, 0);
        Map<String, List<Field>> byName = new HashMap<>();
        for (Field f : all) {
            byName.computeIfAbsent(f.name, k -> new ArrayList<>()).add(f);
        }
        List<Field> result = new ArrayList<>();
        for (Field f : all) {
            Field dominant = dominant(byName.get(f.name));
            if (dominant == f) {
                result.add(f);
            }
        }
        result.sort(Comparator.comparing((Field f) -> f.path, JsonFields::comparePaths));
        return List.copyOf(result);
    }

    private static Field dominant(List<Field> candidates) {
        int min = Integer.MAX_VALUE;
        for (Field f : candidates) {
            min = Math.min(min, f.depth);
        }
        Field only = null;
        int count = 0;
        int taggedCount = 0;
        Field tagged = null;
        for (Field f : candidates) {
            if (f.depth == min) {
                count++;
                only = f;
                if (f.tagged) {
                    taggedCount++;
                    tagged = f;
                }
            }
        }
        if (count == 1) {
            return only;
        }
        return taggedCount == 1 ? tagged : null;
    }

    private static int comparePaths(int[] a, int[] b) {
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (a[i] != b[i]) {
                return Integer.compare(a[i], b[i]);
            }
        }
        return Integer.compare(a.length, b.length);
    }

    private static void collect(GoType type, int[] prefix, List<Field> out, int nesting) {
        if (nesting > 16) {
            return;
        }
        List<StructField> fields = type.fields();
        for (int i = 0; i < fields.size(); i++) {
            StructField f = fields.get(i);
            StructField.JsonTag tag = f.json();
            if (tag.skip()) {
                continue;
            }
            int[] path = Arrays.copyOf(prefix, prefix.length + 1);
            path[prefix.length] = i;
            GoType ft = f.type().kind() == GoKind.POINTER ? f.type().elem() : f.type();
            if (f.embedded() && tag.name().isEmpty() && ft.kind() == GoKind.STRUCT) {
                collect(ft, path, out, nesting + 1);
                continue;
            }
            if (!f.exported()) {
                continue;
            }
            String name = tag.name().isEmpty() ? f.name() : tag.name();
            out.add(new Field(name, path, tag.omitEmpty(), tag.asString(), !tag.name().isEmpty()));
        }
    }
}
