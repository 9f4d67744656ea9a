package io.kanisterhooks.template.value;

/**
 * One field of a Go struct type: Go field name (what templates use), type, whether it is embedded
 * (anonymous, so its fields are promoted) and its {@code json:"..."} tag (what {@code toJson} uses).
 */
public final class StructField {
    private final String name;
    private final GoType type;
    private final boolean embedded;
    private final JsonTag json;

    StructField(String name, GoType type, boolean embedded, String jsonTag) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("struct field needs a name");
        }
        this.name = name;
        this.type = type;
        this.embedded = embedded;
        this.json = JsonTag.parse(jsonTag);
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
