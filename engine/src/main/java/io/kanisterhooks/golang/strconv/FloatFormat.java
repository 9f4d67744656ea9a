package io.kanisterhooks.golang.strconv;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Go's {@code strconv.FormatFloat}: formats {@code 'e' 'E' 'f' 'g' 'G' 'b' 'x' 'X'} with a precision or, for
 * precision -1, the shortest digits that read back to the same float. Digits come from the exact binary value
 * (rounded half to even), never from {@link Double#toString}, whose output differs from Go's.
 */
public final class FloatFormat {
    private static final MathContext[] SIGNIFICANT = new MathContext[18];

    static {
        for (int i = 1; i < SIGNIFICANT.length; i++) {
            SIGNIFICANT[i] = new MathContext(i, RoundingMode.HALF_EVEN);
        }
    }

    private FloatFormat() {
    }

    /**
     * {@code strconv.FormatFloat(v, fmt, prec, bitSize)}.
     *
     * @param bitSize 64, or 32 to format {@code v} as a float32 (shortest digits for the float32 value)
     */
    /** {@code strconv.FormatFloat(v, 'f', -1, 64)}: shortest round-trip digits, never an exponent. */
    public static String format64F(double v) {
        return format(v, 'f', -1, 64);
    }

    /** {@code strconv.FormatFloat(v, 'g', -1, 64)}, which is also fmt's {@code %v} of a float64. */
    public static String format64G(double v) {
        return format(v, 'g', -1, 64);
    }

    /** {@code strconv.FormatFloat(v, 'g', -1, 32)}: shortest digits that read back as the same float32. */
    public static String format32G(double v) {
        return format((float) v, 'g', -1, 32);
    }

    public static String format(double v, char fmt, int prec, int bitSize) {
        StringBuilder sb = new StringBuilder(24);
        append(sb, v, fmt, prec, bitSize);
        return sb.toString();
    }

    /** {@link #format} into a builder. */
    public static void append(StringBuilder sb, double v, char fmt, int prec, int bitSize) {
        if (bitSize == 32) {
            v = (float) v;
        }
        if (Double.isNaN(v)) {
            sb.append("NaN");
            return;
        }
        if (Double.isInfinite(v)) {
            sb.append(v > 0 ? "+Inf" : "-Inf");
            return;
        }
        boolean neg = (Double.doubleToRawLongBits(v) < 0);
        if (fmt == 'b') {
            appendBinary(sb, v, neg, bitSize);
            return;
        }
        if (fmt == 'x' || fmt == 'X') {
            appendHex(sb, v, neg, prec, fmt, bitSize);
            return;
        }
        double abs = Math.abs(v);
        boolean shortest = prec < 0;
        Digits digits;
        if (shortest) {
            digits = Digits.shortest(abs, bitSize);
            switch (fmt) {
                case 'e': case 'E': prec = Math.max(digits.nd() - 1, 0); break;
                case 'f': prec = Math.max(digits.nd() - digits.dp, 0); break;
                default: prec = digits.nd(); break;
            }
        } else {
            switch (fmt) {
                case 'e': case 'E': digits = Digits.significant(abs, prec + 1); break;
                case 'f': digits = Digits.fixed(abs, prec); break;
                default:
                    if (prec == 0) {
                        prec = 1;
                    }
                    digits = Digits.significant(abs, prec);
                    break;
            }
        }
        formatDigits(sb, shortest, neg, digits, prec, fmt);
    }

    private static void formatDigits(StringBuilder sb, boolean shortest, boolean neg, Digits d, int prec, char fmt) {
        switch (fmt) {
            case 'e':
            case 'E':
                fmtE(sb, neg, d, prec, fmt);
                return;
            case 'f':
                fmtF(sb, neg, d, prec);
                return;
            case 'g':
            case 'G': {
                int eprec = prec;
                if (eprec > d.nd() && d.nd() >= d.dp) {
                    eprec = d.nd();
                }
                // shortest %g switches to %e at exponent 6 (1e+06), unlike JavaScript/JSON's 21
                if (shortest) {
                    eprec = 6;
                }
                int exp = d.dp - 1;
                if (exp < -4 || exp >= eprec) {
                    if (prec > d.nd()) {
                        prec = d.nd();
                    }
                    fmtE(sb, neg, d, prec - 1, fmt == 'g' ? 'e' : 'E');
                    return;
                }
                if (prec > d.dp) {
                    prec = d.nd();
                }
                fmtF(sb, neg, d, Math.max(prec - d.dp, 0));
                return;
            }
            default:
                sb.append('%').append(fmt);
        }
    }

    private static void fmtE(StringBuilder sb, boolean neg, Digits d, int prec, char fmt) {
        if (neg) {
            sb.append('-');
        }
        sb.append(d.nd() == 0 ? '0' : d.digits.charAt(0));
        if (prec > 0) {
            sb.append('.');
            int i = 1;
            int m = Math.min(d.nd(), prec + 1);
            if (i < m) {
                sb.append(d.digits, i, m);
                i = m;
            }
            for (; i <= prec; i++) {
                sb.append('0');
            }
        }
        sb.append(fmt);
        appendExponent(sb, d.nd() == 0 ? 0 : d.dp - 1);
    }

    /** A signed exponent of at least two digits: {@code +06}, {@code -10}, {@code +308}. */
    private static void appendExponent(StringBuilder sb, int exp) {
        sb.append(exp < 0 ? '-' : '+');
        int abs = Math.abs(exp);
        if (abs < 10) {
            sb.append('0');
        }
        sb.append(abs);
    }

    private static void fmtF(StringBuilder sb, boolean neg, Digits d, int prec) {
        if (neg) {
            sb.append('-');
        }
        if (d.dp > 0) {
            int m = Math.min(d.nd(), d.dp);
            sb.append(d.digits, 0, m);
            for (; m < d.dp; m++) {
                sb.append('0');
            }
        } else {
            sb.append('0');
        }
        if (prec > 0) {
            sb.append('.');
            for (int i = 1; i <= prec; i++) {
                int j = d.dp + i - 1;
                sb.append(j >= 0 && j < d.nd() ? d.digits.charAt(j) : '0');
            }
        }
    }

    /** The mantissa (with the implicit bit) and exponent of a float's bits: value = mant * 2^(exp - mantBits). */
    private static final class Parts {
        final long mant;
        final int exp;
        final int mantBits;

        Parts(double v, int bitSize) {
            long bits;
            int expBits;
            int bias;
            if (bitSize == 32) {
                bits = Float.floatToRawIntBits((float) v) & 0xFFFF_FFFFL;
                mantBits = 23;
                expBits = 8;
                bias = -127;
            } else {
                bits = Double.doubleToRawLongBits(v);
                mantBits = 52;
                expBits = 11;
                bias = -1023;
            }
            int e = (int) (bits >>> mantBits) & ((1 << expBits) - 1);
            long m = bits & ((1L << mantBits) - 1);
            if (e == 0) {
                e++;
            } else {
                m |= 1L << mantBits;
            }
            mant = m;
            exp = e + bias;
        }
    }

    private static void appendBinary(StringBuilder sb, double v, boolean neg, int bitSize) {
        Parts p = new Parts(v, bitSize);
        int exp = p.exp - p.mantBits;
        if (neg) {
            sb.append('-');
        }
        sb.append(p.mant).append('p');
        if (exp >= 0) {
            sb.append('+');
        }
        sb.append(exp);
    }

    private static void appendHex(StringBuilder sb, double v, boolean neg, int prec, char fmt, int bitSize) {
        Parts p = new Parts(v, bitSize);
        long mant = p.mant;
        int exp = p.exp;
        int mantBits = p.mantBits;
        if (mant == 0) {
            exp = 0;
        }
        mant <<= 60 - mantBits;
        while (mant != 0 && (mant & (1L << 60)) == 0) {
            mant <<= 1;
            exp--;
        }
        if (prec >= 0 && prec < 15) {
            int shift = prec * 4;
            long extra = (mant << shift) & ((1L << 60) - 1);
            mant >>>= 60 - shift;
            if ((extra | (mant & 1)) > (1L << 59)) {
                mant++;
            }
            mant <<= 60 - shift;
            if ((mant & (1L << 61)) != 0) {
                mant >>>= 1;
                exp++;
            }
        }
        String hex = fmt == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
        if (neg) {
            sb.append('-');
        }
        sb.append('0').append(fmt).append((char) ('0' + ((mant >>> 60) & 1)));
        mant <<= 4;
        if (prec < 0 && mant != 0) {
            sb.append('.');
            while (mant != 0) {
                sb.append(hex.charAt((int) ((mant >>> 60) & 15)));
                mant <<= 4;
            }
        } else if (prec > 0) {
            sb.append('.');
            for (int i = 0; i < prec; i++) {
                sb.append(hex.charAt((int) ((mant >>> 60) & 15)));
                mant <<= 4;
            }
        }
        sb.append(fmt == 'X' ? 'P' : 'p');
        appendExponent(sb, exp);
    }

    /**
     * A decimal digit string {@code d1 d2 ... dn} with the decimal point at {@code dp}: the value is
     * {@code 0.d1d2...dn * 10^dp}. No leading or trailing zeros; zero has no digits.
     */
    static final class Digits {
        private static final Digits ZERO = new Digits("", 0);

        final String digits;
        final int dp;

        private Digits(String digits, int dp) {
            this.digits = digits;
            this.dp = dp;
        }

        int nd() {
            return digits.length();
        }

        static Digits shortest(double abs, int bitSize) {
            if (abs == 0) {
                return ZERO;
            }
            if (bitSize != 32 && abs < 0x1p53 && abs == Math.rint(abs)) {
                return ofLong((long) abs);
            }
            BigDecimal exact = new BigDecimal(abs);
            int lo = 1;
            int hi = bitSize == 32 ? 9 : 17;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (roundTrips(exact.round(SIGNIFICANT[mid]), abs, bitSize)) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return of(exact.round(SIGNIFICANT[lo]));
        }

        private static boolean roundTrips(BigDecimal candidate, double abs, int bitSize) {
            if (bitSize == 32) {
                return candidate.floatValue() == (float) abs;
            }
            return candidate.doubleValue() == abs;
        }

        static Digits significant(double abs, int n) {
            if (abs == 0) {
                return ZERO;
            }
            MathContext mc = n < SIGNIFICANT.length ? SIGNIFICANT[n] : new MathContext(n, RoundingMode.HALF_EVEN);
            return of(new BigDecimal(abs).round(mc));
        }

        static Digits fixed(double abs, int decimals) {
            if (abs == 0) {
                return ZERO;
            }
            return of(new BigDecimal(abs).setScale(decimals, RoundingMode.HALF_EVEN));
        }

        private static Digits ofLong(long v) {
            String s = Long.toString(v);
            int end = s.length();
            while (end > 1 && s.charAt(end - 1) == '0') {
                end--;
            }
            return new Digits(s.substring(0, end), s.length());
        }

        private static Digits of(BigDecimal d) {
            if (d.signum() == 0) {
                return ZERO;
            }
            BigDecimal stripped = d.stripTrailingZeros();
            String unscaled = stripped.unscaledValue().toString();
            return new Digits(unscaled, unscaled.length() - stripped.scale());
        }
    }
}
