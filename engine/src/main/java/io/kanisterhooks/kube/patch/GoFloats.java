package io.kanisterhooks.kube.patch;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Go's shortest float64 formatting: {@code strconv.FormatFloat(f, 'f', -1, 64)} and {@code 'g'} (what {@code %v} prints). */
public final class GoFloats {

    private static final int MAX_SIGNIFICANT_DIGITS = 17;
    private static final int G_EXPONENT_LIMIT = 6;
    private static final int G_NEGATIVE_EXPONENT_LIMIT = -4;

    private GoFloats() {
    }

    /** {@code strconv.FormatFloat(f, 'f', -1, 64)}: the shortest digits that read back as {@code f}, never an exponent. */
    public static String formatF(double f) {
        String special = special(f);
        if (special != null) {
            return special;
        }
        Digits d = Digits.of(f);
        StringBuilder sb = new StringBuilder();
        if (d.negative) {
            sb.append('-');
        }
        appendPlain(sb, d);
        return sb.toString();
    }

    /** {@code strconv.FormatFloat(f, 'g', -1, 64)}, which is also fmt's {@code %v} of a float64. */
    public static String formatG(double f) {
        String special = special(f);
        return special != null ? special : formatG(Digits.of(f));
    }

    /** {@code strconv.FormatFloat(f, 'g', -1, 32)}: the shortest digits that read back as the same float32. */
    public static String formatG32(double f) {
        float narrow = (float) f;
        String special = special(narrow);
        return special != null ? special : formatG(Digits.ofFloat(narrow));
    }

    private static String formatG(Digits d) {
        StringBuilder sb = new StringBuilder();
        if (d.negative) {
            sb.append('-');
        }
        int exp = d.pointPosition - 1;
        if (exp < G_NEGATIVE_EXPONENT_LIMIT || exp >= G_EXPONENT_LIMIT) {
            sb.append(d.digits.charAt(0));
            if (d.digits.length() > 1) {
                sb.append('.').append(d.digits, 1, d.digits.length());
            }
            sb.append('e').append(exp < 0 ? '-' : '+');
            int abs = Math.abs(exp);
            if (abs < 10) {
                sb.append('0');
            }
            sb.append(abs);
        } else {
            appendPlain(sb, d);
        }
        return sb.toString();
    }

    private static String special(double f) {
        if (Double.isNaN(f)) {
            return "NaN";
        }
        if (Double.isInfinite(f)) {
            return f > 0 ? "+Inf" : "-Inf";
        }
        return null;
    }

    private static void appendPlain(StringBuilder sb, Digits d) {
        String digits = d.digits;
        int point = d.pointPosition;
        if (point <= 0) {
            sb.append("0.");
            sb.append("0".repeat(-point)).append(digits);
        } else if (point >= digits.length()) {
            sb.append(digits).append("0".repeat(point - digits.length()));
        } else {
            sb.append(digits, 0, point).append('.').append(digits, point, digits.length());
        }
    }

    /** value = 0.digits × 10^pointPosition; digits has no trailing zeros ("0" for zero). */
    private record Digits(boolean negative, String digits, int pointPosition) {

        static Digits of(double f) {
            return shortest(f, false);
        }

        static Digits ofFloat(float f) {
            return shortest(f, true);
        }

        private static Digits shortest(double f, boolean float32) {
            boolean negative = f < 0 || (f == 0 && 1 / f < 0);
            if (f == 0) {
                return new Digits(negative, "0", 1);
            }
            BigDecimal exact = new BigDecimal(Math.abs(f));
            BigDecimal shortest = exact;
            for (int precision = 1; precision <= MAX_SIGNIFICANT_DIGITS; precision++) {
                BigDecimal rounded = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
                boolean same = float32 ? rounded.floatValue() == (float) Math.abs(f)
                        : rounded.doubleValue() == Math.abs(f);
                if (same) {
                    shortest = rounded;
                    break;
                }
            }
            BigDecimal stripped = shortest.stripTrailingZeros();
            String digits = stripped.unscaledValue().toString();
            return new Digits(negative, digits, digits.length() - stripped.scale());
        }
    }
}
