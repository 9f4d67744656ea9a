package io.kanisterhooks.golang.value;

/**
 * A value of a named type whose underlying type is {@code string}, {@code bool} or a float, e.g.
 * {@code param.CredentialType("keyPair")} or {@code v1.SecretType("Opaque")}. {@code %T} prints the type name,
 * {@code %v} the underlying value. (Named integer types use {@link GoInt}.)
 */
public final class GoNamed implements GoValue {
    private final GoType type;
    private final Object value;

    private GoNamed(GoType type, Object value) {
        this.type = type;
        this.value = value;
    }

    public static GoNamed of(GoType type, String value) {
        return checked(type, GoKind.STRING, value);
    }

    public static GoNamed of(GoType type, boolean value) {
        return checked(type, GoKind.BOOL, value);
    }

    public static GoNamed of(GoType type, double value) {
        if (!type.kind().isFloat()) {
            throw new IllegalArgumentException(type + " is not a float type");
        }
        return new GoNamed(type, value);
    }

    private static GoNamed checked(GoType type, GoKind kind, Object value) {
        if (type.kind() != kind || !type.isNamed()) {
            throw new IllegalArgumentException(type + " is not a named " + kind + " type");
        }
        return new GoNamed(type, value);
    }

    /** The underlying value: a {@link String}, {@link Boolean} or {@link Double}. */
    public Object value() {
        return value;
    }

    @Override
    public GoType goType() {
        return type;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GoNamed && ((GoNamed) o).type == type && ((GoNamed) o).value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
