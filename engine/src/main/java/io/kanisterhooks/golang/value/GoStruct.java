package io.kanisterhooks.golang.value;

import io.kanisterhooks.golang.errors.GoError;
import java.util.Arrays;
import java.util.List;

/**
 * A value of a struct type built with {@link GoType#struct}: one value per declared field, in declaration
 * order. Fields are accessed by Go field name; embedded fields' fields are promoted.
 *
 * <p>A new struct has every field at its zero value ({@link Values#zero}); {@link #set} fills fields while the
 * value is being built. Treat it as immutable once it is handed to a template.
 */
public final class GoStruct implements GoValue {
    private final GoType type;
    private final Object[] values;

    private GoStruct(GoType type, Object[] values) {
        this.type = type;
        this.values = values;
    }

    /** The zero value of a struct type. */
    public static GoStruct zero(GoType type) {
        if (type.kind() != GoKind.STRUCT) {
            throw new IllegalArgumentException(type + " is not a struct type");
        }
        List<StructField> fields = type.fields();
        Object[] values = new Object[fields.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Values.zero(fields.get(i).type());
        }
        return new GoStruct(type, values);
    }

    /** A struct with all field values given in declaration order. */
    public static GoStruct of(GoType type, Object... fieldValues) {
        GoStruct s = zero(type);
        if (fieldValues.length != s.values.length) {
            throw new IllegalArgumentException(type + " has " + s.values.length + " fields, got "
                    + fieldValues.length + " values");
        }
        for (int i = 0; i < fieldValues.length; i++) {
            s.set(i, fieldValues[i]);
        }
        return s;
    }

    /**
     * Sets a directly declared field (not a promoted one) and returns this struct.
     *
     * @throws IllegalArgumentException if there is no such field or the value's type is not assignable
     */
    public GoStruct set(String fieldName, Object value) {
        List<StructField> fields = type.fields();
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(fieldName)) {
                return set(i, value);
            }
        }
        throw new IllegalArgumentException(type + " has no field " + fieldName);
    }

    /** Sets the field at a declaration index (see {@link #set(String, Object)}). */
    public GoStruct set(int index, Object value) {
        StructField f = type.fields().get(index);
        Object v = value;
        if (v == null) {
            v = Values.zero(f.type());
        } else {
            GoType vt = Values.typeOf(v);
            if (!vt.assignableTo(f.type())) {
                throw new IllegalArgumentException("field " + type + "." + f.name() + " has type " + f.type()
                        + ", not " + vt);
            }
        }
        values[index] = v;
        return this;
    }

    /** The value of the field at a declaration index. */
    public Object field(int index) {
        return values[index];
    }

    /**
     * The value of a field, possibly promoted from an embedded struct. {@code null} if there is no such field
     * (or the field is an interface holding nil).
     *
     * @throws GoError if the path runs through a nil embedded pointer
     */
    public Object field(String fieldName) {
        int[] path = type.fieldPath(fieldName);
        return path == null ? null : fieldByPath(path);
    }

    /** The value at an index path returned by {@link GoType#fieldPath}. */
    public Object fieldByPath(int[] path) {
        Object v = this;
        for (int index : path) {
            if (v instanceof GoPointer) {
                GoPointer p = (GoPointer) v;
                if (p.isNil()) {
                    throw new GoError("invalid memory address or nil pointer dereference");
                }
                v = p.target();
            }
            v = ((GoStruct) v).values[index];
        }
        return v;
    }

    @Override
    public GoType goType() {
        return type;
    }

    /** Go's {@code ==} for comparable structs: same type and equal fields. */
    @Override
    public boolean equals(Object o) {
        return o instanceof GoStruct && ((GoStruct) o).type == type && Arrays.equals(((GoStruct) o).values, values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return type + Arrays.toString(values);
    }
}
