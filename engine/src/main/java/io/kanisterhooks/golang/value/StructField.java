package io.kanisterhooks.golang.value;

import io.kanisterhooks.golang.strconv.GoQuote;

/**
 * One field of a Go struct type: Go field name (what templates use), type, whether it is embedded
 * (anonymous, so its fields are promoted) and its struct tag: the {@code json:"..."} key is what {@code toJson}
 * uses, others ({@code patchStrategy}, {@code patchMergeKey}) are read with {@link #tag(String)}.
 */
public final class StructField {
    private final String name;
    private final GoType type;
    private final boolean embedded;
    private final String tag;
    private final JsonTag json;

    /** @param tag the whole Go struct tag ({@code json:"name,omitempty" patchMergeKey:"name"}), "" for none */
    StructField(String name, GoType type, boolean embedded, String tag) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("struct field needs a name");
        }
        this.name = name;
        this.type = type;
        this.embedded = embedded;
        this.tag = tag;
        this.json = JsonTag.parse(lookup(tag, "json"));
    }

    /** The struct tag holding just a {@code json} key with this content; "" for none ({@code null}). */
    static String jsonTag(String content) {
        return content == null ? "" : "json:" + GoQuote.quote(content);
    }

    public String name() {
        return name;
    }

    public GoType type() {
        return type;
    }

    public boolean embedded() {
        return embedded;
    }

    /** Go exports identifiers that start with an upper-case letter; only those are visible to templates and JSON. */
    public boolean exported() {
        return Character.isUpperCase(name.codePointAt(0));
    }

    public JsonTag json() {
        return json;
    }

    /** Go's {@code StructTag.Get(key)}: the value of the key in the field's tag, "" when absent. */
    public String tag(String key) {
        String value = lookup(tag, key);
        return value == null ? "" : value;
    }

    /** Go's {@code StructTag.Lookup}: the value of {@code key}, or null when absent or when the tag is malformed. */
    private static String lookup(String tag, String key) {
        int i = 0;
        int n = tag.length();
        while (i < n) {
            while (i < n && tag.charAt(i) == ' ') {
                i++;
            }
            int nameStart = i;
            while (i < n && tag.charAt(i) > ' ' && tag.charAt(i) != ':' && tag.charAt(i) != '"'
                    && tag.charAt(i) != 0x7f) {
                i++;
            }
            if (i == nameStart || i + 1 >= n || tag.charAt(i) != ':' || tag.charAt(i + 1) != '"') {
                return null;
            }
            String name = tag.substring(nameStart, i);
            int valueStart = i + 1;
            i = valueStart + 1;
            while (i < n && tag.charAt(i) != '"') {
                if (tag.charAt(i) == '\\') {
                    i++;
                }
                i++;
            }
            if (i >= n) {
                return null;
            }
            i++;
            if (name.equals(key)) {
                try {
                    return GoQuote.unquote(tag.substring(valueStart, i));
                } catch (IllegalArgumentException malformed) {
                    return null;
                }
            }
        }
        return null;
    }

    /**
     * The parsed value of a {@code json:"name,opt,..."} struct tag. {@code null} tag text means no tag.
     */
    public static final class JsonTag {
        static final JsonTag NONE = new JsonTag("", false, false, false);

        private final String name;
        private final boolean omitEmpty;
        private final boolean skip;
        private final boolean asString;

        private JsonTag(String name, boolean omitEmpty, boolean skip, boolean asString) {
            this.name = name;
            this.omitEmpty = omitEmpty;
            this.skip = skip;
            this.asString = asString;
        }

        static JsonTag parse(String tag) {
            if (tag == null || tag.isEmpty()) {
                return NONE;
            }
            if (tag.equals("-")) {
                return new JsonTag("", false, true, false);
            }
            String[] parts = tag.split(",", -1);
            boolean omitEmpty = false;
            boolean asString = false;
            for (int i = 1; i < parts.length; i++) {
                omitEmpty |= parts[i].equals("omitempty");
                asString |= parts[i].equals("string");
            }
            return new JsonTag(parts[0], omitEmpty, false, asString);
        }

        /** The key given by the tag, or "" when the tag names none (then the Go field name is used). */
        public String name() {
            return name;
        }

        public boolean omitEmpty() {
            return omitEmpty;
        }

        /** {@code json:"-"}: never marshalled. */
        public boolean skip() {
            return skip;
        }

        /** The {@code ,string} option: scalars are marshalled inside a JSON string. */
        public boolean asString() {
            return asString;
        }
    }
}
