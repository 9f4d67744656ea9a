package io.kanisterhooks.golang.time;

import io.kanisterhooks.golang.strings.Latin1;
import java.util.Map;

/** Go's {@code time.Duration} text forms: {@code time.ParseDuration} and {@code Duration.String()}. */
public final class GoDuration {

    public static final long NANOSECOND = 1;
    public static final long MICROSECOND = 1000 * NANOSECOND;
    public static final long MILLISECOND = 1000 * MICROSECOND;
    public static final long SECOND = 1000 * MILLISECOND;
    public static final long MINUTE = 60 * SECOND;
    public static final long HOUR = 60 * MINUTE;

    private static final Map<String, Long> UNITS = Map.of("ns", NANOSECOND, "us", MICROSECOND,
            "\u00b5s", MICROSECOND, "\u03bcs", MICROSECOND, "ms", MILLISECOND, "s", SECOND, "m", MINUTE, "h", HOUR);

    /** 2^63 as an unsigned value: the largest magnitude Go accepts while accumulating. */
    private static final long TWO_POW_63 = Long.MIN_VALUE;

    private GoDuration() {
    }

    /** Go's {@code time.ParseDuration}: e.g. "300ms", "-1.5h", "2h45m"; returns nanoseconds. */
    public static long parse(String text) throws GoTimeException {
        String orig = text;
        String s = text;
        boolean neg = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            neg = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return 0;
        }
        if (s.isEmpty()) {
            throw invalid(orig);
        }
        long d = 0;
        while (!s.isEmpty()) {
            char c0 = s.charAt(0);
            if (!(c0 == '.' || c0 >= '0' && c0 <= '9')) {
                throw invalid(orig);
            }
            int i = 0;
            long v = 0;
            while (i < s.length() && isDigit(s.charAt(i))) {
                if (Long.compareUnsigned(v, Long.divideUnsigned(TWO_POW_63, 10)) > 0) {
                    throw invalid(orig);
                }
                v = v * 10 + s.charAt(i) - '0';
                if (Long.compareUnsigned(v, TWO_POW_63) > 0) {
                    throw invalid(orig);
                }
                i++;
            }
            boolean pre = i > 0;
            s = s.substring(i);
            long f = 0;
            double scale = 1;
            boolean post = false;
            if (!s.isEmpty() && s.charAt(0) == '.') {
                s = s.substring(1);
                int j = 0;
                boolean overflow = false;
                while (j < s.length() && isDigit(s.charAt(j))) {
                    if (!overflow) {
                        if (Long.compareUnsigned(f, Long.MAX_VALUE / 10) > 0) {
                            overflow = true;
                        } else {
                            long y = f * 10 + s.charAt(j) - '0';
                            if (Long.compareUnsigned(y, TWO_POW_63) > 0) {
                                overflow = true;
                            } else {
                                f = y;
                                scale *= 10;
                            }
                        }
                    }
                    j++;
                }
                post = j > 0;
                s = s.substring(j);
            }
            if (!pre && !post) {
                throw invalid(orig);
            }
            int u = 0;
            while (u < s.length() && s.charAt(u) != '.' && !isDigit(s.charAt(u))) {
                u++;
            }
            if (u == 0) {
                throw new GoTimeException("time: missing unit in duration " + quote(orig));
            }
            String unitName = s.substring(0, u);
            s = s.substring(u);
            Long unit = UNITS.get(unitName);
            if (unit == null) {
                throw new GoTimeException("time: unknown unit " + quote(unitName) + " in duration " + quote(orig));
            }
            if (Long.compareUnsigned(v, Long.divideUnsigned(TWO_POW_63, unit)) > 0) {
                throw invalid(orig);
            }
            v *= unit;
            if (f > 0) {
                // Go computes the fraction in float64, to stay nanosecond-exact for fractions of hours.
                v += (long) ((double) f * ((double) unit / scale));
                if (Long.compareUnsigned(v, TWO_POW_63) > 0) {
                    throw invalid(orig);
                }
            }
            d += v;
            if (Long.compareUnsigned(d, TWO_POW_63) > 0) {
                throw invalid(orig);
            }
        }
        if (neg) {
            return -d;
        }
        if (d < 0) {
            throw invalid(orig);
        }
        return d;
    }

    private static GoTimeException invalid(String orig) {
        return new GoTimeException("time: invalid duration " + quote(orig));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String quote(String s) {
        return GoTimeParser.quote(Latin1.fromUtf8(s));
    }

    /** Go's {@code Duration.String()}: "1h2m3.5s", "1.5µs", "0s". */
    public static String format(long d) {
        boolean neg = d < 0;
        long u = neg ? -d : d;
        StringBuilder b = new StringBuilder();
        if (Long.compareUnsigned(u, SECOND) < 0) {
            if (u == 0) {
                return "0s";
            }
            if (u < MICROSECOND) {
                b.append(u).append("ns");
            } else if (u < MILLISECOND) {
                appendFraction(b, u, 3);
                b.append("\u00b5s");
            } else {
                appendFraction(b, u, 6);
                b.append("ms");
            }
        } else {
            long nanosPart = Long.remainderUnsigned(u, SECOND);
            long secs = Long.divideUnsigned(u, SECOND);
            long hours = secs / 3600;
            long minutes = secs / 60 % 60;
            if (hours > 0) {
                b.append(hours).append('h');
            }
            if (secs >= 60) {
                b.append(minutes).append('m');
            }
            b.append(secs % 60);
            appendFractionDigits(b, nanosPart, 9);
            b.append('s');
        }
        return neg ? "-" + b : b.toString();
    }

    private static void appendFraction(StringBuilder b, long v, int precision) {
        long pow = (long) Math.pow(10, precision);
        b.append(v / pow);
        appendFractionDigits(b, v % pow, precision);
    }

    /** ".digits" without trailing zeros, nothing when the fraction is zero. */
    private static void appendFractionDigits(StringBuilder b, long fraction, int precision) {
        if (fraction == 0) {
            return;
        }
        String digits = GoTimeFormat.zeroPadded(fraction, precision);
        int end = digits.length();
        while (digits.charAt(end - 1) == '0') {
            end--;
        }
        b.append('.').append(digits, 0, end);
    }

    /** Go's {@code Duration.Round(m)}. */
    public static long round(long d, long m) {
        if (m <= 0) {
            return d;
        }
        long r = d % m;
        if (d < 0) {
            r = -r;
            if (Long.compareUnsigned(r + r, m) < 0) {
                return d + r;
            }
            long d1 = d - m + r;
            return d1 < d ? d1 : Long.MIN_VALUE;
        }
        if (Long.compareUnsigned(r + r, m) < 0) {
            return d - r;
        }
        long d1 = d + m - r;
        return d1 > d ? d1 : Long.MAX_VALUE;
    }
}
