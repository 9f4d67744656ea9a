package io.kanisterhooks.functions.args;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** Go's {@code time.ParseDuration}: e.g. {@code 300ms}, {@code -1.5h}, {@code 2h45m}; units ns, us/µs/μs, ms, s, m, h. */
public final class GoDuration {

    private static final long MAX_MAGNITUDE = Long.MIN_VALUE; // 1<<63 as an unsigned value
    private static final Map<String, Long> UNITS = Map.of(
            "ns", 1L, "us", 1_000L, "\u00b5s", 1_000L, "\u03bcs", 1_000L, "ms", 1_000_000L,
            "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);

    private GoDuration() {
    }

    /** The duration, or an {@link IllegalArgumentException} with Go's message ({@code time: invalid duration "x"}). */
    public static Duration parse(String text) {
        String s = text;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return Duration.ZERO;
        }
        if (s.isEmpty()) {
            throw invalid(text);
        }
        long total = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != '.' && !isDigit(c)) {
                throw invalid(text);
            }
            int start = i;
            long whole = 0;
            for (; i < s.length() && isDigit(s.charAt(i)); i++) {
                if (Long.compareUnsigned(whole, Long.divideUnsigned(MAX_MAGNITUDE, 10)) > 0) {
                    throw invalid(text);
                }
                whole = whole * 10 + (s.charAt(i) - '0');
                if (Long.compareUnsigned(whole, MAX_MAGNITUDE) > 0) {
                    throw invalid(text);
                }
            }
            boolean before = i > start;
            long fraction = 0;
            double scale = 1;
            boolean after = false;
            if (i < s.length() && s.charAt(i) == '.') {
                i++;
                int fractionStart = i;
                boolean overflow = false;
                for (; i < s.length() && isDigit(s.charAt(i)); i++) {
                    if (overflow) {
                        continue;
                    }
                    // Past 63 bits Go stops adding precision instead of failing.
                    long next = fraction * 10 + (s.charAt(i) - '0');
                    if (fraction > Long.MAX_VALUE / 10 || Long.compareUnsigned(next, MAX_MAGNITUDE) > 0) {
                        overflow = true;
                        continue;
                    }
                    fraction = next;
                    scale *= 10;
                }
                after = i > fractionStart;
            }
            if (!before && !after) {
                throw invalid(text);
            }
            int unitStart = i;
            while (i < s.length() && s.charAt(i) != '.' && !isDigit(s.charAt(i))) {
                i++;
            }
            if (i == unitStart) {
                throw new IllegalArgumentException("time: missing unit in duration " + quote(text));
            }
            String unitText = s.substring(unitStart, i);
            Long unit = UNITS.get(unitText);
            if (unit == null) {
                throw new IllegalArgumentException("time: unknown unit " + quote(unitText) + " in duration "
                        + quote(text));
            }
            if (Long.compareUnsigned(whole, Long.divideUnsigned(MAX_MAGNITUDE, unit)) > 0) {
                throw invalid(text);
            }
            long value = whole * unit;
            if (fraction != 0) {
                value += (long) (unsignedToDouble(fraction) * ((double) unit / scale));
                if (Long.compareUnsigned(value, MAX_MAGNITUDE) > 0) {
                    throw invalid(text);
                }
            }
            total += value;
            if (Long.compareUnsigned(total, MAX_MAGNITUDE) > 0) {
                throw invalid(text);
            }
        }
        if (negative) {
            return Duration.ofNanos(-total);
        }
        if (total < 0) {
            throw invalid(text);
        }
        return Duration.ofNanos(total);
    }

    private static double unsignedToDouble(long v) {
        return v >= 0 ? v : 0x1p63 + (v & Long.MAX_VALUE);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("time: invalid duration " + quote(text));
    }

    /** The time package's own quoting: non-ASCII and control characters as {@code \\x} escapes of their UTF-8 bytes. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 0x80 || c < 0x20) {
                sb.append(String.format("\\x%02x", c));
            } else {
                if (c == '"' || c == '\\') {
                    sb.append('\\');
                }
                sb.append((char) c);
            }
        }
        return sb.append('"').toString();
    }
}
