package io.kanisterhooks.golang.value;

/**
 * A Go pointer, e.g. {@code *param.StatefulSetParams}: the pointer type and the value it points to (usually a
 * {@link GoStruct}), or {@code null} for a nil pointer. A nil pointer prints {@code <nil>}, is false in
 * {@code if}, and field access through it fails with {@code nil pointer evaluating *T.Field}.
 *
 * <p>Go pointer equality is identity: two {@code GoPointer}s are equal iff they point to the same object.
 */
public final class GoPointer implements GoValue {
    private final GoType type;
    private final Object target;

    private GoPointer(GoType type, Object target) {
        this.type = type;
        this.target = target;
    }

    /** A pointer of type {@code *T} to {@code target}, a value of type {@code T}. */
    public static GoPointer to(GoType pointerType, Object target) {
        if (pointerType.kind() != GoKind.POINTER) {
            throw new IllegalArgumentException(pointerType + " is not a pointer type");
        }
        if (target == null) {
            throw new IllegalArgumentException("use GoPointer.nil for a nil pointer");
        }
        return new GoPointer(pointerType, target);
    }

    /** Shorthand for a pointer to a struct value: {@code &value}. */
    public static GoPointer to(GoStruct target) {
        return new GoPointer(GoType.pointerTo(target.goType()), target);
    }

    public static GoPointer nil(GoType pointerType) {
        if (pointerType.kind() != GoKind.POINTER) {
            throw new IllegalArgumentException(pointerType + " is not a pointer type");
        }
        return new GoPointer(pointerType, null);
    }

    public boolean isNil() {
        return target == null;
    }

    /** The pointed-to value; {@code null} for a nil pointer. */
    public Object target() {
        return target;
    }

    @Override
    public GoType goType() {
        return type;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GoPointer && ((GoPointer) o).type == type && ((GoPointer) o).target == target;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(target);
    }

    @Override
    public String toString() {
        return target == null ? "<nil>" : "&" + target;
    }
}
