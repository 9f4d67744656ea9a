package io.kanisterhooks.golang.math;

/** The bits of Go's math package whose last-bit results sprig's {@code round} depends on. */
public final class GoMath {

    private GoMath() {
    }

    /**
     * {@code math.Pow(10, n)} for an integral n as Go computes it: successive squarings of the mantissa with the
     * powers of two kept apart, and one division for negative n.
     */
    public static double pow10(long n) {
        if (n == 0) {
            return 1;
        }
        if (n == 1) {
            return 10;
        }
        double a1 = 1.0;
        long ae = 0;
        int xe = Math.getExponent(10.0) + 1;
        double x1 = Math.scalb(10.0, -xe);
        for (long i = Math.abs(n); i != 0; i >>= 1) {
            if (xe < -(1 << 12) || (1 << 12) < xe) {
                ae += xe;
                break;
            }
            if ((i & 1) == 1) {
                a1 *= x1;
                ae += xe;
            }
            x1 *= x1;
            xe <<= 1;
            if (x1 < .5) {
                x1 += x1;
                xe--;
            }
        }
        if (n < 0) {
            a1 = 1 / a1;
            ae = -ae;
        }
        return ldexp(a1, ae);
    }

    /** {@code math.Ldexp}, saturating the exponent like Go. */
    private static double ldexp(double frac, long exp) {
        int e = (int) Math.max(-2200, Math.min(2200, exp));
        // scalb rounds once even into the subnormal range, as Go's Ldexp does.
        return Math.scalb(frac, e);
    }

    /** The fractional part of {@code math.Modf(f)} (same sign as f; -0 for -0). */
    public static double modfFraction(double f) {
        if (Double.isInfinite(f)) {
            return Double.NaN;
        }
        double integral = f < 0 ? Math.ceil(f) : Math.floor(f);
        return f - integral;
    }
}
