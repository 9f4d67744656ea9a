package io.kanisterhooks.template.parse;

import io.kanisterhooks.golang.strconv.GoQuote;
import io.kanisterhooks.golang.strconv.GoStrconv;
import io.kanisterhooks.golang.value.GoComplex;
import io.kanisterhooks.golang.value.GoInt;
/**
 * A numeric constant, with every interpretation Go's parser derives from its text: an untyped constant can be
 * an int, a uint, a float and a complex at once ({@code 'a'} is all three of the first; {@code 2.0} is int,
 * uint and float), and the parameter type it is passed to picks one.
 */
public final class NumberNode extends Node {
    private final String text;
    private boolean isInt;
    private boolean isUint;
    private boolean isFloat;
    private boolean isComplex;
    private long int64;
    private long uint64;
    private double float64;
    private double imag;
    private Object idealConstant;
    private boolean overflowsInt;

    private NumberNode(int position, String text) {
        super(NodeType.NUMBER, position);
        this.text = text;
    }

    /**
     * Interprets a number, character or complex literal like Go's {@code newNumber}.
     *
     * @throws IllegalArgumentException with Go's message ({@code illegal number syntax: "x"},
     *     {@code integer overflow: "…"}, {@code malformed character constant: 'ab'}, {@code invalid syntax})
     */
    static NumberNode parse(int position, String text, ItemType type) {
        NumberNode n = new NumberNode(position, text);
        if (type == ItemType.CHAR_CONSTANT) {
            GoQuote.UnquotedChar c = GoQuote.unquoteChar(text.substring(1), text.charAt(0));
            if (!c.tail().equals("'")) {
                throw new IllegalArgumentException("malformed character constant: " + text);
            }
            n.int64 = c.rune();
            n.isInt = true;
            n.uint64 = c.rune();
            n.isUint = true;
            n.float64 = c.rune();
            n.isFloat = true;
        } else if (type == ItemType.COMPLEX) {
            n.parseComplex();
        } else if (!n.parseImaginary()) {
            n.parseReal();
        }
        n.computeIdealConstant();
        return n;
    }

    private void parseComplex() {
        int split = -1;
        for (int i = text.length() - 2; i > 0; i--) {
            char c = text.charAt(i);
            char before = text.charAt(i - 1);
            if ((c == '+' || c == '-') && before != 'e' && before != 'E' && before != 'p' && before != 'P') {
                split = i;
                break;
            }
        }
        Double re = split > 0 ? parseFloat(text.substring(0, split)) : null;
        Double im = split > 0 ? parseFloat(text.substring(split, text.length() - 1)) : null;
        if (re == null || im == null) {
            throw new IllegalArgumentException("syntax error scanning complex number");
        }
        isComplex = true;
        float64 = re;
        imag = im;
        simplifyComplex();
    }

    private boolean parseImaginary() {
        if (!text.endsWith("i")) {
            return false;
        }
        Double f = parseFloat(text.substring(0, text.length() - 1));
        if (f == null) {
            return false;
        }
        isComplex = true;
        float64 = 0;
        imag = f;
        simplifyComplex();
        return true;
    }

    private void simplifyComplex() {
        isFloat = imag == 0;
        if (isFloat) {
            isInt = isInt64(float64);
            if (isInt) {
                int64 = (long) float64;
            }
            isUint = isUint64(float64);
            if (isUint) {
                uint64 = toUint64Bits(float64);
            }
        }
    }

    private void parseReal() {
        Long u = parseUint(text);
        if (u != null) {
            isUint = true;
            uint64 = u;
        }
        Long i = parseInt(text);
        if (i != null) {
            isInt = true;
            int64 = i;
            if (i == 0) {
                isUint = true;
                uint64 = u == null ? 0 : u;
            }
        }
        if (isInt) {
            isFloat = true;
            float64 = int64;
        } else if (isUint) {
            isFloat = true;
            float64 = uint64 < 0 ? (double) (uint64 >>> 1) * 2.0 + (uint64 & 1) : uint64;
        } else {
            Double f = parseFloat(text);
            if (f != null) {
                if (!containsAny(text, ".eEpP")) {
                    throw new IllegalArgumentException("integer overflow: " + GoQuote.quote(text));
                }
                isFloat = true;
                float64 = f;
                if (isInt64(f)) {
                    isInt = true;
                    int64 = (long) (double) f;
                }
                if (isUint64(f)) {
                    isUint = true;
                    uint64 = toUint64Bits(f);
                }
            }
        }
        if (!isInt && !isUint && !isFloat) {
            throw new IllegalArgumentException("illegal number syntax: " + GoQuote.quote(text));
        }
    }

    /** The value the constant has where no type is expected (Go's {@code idealConstant}). */
    private void computeIdealConstant() {
        boolean hexInt = text.length() > 2 && text.charAt(0) == '0'
                && (text.charAt(1) == 'x' || text.charAt(1) == 'X') && !containsAny(text, "pP");
        boolean runeInt = text.charAt(0) == '\'';
        if (isComplex) {
            idealConstant = new GoComplex(float64, imag);
        } else if (isFloat && !hexInt && !runeInt && containsAny(text, ".eEpP")) {
            idealConstant = float64;
        } else if (isInt) {
            idealConstant = GoInt.ofInt(int64);
        } else if (isUint) {
            overflowsInt = true;
        }
    }

    private static boolean containsAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    public String text() {
        return text;
    }

    public boolean isInt() {
        return isInt;
    }

    public boolean isUint() {
        return isUint;
    }

    public boolean isFloat() {
        return isFloat;
    }

    public boolean isComplex() {
        return isComplex;
    }

    public long int64() {
        return int64;
    }

    /** The unsigned value's 64 bits. */
    public long uint64() {
        return uint64;
    }

    public double float64() {
        return float64;
    }

    public double imag() {
        return imag;
    }

    /** The untyped constant's default value: {@code int}, {@code float64} or {@code complex128}. */
    public Object idealConstant() {
        return idealConstant;
    }

    /** Whether the constant is an unsigned integer too large for {@code int} ({@code 18446744073709551615}). */
    public boolean overflowsInt() {
        return overflowsInt;
    }

    @Override
    void writeTo(StringBuilder sb) {
        sb.append(text);
    }

    /** {@code strconv.ParseInt(s, 0, 64)}; null where Go returns an error. */
    private static Long parseInt(String s) {
        try {
            return GoStrconv.parseInt(s, 0, 64);
        } catch (GoStrconv.NumError e) {
            return null;
        }
    }

    /** {@code strconv.ParseUint(s, 0, 64)}: the value's 64 bits; null where Go returns an error. */
    private static Long parseUint(String s) {
        try {
            return GoStrconv.parseUint(s, 0, 64);
        } catch (GoStrconv.NumError e) {
            return null;
        }
    }

    /** {@code strconv.ParseFloat(s, 64)}; null where Go returns an error (syntax, or overflow to ±Inf). */
    private static Double parseFloat(String s) {
        try {
            return GoStrconv.parseFloat(s);
        } catch (GoStrconv.NumError e) {
            return null;
        }
    }

    /** Whether {@code f} converts exactly to an int64 ({@code float64(int64(f)) == f} on amd64). */
    private static boolean isInt64(double f) {
        return f >= -0x1p63 && f < 0x1p63 && f == Math.rint(f);
    }

    /** Whether {@code f} converts exactly to a uint64. */
    private static boolean isUint64(double f) {
        return f >= 0 && f < 0x1p64 && f == Math.rint(f);
    }

    /** The uint64 bits of an integral {@code f} in [0, 2^64). */
    private static long toUint64Bits(double f) {
        if (f < 0x1p63) {
            return (long) f;
        }
        return (long) (f - 0x1p63) ^ Long.MIN_VALUE;
    }
}
