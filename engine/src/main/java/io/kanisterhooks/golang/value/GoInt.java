package io.kanisterhooks.golang.value;

/**
 * An integer of any Go integer type other than plain {@code int64} (which is {@link Long}): {@code int} (Go
 * constants, {@code len}, many sprig results; 64-bit), {@code int32}, {@code uint8}, {@code uint64} and named
 * integer types. The bits are kept in a {@code long}; for unsigned types they are read as unsigned.
 */
public final class GoInt extends Number implements GoValue, Comparable<GoInt> {
    private static final long serialVersionUID = 1L;
    private static final int CACHE_LOW = -128;
    private static final int CACHE_HIGH = 1024;
    private static final GoInt[] INT_CACHE = new GoInt[CACHE_HIGH - CACHE_LOW + 1];

    static {
        for (int i = 0; i < INT_CACHE.length; i++) {
            INT_CACHE[i] = new GoInt(GoType.INT, i + CACHE_LOW);
        }
    }

    private final transient GoType type;
    private final long bits;

    private GoInt(GoType type, long bits) {
        this.type = type;
        this.bits = bits;
    }

    /** A Go {@code int}. */
    public static GoInt ofInt(long value) {
        if (value >= CACHE_LOW && value <= CACHE_HIGH) {
            return INT_CACHE[(int) value - CACHE_LOW];
        }
        return new GoInt(GoType.INT, value);
    }

    /** A Go {@code int32} (also {@code rune}). */
    public static GoInt ofInt32(int value) {
        return new GoInt(GoType.INT32, value);
    }

    /** A Go {@code uint8} (also {@code byte}). */
    public static GoInt ofUint8(int value) {
        return new GoInt(GoType.UINT8, value & 0xFF);
    }

    /**
     * Go's conversion {@code T(value)} for an integer type {@code T}: keeps the low bits of {@code value} that
     * fit the type (sign-extended for signed types). Returns a {@link Long} for plain {@code int64}.
     */
    public static Number of(GoType type, long value) {
        if (type == GoType.INT64) {
            return value;
        }
        return ofType(type, value);
    }

    /** Like {@link #of} but always a {@code GoInt}, also for {@code int64} (used for named int64 types). */
    public static GoInt ofType(GoType type, long value) {
        GoKind k = type.kind();
        if (!k.isInteger()) {
            throw new IllegalArgumentException(type + " is not an integer type");
        }
        if (type == GoType.INT && value >= CACHE_LOW && value <= CACHE_HIGH) {
            return INT_CACHE[(int) value - CACHE_LOW];
        }
        return new GoInt(type, truncate(k, value));
    }

    static long truncate(GoKind k, long v) {
        switch (k) {
            case INT8: return (byte) v;
            case INT16: return (short) v;
            case INT32: return (int) v;
            case UINT8: return v & 0xFFL;
            case UINT16: return v & 0xFFFFL;
            case UINT32: return v & 0xFFFF_FFFFL;
            default: return v;
        }
    }

    @Override
    public GoType goType() {
        return type;
    }

    public boolean isUnsigned() {
        return type.kind().isUnsignedInteger();
    }

    /** The value as a signed 64-bit number (Go's {@code Value.Int()}); for unsigned types the raw bits. */
    @Override
    public long longValue() {
        return bits;
    }

    @Override
    public int intValue() {
        return (int) bits;
    }

    @Override
    public float floatValue() {
        return (float) doubleValue();
    }

    @Override
    public double doubleValue() {
        if (isUnsigned() && bits < 0) {
            return (double) (bits >>> 1) * 2.0 + (bits & 1);
        }
        return bits;
    }

    @Override
    public int compareTo(GoInt o) {
        return isUnsigned() ? Long.compareUnsigned(bits, o.bits) : Long.compare(bits, o.bits);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GoInt && ((GoInt) o).type == type && ((GoInt) o).bits == bits;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(bits) * 31 + type.hashCode();
    }

    /** Decimal digits of the value, unsigned for unsigned types. */
    @Override
    public String toString() {
        return isUnsigned() ? Long.toUnsignedString(bits) : Long.toString(bits);
    }
}
