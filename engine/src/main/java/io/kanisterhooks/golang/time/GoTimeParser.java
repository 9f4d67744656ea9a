package io.kanisterhooks.golang.time;

import io.kanisterhooks.golang.strings.Latin1;
import io.kanisterhooks.golang.time.LayoutChunk.Element;
import java.time.Year;
import java.time.YearMonth;
import java.util.OptionalInt;

/**
 * Go's {@code time.Parse} and {@code time.ParseInLocation}, including their error texts
 * ({@code parsing time "x" as "2006": cannot parse "x" as "2006"}). Works on byte strings (see {@link Latin1}).
 */
final class GoTimeParser {

    /** Marks an unparsable element; Go's {@code errBad}, never shown. */
    private static final class Bad extends Exception {
        private static final Bad INSTANCE = new Bad();

        private Bad() {
            super(null, null, false, false);
        }
    }

    private final String layout;
    private final String value;
    private String rest;

    private int year;
    private int month = -1;
    private int day = -1;
    private int yday = -1;
    private int hour;
    private int minute;
    private int second;
    private int nanos;
    private GoLocation zone;
    private int zoneOffset = -1;
    private String zoneName = "";
    private boolean amSet;
    private boolean pmSet;
    private String rangeError = "";

    private GoTimeParser(String layout, String value) {
        this.layout = layout;
        this.value = value;
    }

    static GoTime parse(String layout, String value, GoLocation defaultLocation, GoLocation local)
            throws GoTimeException {
        return new GoTimeParser(Latin1.fromUtf8(layout), Latin1.fromUtf8(value)).run(defaultLocation, local);
    }

    private GoTime run(GoLocation defaultLocation, GoLocation local) throws GoTimeException {
        String lay = layout;
        rest = value;
        while (true) {
            LayoutChunk chunk = LayoutChunk.next(lay);
            if (!skipPrefix(chunk.prefix())) {
                throw error(chunk.prefix(), rest, "");
            }
            if (chunk.isEnd()) {
                if (!rest.isEmpty()) {
                    throw error("", rest, ": extra text: " + quote(rest));
                }
                break;
            }
            lay = chunk.suffix();
            boolean bad = false;
            try {
                parseElement(chunk);
            } catch (Bad e) {
                bad = true;
            }
            if (!rangeError.isEmpty()) {
                throw error(chunk.elementText(), rest, ": " + rangeError + " out of range");
            }
            if (bad) {
                throw error(chunk.elementText(), rest, "");
            }
        }
        if (pmSet && hour < 12) {
            hour += 12;
        } else if (amSet && hour == 12) {
            hour = 0;
        }
        resolveDayOfYear();
        if (day < 1 || day > daysIn(month, year)) {
            throw error("", rest, ": day out of range");
        }
        return build(defaultLocation, local);
    }

    private GoTime build(GoLocation defaultLocation, GoLocation local) {
        if (zone != null) {
            return GoTime.date(year, month, day, hour, minute, second, nanos, zone);
        }
        if (zoneOffset != -1) {
            GoTime utc = GoTime.date(year, month, day, hour, minute, second, nanos, GoLocation.UTC);
            long unix = utc.unix() - zoneOffset;
            if (local.offsetAt(unix) == zoneOffset
                    && (zoneName.isEmpty() || local.abbreviationAt(unix).equals(zoneName))) {
                return GoTime.unix(unix, nanos).in(local);
            }
            return GoTime.unix(unix, nanos).in(GoLocation.fixedZone(zoneName, zoneOffset));
        }
        if (!zoneName.isEmpty()) {
            GoTime utc = GoTime.date(year, month, day, hour, minute, second, nanos, GoLocation.UTC);
            OptionalInt offset = local.lookupName(zoneName, utc.unix());
            if (offset.isPresent()) {
                return GoTime.unix(utc.unix() - offset.getAsInt(), nanos).in(local);
            }
            int guessed = 0;
            if (zoneName.length() > 3 && zoneName.startsWith("GMT")) {
                guessed = atoi(zoneName.substring(3)) * 3600;
            }
            return GoTime.unix(utc.unix(), nanos).in(GoLocation.fixedZone(zoneName, guessed));
        }
        return GoTime.date(year, month, day, hour, minute, second, nanos, defaultLocation);
    }

    private void resolveDayOfYear() throws GoTimeException {
        if (yday < 0) {
            if (month < 0) {
                month = 1;
            }
            if (day < 0) {
                day = 1;
            }
            return;
        }
        int d = 0;
        int m = 0;
        if (Year.isLeap(year)) {
            if (yday == 31 + 29) {
                m = 2;
                d = 29;
            } else if (yday > 31 + 29) {
                yday--;
            }
        }
        if (yday < 1 || yday > 365) {
            throw error("", rest, ": day-of-year out of range");
        }
        if (m == 0) {
            int[] daysBefore = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365};
            m = (yday - 1) / 31 + 1;
            if (daysBefore[m] < yday) {
                m++;
            }
            d = yday - daysBefore[m - 1];
        }
        if (month >= 0 && month != m) {
            throw error("", rest, ": day-of-year does not match month");
        }
        month = m;
        if (day >= 0 && day != d) {
            throw error("", rest, ": day-of-year does not match day");
        }
        day = d;
    }

    private void parseElement(LayoutChunk chunk) throws Bad {
        Element e = chunk.element();
        switch (e) {
            case YEAR -> {
                if (rest.length() < 2) {
                    throw Bad.INSTANCE;
                }
                year = atoiOrBad(rest.substring(0, 2));
                rest = rest.substring(2);
                year += year >= 69 ? 1900 : 2000;
            }
            case LONG_YEAR -> {
                if (rest.length() < 4 || !isDigit(rest, 0)) {
                    throw Bad.INSTANCE;
                }
                String p = rest.substring(0, 4);
                rest = rest.substring(4);
                year = atoiOrBad(p);
            }
            case MONTH -> month = lookup(GoTimeFormat.SHORT_MONTH_NAMES) + 1;
            case LONG_MONTH -> month = lookup(GoTimeFormat.LONG_MONTH_NAMES) + 1;
            case NUM_MONTH, ZERO_MONTH -> {
                month = getnum(e == Element.ZERO_MONTH);
                if (month <= 0 || 12 < month) {
                    rangeError = "month";
                }
            }
            case WEEKDAY -> lookup(GoTimeFormat.SHORT_DAY_NAMES);
            case LONG_WEEKDAY -> lookup(GoTimeFormat.LONG_DAY_NAMES);
            case DAY, UNDER_DAY, ZERO_DAY -> {
                if (e == Element.UNDER_DAY && rest.startsWith(" ")) {
                    rest = rest.substring(1);
                }
                day = getnum(e == Element.ZERO_DAY);
            }
            case UNDER_YEAR_DAY, ZERO_YEAR_DAY -> {
                for (int i = 0; i < 2; i++) {
                    if (e == Element.UNDER_YEAR_DAY && rest.startsWith(" ")) {
                        rest = rest.substring(1);
                    }
                }
                yday = getnum3(e == Element.ZERO_YEAR_DAY);
            }
            case HOUR -> {
                hour = getnum(false);
                if (hour < 0 || 24 <= hour) {
                    rangeError = "hour";
                }
            }
            case HOUR12, ZERO_HOUR12 -> {
                hour = getnum(e == Element.ZERO_HOUR12);
                if (hour < 0 || 12 < hour) {
                    rangeError = "hour";
                }
            }
            case MINUTE, ZERO_MINUTE -> {
                minute = getnum(e == Element.ZERO_MINUTE);
                if (minute < 0 || 60 <= minute) {
                    rangeError = "minute";
                }
            }
            case SECOND, ZERO_SECOND -> parseSecond(chunk, e == Element.ZERO_SECOND);
            case PM_UPPER -> amPm("AM", "PM");
            case PM_LOWER -> amPm("am", "pm");
            case TZ -> parseZoneName();
            case FRAC_SECOND_0 -> {
                int ndigit = 1 + chunk.fracDigits();
                if (rest.length() < ndigit) {
                    throw Bad.INSTANCE;
                }
                String digits = rest;
                rest = rest.substring(ndigit);
                nanos = parseNanoseconds(digits, ndigit);
            }
            case FRAC_SECOND_9 -> {
                if (rest.length() < 2 || !commaOrPeriod(rest.charAt(0)) || !isDigit(rest, 1)) {
                    return;
                }
                int i = 0;
                while (i < 9 && i + 1 < rest.length() && isDigit(rest, i + 1)) {
                    i++;
                }
                String digits = rest;
                rest = rest.substring(1 + i);
                nanos = parseNanoseconds(digits, 1 + i);
            }
            default -> parseNumericZone(e);
        }
    }

    private void parseSecond(LayoutChunk chunk, boolean fixed) throws Bad {
        second = getnum(fixed);
        if (second < 0 || 60 <= second) {
            rangeError = "second";
            return;
        }
        // A fractional second in the value is accepted even when the layout has none right after the seconds.
        if (rest.length() >= 2 && commaOrPeriod(rest.charAt(0)) && isDigit(rest, 1)) {
            Element next = LayoutChunk.next(chunk.suffix()).element();
            if (next == Element.FRAC_SECOND_0 || next == Element.FRAC_SECOND_9) {
                return;
            }
            int n = 2;
            while (n < rest.length() && isDigit(rest, n)) {
                n++;
            }
            String digits = rest;
            rest = rest.substring(n);
            nanos = parseNanoseconds(digits, n);
        }
    }

    private void amPm(String am, String pm) throws Bad {
        if (rest.length() < 2) {
            throw Bad.INSTANCE;
        }
        String p = rest.substring(0, 2);
        rest = rest.substring(2);
        if (p.equals(pm)) {
            pmSet = true;
        } else if (p.equals(am)) {
            amSet = true;
        } else {
            throw Bad.INSTANCE;
        }
    }

    private void parseZoneName() throws Bad {
        if (rest.startsWith("UTC")) {
            zone = GoLocation.UTC;
            rest = rest.substring(3);
            return;
        }
        int n = timeZoneLength(rest);
        if (n <= 0) {
            throw Bad.INSTANCE;
        }
        zoneName = rest.substring(0, n);
        rest = rest.substring(n);
    }

    private void parseNumericZone(Element e) throws Bad {
        if ((e == Element.ISO8601_TZ || e == Element.ISO8601_SHORT_TZ || e == Element.ISO8601_COLON_TZ)
                && rest.startsWith("Z")) {
            rest = rest.substring(1);
            zone = GoLocation.UTC;
            return;
        }
        String sign;
        String hh;
        String mm = "00";
        String ss = "00";
        String v = rest;
        if (e == Element.ISO8601_COLON_TZ || e == Element.NUM_COLON_TZ) {
            if (v.length() < 6 || v.charAt(3) != ':') {
                throw Bad.INSTANCE;
            }
            sign = v.substring(0, 1);
            hh = v.substring(1, 3);
            mm = v.substring(4, 6);
            rest = v.substring(6);
        } else if (e == Element.NUM_SHORT_TZ || e == Element.ISO8601_SHORT_TZ) {
            if (v.length() < 3) {
                throw Bad.INSTANCE;
            }
            sign = v.substring(0, 1);
            hh = v.substring(1, 3);
            rest = v.substring(3);
        } else if (e == Element.ISO8601_COLON_SECONDS_TZ || e == Element.NUM_COLON_SECONDS_TZ) {
            if (v.length() < 9 || v.charAt(3) != ':' || v.charAt(6) != ':') {
                throw Bad.INSTANCE;
            }
            sign = v.substring(0, 1);
            hh = v.substring(1, 3);
            mm = v.substring(4, 6);
            ss = v.substring(7, 9);
            rest = v.substring(9);
        } else if (e == Element.ISO8601_SECONDS_TZ || e == Element.NUM_SECONDS_TZ) {
            if (v.length() < 7) {
                throw Bad.INSTANCE;
            }
            sign = v.substring(0, 1);
            hh = v.substring(1, 3);
            mm = v.substring(3, 5);
            ss = v.substring(5, 7);
            rest = v.substring(7);
        } else {
            if (v.length() < 5) {
                throw Bad.INSTANCE;
            }
            sign = v.substring(0, 1);
            hh = v.substring(1, 3);
            mm = v.substring(3, 5);
            rest = v.substring(5);
        }
        int offset = (atoiOrBad(hh) * 60 + atoiOrBad(mm)) * 60 + atoiOrBad(ss);
        switch (sign.charAt(0)) {
            case '+' -> zoneOffset = offset;
            case '-' -> zoneOffset = -offset;
            default -> throw Bad.INSTANCE;
        }
    }

    private int lookup(String[] table) throws Bad {
        for (int i = 0; i < table.length; i++) {
            String v = table[i];
            if (rest.length() >= v.length() && matchIgnoringLetterCase(rest.substring(0, v.length()), v)) {
                rest = rest.substring(v.length());
                return i;
            }
        }
        throw Bad.INSTANCE;
    }

    private static boolean matchIgnoringLetterCase(String s1, String s2) {
        for (int i = 0; i < s1.length(); i++) {
            int c1 = s1.charAt(i);
            int c2 = s2.charAt(i);
            if (c1 != c2) {
                c1 |= 'a' - 'A';
                c2 |= 'a' - 'A';
                if (c1 != c2 || c1 < 'a' || c1 > 'z') {
                    return false;
                }
            }
        }
        return true;
    }

    private int getnum(boolean fixed) throws Bad {
        if (!isDigit(rest, 0)) {
            throw Bad.INSTANCE;
        }
        if (!isDigit(rest, 1)) {
            if (fixed) {
                throw Bad.INSTANCE;
            }
            int n = rest.charAt(0) - '0';
            rest = rest.substring(1);
            return n;
        }
        int n = (rest.charAt(0) - '0') * 10 + rest.charAt(1) - '0';
        rest = rest.substring(2);
        return n;
    }

    private int getnum3(boolean fixed) throws Bad {
        int n = 0;
        int i = 0;
        while (i < 3 && isDigit(rest, i)) {
            n = n * 10 + rest.charAt(i) - '0';
            i++;
        }
        if (i == 0 || fixed && i != 3) {
            throw Bad.INSTANCE;
        }
        rest = rest.substring(i);
        return n;
    }

    private int parseNanoseconds(String v, int nbytes) throws Bad {
        if (!commaOrPeriod(v.charAt(0))) {
            throw Bad.INSTANCE;
        }
        if (nbytes > 10) {
            nbytes = 10;
        }
        int ns = atoiOrBad(v.substring(1, nbytes));
        if (ns < 0) {
            rangeError = "fractional second";
            return 0;
        }
        for (int i = 0; i < 10 - nbytes; i++) {
            ns *= 10;
        }
        return ns;
    }

    /** Go's parseTimeZone: the length of a zone abbreviation at the start of value, 0 if none. */
    static int timeZoneLength(String v) {
        if (v.length() < 3) {
            return 0;
        }
        if (v.startsWith("ChST") || v.startsWith("MeST")) {
            return 4;
        }
        if (v.startsWith("GMT")) {
            return v.length() == 3 ? 3 : 3 + signedOffsetLength(v.substring(3));
        }
        if (v.charAt(0) == '+' || v.charAt(0) == '-') {
            return signedOffsetLength(v);
        }
        int upper = 0;
        while (upper < 6 && upper < v.length() && v.charAt(upper) >= 'A' && v.charAt(upper) <= 'Z') {
            upper++;
        }
        return switch (upper) {
            case 3 -> 3;
            case 4 -> v.charAt(3) == 'T' || v.startsWith("WITA") ? 4 : 0;
            case 5 -> v.charAt(4) == 'T' ? 5 : 0;
            default -> 0;
        };
    }

    private static int signedOffsetLength(String v) {
        char sign = v.charAt(0);
        if (sign != '-' && sign != '+') {
            return 0;
        }
        int i = 1;
        long x = 0;
        while (i < v.length() && isDigit(v, i)) {
            x = x * 10 + v.charAt(i) - '0';
            if (x > 1L << 40) {
                return 0;
            }
            i++;
        }
        if (i == 1 || x > 23) {
            return 0;
        }
        return i;
    }

    private static boolean commaOrPeriod(char c) {
        return c == '.' || c == ',';
    }

    private static boolean isDigit(String s, int i) {
        return i < s.length() && LayoutChunk.isDigit(s.charAt(i));
    }

    /** Go time's own atoi: optional sign, then only digits. */
    private static int atoiOrBad(String s) throws Bad {
        boolean neg = false;
        String digits = s;
        if (!digits.isEmpty() && (digits.charAt(0) == '-' || digits.charAt(0) == '+')) {
            neg = digits.charAt(0) == '-';
            digits = digits.substring(1);
        }
        if (digits.isEmpty()) {
            return 0;
        }
        long x = 0;
        for (int i = 0; i < digits.length(); i++) {
            if (!isDigit(digits, i)) {
                throw Bad.INSTANCE;
            }
            x = x * 10 + digits.charAt(i) - '0';
            if (x > Integer.MAX_VALUE) {
                throw Bad.INSTANCE;
            }
        }
        return (int) (neg ? -x : x);
    }

    private static int atoi(String s) {
        try {
            return atoiOrBad(s);
        } catch (Bad e) {
            return 0;
        }
    }

    /**
     * Go's {@code skip}: consumes prefix from the value, a run of spaces matching a run of spaces. On a mismatch the
     * value stays partly consumed, as Go's error message shows.
     */
    private boolean skipPrefix(String prefix) {
        while (!prefix.isEmpty()) {
            if (prefix.charAt(0) == ' ') {
                if (!rest.isEmpty() && rest.charAt(0) != ' ') {
                    return false;
                }
                prefix = cutSpace(prefix);
                rest = cutSpace(rest);
                continue;
            }
            if (rest.isEmpty() || rest.charAt(0) != prefix.charAt(0)) {
                return false;
            }
            prefix = prefix.substring(1);
            rest = rest.substring(1);
        }
        return true;
    }

    private static String cutSpace(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return s.substring(i);
    }

    private static int daysIn(int month, int year) {
        return YearMonth.of(year, month).lengthOfMonth();
    }

    private GoTimeException error(String layoutElem, String valueElem, String message) {
        if (message.isEmpty()) {
            return new GoTimeException("parsing time " + quote(value) + " as " + quote(layout) + ": cannot parse "
                    + quote(valueElem) + " as " + quote(layoutElem));
        }
        return new GoTimeException("parsing time " + quote(value) + message);
    }

    /** The time package's own quoting: bytes outside printable ASCII become \xNN. */
    static String quote(String bytes) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < bytes.length(); i++) {
            char c = bytes.charAt(i);
            if (c >= 0x80 || c < ' ') {
                b.append(String.format("\\x%02x", (int) c));
            } else {
                if (c == '"' || c == '\\') {
                    b.append('\\');
                }
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
