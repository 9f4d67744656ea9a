package io.kanisterhooks.golang.value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Go type descriptor: its {@link GoKind}, the type string exactly as Go's {@code %T} prints it
 * ({@link #name()}), and what the kind needs (element and key types, struct fields, function signature,
 * methods).
 *
 * <p>Types are canonical: the composite constructors ({@link #sliceOf}, {@link #mapOf}, {@link #pointerTo},
 * {@link #arrayOf}, {@link #funcOf}) intern their results, and named types are registered once by name, so two
 * {@code GoType}s denote the same Go type iff they are the same object. {@link #parse(String)} turns a type
 * string such as {@code map[string][]interface {}} or {@code *semver.Version} back into the type (named types
 * must have been defined first).
 *
 * <p>Methods callable from templates and used by {@code fmt} ({@code String}, {@code Error}) and
 * {@code encoding/json} ({@code MarshalJSON}) are attached with {@link #defineMethod}. As in Go, the method set
 * of {@code *T} includes the methods declared on {@code T}.
 */
public final class GoType {
    private static final Map<String, GoType> NAMED = new ConcurrentHashMap<>();
    private static final Map<String, GoType> FUNC_TYPES = new ConcurrentHashMap<>();

    public static final GoType BOOL = basic(GoKind.BOOL);
    public static final GoType INT = basic(GoKind.INT);
    public static final GoType INT8 = basic(GoKind.INT8);
    public static final GoType INT16 = basic(GoKind.INT16);
    public static final GoType INT32 = basic(GoKind.INT32);
    public static final GoType INT64 = basic(GoKind.INT64);
    public static final GoType UINT = basic(GoKind.UINT);
    public static final GoType UINT8 = basic(GoKind.UINT8);
    public static final GoType UINT16 = basic(GoKind.UINT16);
    public static final GoType UINT32 = basic(GoKind.UINT32);
    public static final GoType UINT64 = basic(GoKind.UINT64);
    public static final GoType UINTPTR = basic(GoKind.UINTPTR);
    public static final GoType FLOAT32 = basic(GoKind.FLOAT32);
    public static final GoType FLOAT64 = basic(GoKind.FLOAT64);
    public static final GoType COMPLEX64 = basic(GoKind.COMPLEX64);
    public static final GoType COMPLEX128 = basic(GoKind.COMPLEX128);
    public static final GoType STRING = basic(GoKind.STRING);
    /** The empty interface {@code interface {}} (Go's {@code any}). */
    public static final GoType INTERFACE = new GoType(GoKind.INTERFACE, "interface {}", false, null, null, 0, null,
            List.of());
    /** The predeclared {@code error} interface. */
    public static final GoType ERROR = register(new GoType(GoKind.INTERFACE, "error", true, null, null, 0, null,
            List.of("Error")));

    /** {@code []byte}, printed by {@code %T} as {@code []uint8}; non-nil values are Java {@code byte[]}. */
    public static final GoType BYTES = sliceOf(UINT8);
    /** {@code []interface {}}; non-nil values are Java {@code List<Object>}. */
    public static final GoType SLICE_OF_INTERFACE = sliceOf(INTERFACE);
    /** {@code map[string]interface {}}; non-nil values are Java {@code Map<String, Object>}. */
    public static final GoType MAP_OF_INTERFACE = mapOf(STRING, INTERFACE);
    public static final GoType SLICE_OF_STRING = sliceOf(STRING);
    public static final GoType SLICE_OF_INT = sliceOf(INT);
    public static final GoType MAP_OF_STRING = mapOf(STRING, STRING);

    private final GoKind kind;
    private final String name;
    private final boolean named;
    private final GoType elem;
    private final GoType key;
    private final int length;
    private final Signature signature;
    private final List<String> interfaceMethods;
    private volatile List<StructField> fields = List.of();
    private volatile Map<String, int[]> fieldPaths = Map.of();
    private final Map<String, GoMethod> methods = new ConcurrentHashMap<>();
    private final Map<GoKind, GoType> derived = new ConcurrentHashMap<>(2);
    private final Map<GoType, GoType> mapTypesByElem = new ConcurrentHashMap<>();
    private final Map<Integer, GoType> arrayTypesByLength = new ConcurrentHashMap<>();

    private GoType(GoKind kind, String name, boolean named, GoType elem, GoType key, int length, Signature signature,
            List<String> interfaceMethods) {
        this.kind = kind;
        this.name = name;
        this.named = named;
        this.elem = elem;
        this.key = key;
        this.length = length;
        this.signature = signature;
        this.interfaceMethods = interfaceMethods;
    }

    private static GoType basic(GoKind kind) {
        return register(new GoType(kind, kind.goName(), true, null, null, 0, null, List.of()));
    }

    private static GoType register(GoType type) {
        GoType previous = NAMED.putIfAbsent(type.name, type);
        if (previous != null) {
            throw new IllegalStateException("Go type " + type.name + " is already defined");
        }
        return type;
    }

    // ---- constructors of composite types (interned) ----

    /** {@code []elem}. */
    public static GoType sliceOf(GoType elem) {
        return elem.derived.computeIfAbsent(GoKind.SLICE,
                k -> new GoType(GoKind.SLICE, "[]" + elem.name, false, elem, null, 0, null, List.of()));
    }

    /** {@code [length]elem}. */
    public static GoType arrayOf(int length, GoType elem) {
        return elem.arrayTypesByLength.computeIfAbsent(length,
                n -> new GoType(GoKind.ARRAY, "[" + n + "]" + elem.name, false, elem, null, n, null, List.of()));
    }

    /** {@code map[key]elem}. */
    public static GoType mapOf(GoType key, GoType elem) {
        return key.mapTypesByElem.computeIfAbsent(elem,
                e -> new GoType(GoKind.MAP, "map[" + key.name + "]" + e.name, false, e, key, 0, null, List.of()));
    }

    /** {@code *elem}. */
    public static GoType pointerTo(GoType elem) {
        return elem.derived.computeIfAbsent(GoKind.POINTER,
                k -> new GoType(GoKind.POINTER, "*" + elem.name, false, elem, null, 0, null, List.of()));
    }

    /** The function type with this signature, e.g. {@code func(string) string}. */
    public static GoType funcOf(Signature signature) {
        return FUNC_TYPES.computeIfAbsent(signature.toString(),
                n -> new GoType(GoKind.FUNC, n, false, null, null, 0, signature, List.of()));
    }

    /**
     * Defines a named type whose underlying type is not a struct, e.g. {@code named("param.CredentialType",
     * STRING)} or {@code named("time.Duration", INT64)}. Values of named basic types are {@link GoNamed} (string,
     * bool, float kinds) or {@link GoInt} (integer kinds).
     */
    public static GoType named(String name, GoType underlying) {
        if (underlying.kind == GoKind.STRUCT) {
            throw new IllegalArgumentException("use GoType.struct(...) for struct types");
        }
        GoType t = new GoType(underlying.kind, name, true, underlying.elem, underlying.key, underlying.length,
                underlying.signature, underlying.interfaceMethods);
        return register(t);
    }

    /** Starts the definition of a named struct type such as {@code param.StatefulSetParams}. */
    public static StructBuilder struct(String name) {
        return new StructBuilder(name);
    }

    /** The named type registered under this name (predeclared or defined), or {@code null}. */
    public static GoType lookup(String name) {
        return NAMED.get(name);
    }

    /**
     * Parses a Go type string as {@code %T} prints it: predeclared and defined names, {@code interface {}},
     * {@code []T}, {@code [N]T}, {@code map[K]V}, {@code *T} and {@code func(...) ...}.
     *
     * @throws IllegalArgumentException for bad syntax or an undefined named type
     */
    public static GoType parse(String typeString) {
        return new GoTypeSyntax(typeString).parseWhole();
    }

    // ---- accessors ----

    public GoKind kind() {
        return kind;
    }

    /** The type string exactly as Go's {@code %T} prints it. */
    public String name() {
        return name;
    }

    /** Whether the type has a name (predeclared types such as {@code string} count), as opposed to a type literal. */
    public boolean isNamed() {
        return named;
    }

    /** Element type of slices, arrays, maps and pointers; {@code null} otherwise. */
    public GoType elem() {
        return elem;
    }

    /** Key type of maps; {@code null} otherwise. */
    public GoType key() {
        return key;
    }

    /** Length of array types. */
    public int length() {
        return length;
    }

    /** The signature of function types; {@code null} otherwise. */
    public Signature signature() {
        return signature;
    }

    /** Struct fields in declaration order (empty for non-structs). */
    public List<StructField> fields() {
        return fields;
    }

    public boolean isEmptyInterface() {
        return kind == GoKind.INTERFACE && interfaceMethods.isEmpty();
    }

    /**
     * Go's {@code FieldByName}: the index path of the field with this name, looking through embedded structs
     * (the shallowest unique match wins; ambiguous names are not found). {@code null} if there is none.
     */
    public int[] fieldPath(String fieldName) {
        return fieldPaths.get(fieldName);
    }

    /** The field at the end of an index path returned by {@link #fieldPath}. */
    public StructField fieldAt(int[] path) {
        GoType t = this;
        StructField f = null;
        for (int index : path) {
            if (t.kind == GoKind.POINTER) {
                t = t.elem;
            }
            f = t.fields.get(index);
            t = f.type();
        }
        return f;
    }

    /**
     * Attaches a method, declared on this type, that templates can call ({@code .Major}) and that {@code fmt}
     * ({@code String}, {@code Error}) and {@code encoding/json} ({@code MarshalJSON}) use.
     *
     * @param goSignature the method's signature without receiver, e.g. {@code "func() int64"}
     */
    public GoType defineMethod(String methodName, String goSignature, MethodBody body) {
        methods.put(methodName, new GoMethod(methodName, Signature.parse(goSignature), body));
        return this;
    }

    /**
     * The method with this name in the type's method set: declared on the type itself or, for a pointer type,
     * on its element type. Methods declared on {@code *T} are also found for {@code T} (templates reach such
     * values through addressable fields in practice). {@code null} if there is none.
     */
    public GoMethod method(String methodName) {
        GoMethod m = methods.get(methodName);
        if (m != null) {
            return m;
        }
        if (kind == GoKind.POINTER && elem != null) {
            return elem.methods.get(methodName);
        }
        GoType p = derived.get(GoKind.POINTER);
        return p == null ? null : p.methods.get(methodName);
    }

    /** Whether any method is declared on this type or its pointer/element type (a fast check for fmt). */
    public boolean hasMethods() {
        if (!methods.isEmpty()) {
            return true;
        }
        if (kind == GoKind.POINTER && elem != null) {
            return !elem.methods.isEmpty();
        }
        GoType p = derived.get(GoKind.POINTER);
        return p != null && !p.methods.isEmpty();
    }

    /**
     * Go's {@code AssignableTo}: identical types; any type to the empty interface; a type to an interface whose
     * methods it has; or identical underlying types when at least one of the two types is unnamed.
     */
    public boolean assignableTo(GoType target) {
        if (this == target) {
            return true;
        }
        if (target.kind == GoKind.INTERFACE) {
            for (String m : target.interfaceMethods) {
                if (method(m) == null) {
                    return false;
                }
            }
            return true;
        }
        if (named && target.named) {
            return false;
        }
        return kind == target.kind && kind != GoKind.STRUCT && elem == target.elem && key == target.key
                && length == target.length && signature == target.signature;
    }

    /** Whether Go's {@code ==} is defined on values of this type. */
    public boolean comparable() {
        switch (kind) {
            case SLICE: case MAP: case FUNC:
                return false;
            case ARRAY:
                return elem.comparable();
            case STRUCT:
                for (StructField f : fields) {
                    if (!f.type().comparable()) {
                        return false;
                    }
                }
                return true;
            default:
                return true;
        }
    }

    @Override
    public String toString() {
        return name;
    }

    private void setFields(List<StructField> structFields) {
        this.fields = Collections.unmodifiableList(new ArrayList<>(structFields));
        this.fieldPaths = FieldPromotion.compute(this);
    }

    /** Builds a named struct type field by field. */
    public static final class StructBuilder {
        private final String name;
        private final List<StructField> fields = new ArrayList<>();

        private StructBuilder(String name) {
            this.name = name;
        }

        /** A field without a json tag (encoding/json then uses the Go field name). */
        public StructBuilder field(String fieldName, GoType type) {
            return field(fieldName, type, null);
        }

        /**
         * A field with the content of its {@code json:"..."} tag, e.g. {@code "name,omitempty"} or {@code "-"}.
         */
        public StructBuilder field(String fieldName, GoType type, String jsonTag) {
            fields.add(new StructField(fieldName, type, false, StructField.jsonTag(jsonTag)));
            return this;
        }

        /**
         * A field with a whole Go struct tag, e.g. {@code json:"volumes" patchStrategy:"merge,retainKeys"
         * patchMergeKey:"name"}; its {@code json} key is what encoding/json uses, the others are read with
         * {@link StructField#tag(String)}.
         */
        public StructBuilder taggedField(String fieldName, GoType type, String tag) {
            fields.add(new StructField(fieldName, type, false, tag));
            return this;
        }

        /**
         * An embedded (anonymous) field of struct or pointer-to-struct type; its fields are promoted, for
         * templates and, unless the json tag names it, for encoding/json. {@code fieldName} is the type's
         * unqualified name, e.g. {@code ObjectMeta}.
         */
        public StructBuilder embed(String fieldName, GoType type, String jsonTag) {
            fields.add(new StructField(fieldName, type, true, StructField.jsonTag(jsonTag)));
            return this;
        }

        public GoType build() {
            return register(buildLocal());
        }

        /**
         * The struct type, not registered for {@link #lookup} and {@link #parse}: for tables of types read at run
         * time (strategic merge patch's schemas), whose names may repeat from one table to the next as the names of
         * types declared in different Go packages do.
         */
        public GoType buildLocal() {
            GoType t = new GoType(GoKind.STRUCT, name, true, null, null, 0, null, List.of());
            t.setFields(fields);
            return t;
        }
    }

    /** Go's rules for promoted fields: breadth-first by embedding depth; a name found twice at one depth hides. */
    private static final class FieldPromotion {
        static Map<String, int[]> compute(GoType struct) {
            Map<String, int[]> result = new HashMap<>();
            List<int[]> level = new ArrayList<>();
            List<GoType> levelTypes = new ArrayList<>();
            level.add(new int[0]);
            levelTypes.add(struct);
            for (int depth = 0; depth < 16 && !level.isEmpty(); depth++) {
                Map<String, int[]> found = new HashMap<>();
                Map<String, Integer> count = new HashMap<>();
                List<int[]> next = new ArrayList<>();
                List<GoType> nextTypes = new ArrayList<>();
                for (int i = 0; i < level.size(); i++) {
                    List<StructField> fs = levelTypes.get(i).fields;
                    for (int j = 0; j < fs.size(); j++) {
                        StructField f = fs.get(j);
                        int[] path = append(level.get(i), j);
                        if (!result.containsKey(f.name())) {
                            found.putIfAbsent(f.name(), path);
                            count.merge(f.name(), 1, Integer::sum);
                        }
                        GoType ft = f.type().kind == GoKind.POINTER ? f.type().elem : f.type();
                        if (f.embedded() && ft != null && ft.kind == GoKind.STRUCT) {
                            next.add(path);
                            nextTypes.add(ft);
                        }
                    }
                }
                for (Map.Entry<String, int[]> e : found.entrySet()) {
                    if (count.get(e.getKey()) == 1) {
                        result.put(e.getKey(), e.getValue());
                    } else {
                        result.put(e.getKey(), null);
                    }
                }
                level = next;
                levelTypes = nextTypes;
            }
            result.values().removeIf(p -> p == null);
            return Map.copyOf(result);
        }

        private static int[] append(int[] path, int index) {
            int[] p = Arrays.copyOf(path, path.length + 1);
            p[path.length] = index;
            return p;
        }
    }
}
