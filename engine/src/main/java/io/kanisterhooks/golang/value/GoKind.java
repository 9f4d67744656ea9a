package io.kanisterhooks.golang.value;

/**
 * Go's {@code reflect.Kind}: the category of a {@link GoType}. {@link #goName()} is what
 * {@code reflect.Kind.String()} returns, which sprig's {@code kindOf}/{@code kindIs} expose.
 */
public enum GoKind {
    INVALID("invalid"),
    BOOL("bool"),
    INT("int"),
    INT8("int8"),
    INT16("int16"),
    INT32("int32"),
    INT64("int64"),
    UINT("uint"),
    UINT8("uint8"),
    UINT16("uint16"),
    UINT32("uint32"),
    UINT64("uint64"),
    UINTPTR("uintptr"),
    FLOAT32("float32"),
    FLOAT64("float64"),
    COMPLEX64("complex64"),
    COMPLEX128("complex128"),
    ARRAY("array"),
    CHAN("chan"),
    FUNC("func"),
    INTERFACE("interface"),
    MAP("map"),
    POINTER("ptr"),
    SLICE("slice"),
    STRING("string"),
    STRUCT("struct"),
    UNSAFE_POINTER("unsafe.Pointer");

    private final String goName;

    GoKind(String goName) {
        this.goName = goName;
    }

    /** The name Go's {@code reflect.Kind.String()} prints, e.g. {@code "ptr"} for pointers. */
    public String goName() {
        return goName;
    }

    public boolean isSignedInteger() {
        return this == INT || this == INT8 || this == INT16 || this == INT32 || this == INT64;
    }

    public boolean isUnsignedInteger() {
        return this == UINT || this == UINT8 || this == UINT16 || this == UINT32 || this == UINT64 || this == UINTPTR;
    }

    public boolean isInteger() {
        return isSignedInteger() || isUnsignedInteger();
    }

    public boolean isFloat() {
        return this == FLOAT32 || this == FLOAT64;
    }

    public boolean isComplex() {
        return this == COMPLEX64 || this == COMPLEX128;
    }

    /** Kinds whose zero value is nil (Go's {@code canBeNil}). */
    public boolean isNillable() {
        return this == CHAN || this == FUNC || this == INTERFACE || this == MAP || this == POINTER || this == SLICE;
    }

    /** Bit width of sized numeric kinds; {@code int}, {@code uint} and {@code uintptr} are 64-bit as on amd64. */
    public int bits() {
        switch (this) {
            case INT8: case UINT8: return 8;
            case INT16: case UINT16: return 16;
            case INT32: case UINT32: case FLOAT32: return 32;
            case COMPLEX64: return 64;
            case COMPLEX128: return 128;
            default: return 64;
        }
    }

    @Override
    public String toString() {
        return goName;
    }
}
