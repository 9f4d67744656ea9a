package io.kanisterhooks.golang.time;

/**
 * One element of a Go time layout found by scanning: the literal text before it ({@code layout[0:start]}), the
 * element itself ({@code layout[start:end]}) and the rest ({@code layout[end:]}). Layouts are byte strings (see
 * {@link Latin1}).
 */
record LayoutChunk(String prefix, Element element, String elementText, String suffix, int fracDigits,
        char fracSeparator) {

    /** The reference-time elements Go recognises. */
    enum Element {
        LONG_MONTH, MONTH, NUM_MONTH, ZERO_MONTH, LONG_WEEKDAY, WEEKDAY, DAY, UNDER_DAY, ZERO_DAY, UNDER_YEAR_DAY,
        ZERO_YEAR_DAY, HOUR, HOUR12, ZERO_HOUR12, MINUTE, ZERO_MINUTE, SECOND, ZERO_SECOND, LONG_YEAR, YEAR, PM_UPPER,
        PM_LOWER, TZ, ISO8601_TZ, ISO8601_SECONDS_TZ, ISO8601_SHORT_TZ, ISO8601_COLON_TZ, ISO8601_COLON_SECONDS_TZ,
        NUM_TZ, NUM_SECONDS_TZ, NUM_SHORT_TZ, NUM_COLON_TZ, NUM_COLON_SECONDS_TZ, FRAC_SECOND_0, FRAC_SECOND_9;

        boolean isIso8601Zone() {
            return this == ISO8601_TZ || this == ISO8601_SECONDS_TZ || this == ISO8601_SHORT_TZ
                    || this == ISO8601_COLON_TZ || this == ISO8601_COLON_SECONDS_TZ;
        }

        boolean isNumericZone() {
            return isIso8601Zone() || this == NUM_TZ || this == NUM_SECONDS_TZ || this == NUM_SHORT_TZ
                    || this == NUM_COLON_TZ || this == NUM_COLON_SECONDS_TZ;
        }
    }

    private static final Element[] ZERO_X = {Element.ZERO_MONTH, Element.ZERO_DAY, Element.ZERO_HOUR12,
        Element.ZERO_MINUTE, Element.ZERO_SECOND, Element.YEAR};

    /** Literal tail: no element left. */
    boolean isEnd() {
        return element == null;
    }

    /** Go's {@code nextStdChunk}: the first layout element in {@code layout}. */
    static LayoutChunk next(String layout) {
        for (int i = 0; i < layout.length(); i++) {
            LayoutChunk chunk = at(layout, i);
            if (chunk != null) {
                return chunk;
            }
        }
        return new LayoutChunk(layout, null, "", "", 0, '.');
    }

    private static LayoutChunk at(String l, int i) {
        switch (l.charAt(i)) {
            case 'J':
                if (l.startsWith("Jan", i)) {
                    if (l.startsWith("January", i)) {
                        return of(l, i, 7, Element.LONG_MONTH);
                    }
                    if (!startsWithLowerCase(l, i + 3)) {
                        return of(l, i, 3, Element.MONTH);
                    }
                }
                return null;
            case 'M':
                if (l.startsWith("Mon", i)) {
                    if (l.startsWith("Monday", i)) {
                        return of(l, i, 6, Element.LONG_WEEKDAY);
                    }
                    if (!startsWithLowerCase(l, i + 3)) {
                        return of(l, i, 3, Element.WEEKDAY);
                    }
                }
                return l.startsWith("MST", i) ? of(l, i, 3, Element.TZ) : null;
            case '0':
                if (i + 1 < l.length() && l.charAt(i + 1) >= '1' && l.charAt(i + 1) <= '6') {
                    return of(l, i, 2, ZERO_X[l.charAt(i + 1) - '1']);
                }
                return l.startsWith("002", i) ? of(l, i, 3, Element.ZERO_YEAR_DAY) : null;
            case '1':
                return l.startsWith("15", i) ? of(l, i, 2, Element.HOUR) : of(l, i, 1, Element.NUM_MONTH);
            case '2':
                return l.startsWith("2006", i) ? of(l, i, 4, Element.LONG_YEAR) : of(l, i, 1, Element.DAY);
            case '_':
                if (l.startsWith("_2", i)) {
                    if (l.startsWith("_2006", i)) {
                        // A literal "_" followed by the long year.
                        return of(l, i + 1, 4, Element.LONG_YEAR);
                    }
                    return of(l, i, 2, Element.UNDER_DAY);
                }
                return l.startsWith("__2", i) ? of(l, i, 3, Element.UNDER_YEAR_DAY) : null;
            case '3':
                return of(l, i, 1, Element.HOUR12);
            case '4':
                return of(l, i, 1, Element.MINUTE);
            case '5':
                return of(l, i, 1, Element.SECOND);
            case 'P':
                return l.startsWith("PM", i) ? of(l, i, 2, Element.PM_UPPER) : null;
            case 'p':
                return l.startsWith("pm", i) ? of(l, i, 2, Element.PM_LOWER) : null;
            case '-':
                return zone(l, i, "-070000", "-07:00:00", "-0700", "-07:00", "-07", Element.NUM_SECONDS_TZ,
                        Element.NUM_COLON_SECONDS_TZ, Element.NUM_TZ, Element.NUM_COLON_TZ, Element.NUM_SHORT_TZ);
            case 'Z':
                return zone(l, i, "Z070000", "Z07:00:00", "Z0700", "Z07:00", "Z07", Element.ISO8601_SECONDS_TZ,
                        Element.ISO8601_COLON_SECONDS_TZ, Element.ISO8601_TZ, Element.ISO8601_COLON_TZ,
                        Element.ISO8601_SHORT_TZ);
            case '.':
            case ',':
                return fraction(l, i);
            default:
                return null;
        }
    }

    private static LayoutChunk zone(String l, int i, String secs, String colonSecs, String plain, String colon,
            String shortForm, Element... elements) {
        String[] forms = {secs, colonSecs, plain, colon, shortForm};
        for (int k = 0; k < forms.length; k++) {
            if (l.startsWith(forms[k], i)) {
                return of(l, i, forms[k].length(), elements[k]);
            }
        }
        return null;
    }

    private static LayoutChunk fraction(String l, int i) {
        if (i + 1 >= l.length() || (l.charAt(i + 1) != '0' && l.charAt(i + 1) != '9')) {
            return null;
        }
        char digit = l.charAt(i + 1);
        int j = i + 1;
        while (j < l.length() && l.charAt(j) == digit) {
            j++;
        }
        // Only a fractional second consists of nothing but these digits.
        if (j < l.length() && isDigit(l.charAt(j))) {
            return null;
        }
        Element element = digit == '9' ? Element.FRAC_SECOND_9 : Element.FRAC_SECOND_0;
        return new LayoutChunk(l.substring(0, i), element, l.substring(i, j), l.substring(j), j - (i + 1),
                l.charAt(i));
    }

    private static LayoutChunk of(String l, int start, int length, Element element) {
        return new LayoutChunk(l.substring(0, start), element, l.substring(start, start + length),
                l.substring(start + length), 0, '.');
    }

    private static boolean startsWithLowerCase(String s, int i) {
        return i < s.length() && s.charAt(i) >= 'a' && s.charAt(i) <= 'z';
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
