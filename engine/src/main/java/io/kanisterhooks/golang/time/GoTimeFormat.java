package io.kanisterhooks.golang.time;

import io.kanisterhooks.golang.strings.Latin1;
import io.kanisterhooks.golang.time.LayoutChunk.Element;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Go's reference-time layouts: {@code Time.Format}. Parsing lives in {@link GoTimeParser}. */
final class GoTimeFormat {

    static final String[] LONG_DAY_NAMES = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
        "Saturday"};
    static final String[] SHORT_DAY_NAMES = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static final String[] LONG_MONTH_NAMES = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};
    static final String[] SHORT_MONTH_NAMES = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};

    private GoTimeFormat() {
    }

    static String format(GoTime t, String layout) {
        int offset = t.offset();
        String zoneName = t.zoneName();
        LocalDateTime w = LocalDateTime.ofEpochSecond(t.unix() + offset, t.nanosecond(), ZoneOffset.UTC);
        StringBuilder b = new StringBuilder();
        String rest = Latin1.fromUtf8(layout);
        while (!rest.isEmpty()) {
            LayoutChunk chunk = LayoutChunk.next(rest);
            b.append(chunk.prefix());
            if (chunk.isEnd()) {
                break;
            }
            rest = chunk.suffix();
            appendElement(b, chunk, w, offset, zoneName);
        }
        return Latin1.toUtf8(b.toString());
    }

    private static void appendElement(StringBuilder b, LayoutChunk chunk, LocalDateTime w, int offset,
            String zoneName) {
        int year = w.getYear();
        int hour = w.getHour();
        int hour12 = hour % 12 == 0 ? 12 : hour % 12;
        int weekday = w.getDayOfWeek().getValue() % 7;
        Element e = chunk.element();
        switch (e) {
            case YEAR -> appendInt(b, Math.abs(year) % 100, 2);
            case LONG_YEAR -> appendInt(b, year, 4);
            case MONTH -> b.append(SHORT_MONTH_NAMES[w.getMonthValue() - 1]);
            case LONG_MONTH -> b.append(LONG_MONTH_NAMES[w.getMonthValue() - 1]);
            case NUM_MONTH -> appendInt(b, w.getMonthValue(), 0);
            case ZERO_MONTH -> appendInt(b, w.getMonthValue(), 2);
            case WEEKDAY -> b.append(SHORT_DAY_NAMES[weekday]);
            case LONG_WEEKDAY -> b.append(LONG_DAY_NAMES[weekday]);
            case DAY -> appendInt(b, w.getDayOfMonth(), 0);
            case UNDER_DAY -> {
                if (w.getDayOfMonth() < 10) {
                    b.append(' ');
                }
                appendInt(b, w.getDayOfMonth(), 0);
            }
            case ZERO_DAY -> appendInt(b, w.getDayOfMonth(), 2);
            case UNDER_YEAR_DAY -> {
                int yday = w.getDayOfYear();
                if (yday < 100) {
                    b.append(yday < 10 ? "  " : " ");
                }
                appendInt(b, yday, 0);
            }
            case ZERO_YEAR_DAY -> appendInt(b, w.getDayOfYear(), 3);
            case HOUR -> appendInt(b, hour, 2);
            case HOUR12 -> appendInt(b, hour12, 0);
            case ZERO_HOUR12 -> appendInt(b, hour12, 2);
            case MINUTE -> appendInt(b, w.getMinute(), 0);
            case ZERO_MINUTE -> appendInt(b, w.getMinute(), 2);
            case SECOND -> appendInt(b, w.getSecond(), 0);
            case ZERO_SECOND -> appendInt(b, w.getSecond(), 2);
            case PM_UPPER -> b.append(hour >= 12 ? "PM" : "AM");
            case PM_LOWER -> b.append(hour >= 12 ? "pm" : "am");
            case TZ -> {
                if (!zoneName.isEmpty()) {
                    b.append(zoneName);
                } else {
                    appendNumericZone(b, Element.NUM_TZ, offset);
                }
            }
            case FRAC_SECOND_0, FRAC_SECOND_9 -> appendFraction(b, chunk, w.getNano());
            default -> appendNumericZone(b, e, offset);
        }
    }

    /** All the "-0700"/"Z07:00" family; the Z forms print "Z" for a zero offset. */
    private static void appendNumericZone(StringBuilder b, Element e, int offset) {
        if (offset == 0 && e.isIso8601Zone()) {
            b.append('Z');
            return;
        }
        int zone = offset / 60;
        int absOffset = offset;
        if (zone < 0) {
            b.append('-');
            zone = -zone;
            absOffset = -absOffset;
        } else {
            b.append('+');
        }
        appendInt(b, zone / 60, 2);
        boolean colon = e == Element.ISO8601_COLON_TZ || e == Element.NUM_COLON_TZ
                || e == Element.ISO8601_COLON_SECONDS_TZ || e == Element.NUM_COLON_SECONDS_TZ;
        if (colon) {
            b.append(':');
        }
        if (e != Element.NUM_SHORT_TZ && e != Element.ISO8601_SHORT_TZ) {
            appendInt(b, zone % 60, 2);
        }
        if (e == Element.ISO8601_SECONDS_TZ || e == Element.NUM_SECONDS_TZ || e == Element.NUM_COLON_SECONDS_TZ
                || e == Element.ISO8601_COLON_SECONDS_TZ) {
            if (e == Element.NUM_COLON_SECONDS_TZ || e == Element.ISO8601_COLON_SECONDS_TZ) {
                b.append(':');
            }
            appendInt(b, absOffset % 60, 2);
        }
    }

    private static void appendFraction(StringBuilder b, LayoutChunk chunk, int nanos) {
        String digits = zeroPadded(nanos, 9);
        int n = Math.min(chunk.fracDigits(), 9);
        if (chunk.element() == Element.FRAC_SECOND_9) {
            while (n > 0 && digits.charAt(n - 1) == '0') {
                n--;
            }
            if (n == 0) {
                return;
            }
        }
        b.append(chunk.fracSeparator()).append(digits, 0, n);
    }

    /**
     * {@code x} (not negative) with leading zeros to {@code width} digits, as {@code String.format("%0<width>d")}
     * gives it, without that call's first use loading the JVM's locale data (≈ 20 ms; README, CLI start-up).
     */
    static String zeroPadded(long x, int width) {
        StringBuilder b = new StringBuilder(width);
        appendInt(b, x, width);
        return b.toString();
    }

    /** Decimal form of x, its digits zero-padded to width (the sign does not count). */
    static void appendInt(StringBuilder b, long x, int width) {
        if (x < 0) {
            b.append('-');
        }
        String digits = Long.toString(Math.abs(x));
        for (int i = digits.length(); i < width; i++) {
            b.append('0');
        }
        b.append(digits);
    }
}
