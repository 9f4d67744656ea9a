package io.kanisterhooks.golang.time;

/**
 * The standard and daylight zones of a POSIX TZ rule such as {@code EST5EDT,M3.2.0,M11.1.0} or
 * {@code IST-1GMT0,M10.5.0,M3.5.0/1} (Dublin, where "daylight" time is the winter's): names and UTC offsets.
 */
record PosixTzNames(String standardName, int standardOffset, String daylightName, int daylightOffset) {

    static final PosixTzNames NONE = new PosixTzNames("", 0, "", 0);

    static PosixTzNames parse(String rule) {
        int[] pos = {0};
        String std = name(rule, pos);
        if (std.isEmpty()) {
            return NONE;
        }
        Integer stdOffset = offset(rule, pos);
        if (stdOffset == null) {
            return NONE;
        }
        String dst = name(rule, pos);
        if (dst.isEmpty()) {
            return new PosixTzNames(std, stdOffset, "", stdOffset);
        }
        Integer dstOffset = offset(rule, pos);
        return new PosixTzNames(std, stdOffset, dst, dstOffset == null ? stdOffset + 3600 : dstOffset);
    }

    /** The name for an instant with this UTC offset; the daylight flag decides only between equal offsets. */
    String nameFor(int offset, boolean daylight) {
        if (daylightName.isEmpty()) {
            return standardName;
        }
        if (standardOffset != daylightOffset) {
            return offset == daylightOffset ? daylightName : standardName;
        }
        return daylight ? daylightName : standardName;
    }

    private static String name(String s, int[] pos) {
        int i = pos[0];
        if (i < s.length() && s.charAt(i) == '<') {
            int end = s.indexOf('>', i);
            if (end < 0) {
                return "";
            }
            pos[0] = end + 1;
            return s.substring(i + 1, end);
        }
        int start = i;
        while (i < s.length() && Character.isLetter(s.charAt(i))) {
            i++;
        }
        pos[0] = i;
        return s.substring(start, i);
    }

    /** [+-]hh[:mm[:ss]] with POSIX's inverted sign, as seconds east of UTC; null if absent. */
    private static Integer offset(String s, int[] pos) {
        int i = pos[0];
        int sign = -1;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            sign = s.charAt(i) == '-' ? 1 : -1;
            i++;
        }
        int seconds = 0;
        int unit = 3600;
        boolean any = false;
        while (unit >= 1) {
            int start = i;
            int v = 0;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                v = v * 10 + s.charAt(i++) - '0';
            }
            if (i == start) {
                break;
            }
            any = true;
            seconds += v * unit;
            if (i < s.length() && s.charAt(i) == ':') {
                i++;
                unit /= 60;
            } else {
                break;
            }
        }
        if (!any) {
            return null;
        }
        pos[0] = i;
        return sign * seconds;
    }
}
