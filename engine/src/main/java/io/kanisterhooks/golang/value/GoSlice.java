package io.kanisterhooks.golang.value;

import java.util.Collections;
import java.util.List;

/**
 * A slice (or array) whose Go type is not the default: a typed slice such as {@code []string} (sprig's
 * {@code splitList}), {@code []int} ({@code until}) or {@code [][]string} ({@code Containers}), or a nil slice
 * of any type ({@code []byte(nil)}, {@code []interface {}(nil)}). Non-nil {@code []interface {}} is a plain
 * {@code List<Object>} and non-nil {@code []byte} a {@code byte[]}; this class refuses those to keep one
 * representation per Go value.
 *
 * <p>Elements are values of the element type in the value model (Strings for {@code []string}, {@link GoInt}
 * for {@code []int}, ...). The list is not copied; do not mutate it after handing it to a template.
 */
public final class GoSlice implements GoValue {
    private final GoType type;
    private final List<Object> elements;

    private GoSlice(GoType type, List<Object> elements) {
        this.type = type;
        this.elements = elements;
    }

    /** A non-nil slice or array of the given type. */
    @SuppressWarnings("unchecked")
    public static GoSlice of(GoType type, List<?> elements) {
        GoKind k = type.kind();
        if (k != GoKind.SLICE && k != GoKind.ARRAY) {
            throw new IllegalArgumentException(type + " is not a slice or array type");
        }
        if (elements == null) {
            throw new IllegalArgumentException("use GoSlice.nil for a nil slice");
        }
        if (type == GoType.SLICE_OF_INTERFACE) {
            throw new IllegalArgumentException("a non-nil []interface {} is a plain java.util.List");
        }
        if (type.elem().kind() == GoKind.UINT8 && !type.isNamed() && k == GoKind.SLICE) {
            throw new IllegalArgumentException("a non-nil []byte is a Java byte[]");
        }
        return new GoSlice(type, (List<Object>) elements);
    }

    /** The nil slice of the given slice type. */
    public static GoSlice nil(GoType type) {
        if (type.kind() != GoKind.SLICE) {
            throw new IllegalArgumentException(type + " is not a slice type");
        }
        return new GoSlice(type, null);
    }

    public boolean isNil() {
        return elements == null;
    }

    /** The elements; empty for a nil slice. */
    public List<Object> elements() {
        return elements == null ? Collections.emptyList() : elements;
    }

    public int size() {
        return elements == null ? 0 : elements.size();
    }

    @Override
    public GoType goType() {
        return type;
    }

    @Override
    public String toString() {
        return type + String.valueOf(elements);
    }
}
