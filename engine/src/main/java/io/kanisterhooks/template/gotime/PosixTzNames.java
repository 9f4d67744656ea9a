package io.kanisterhooks.template.gotime;

/** Extracts the standard and daylight zone names from a POSIX TZ rule such as {@code EST5EDT,M3.2.0,M11.1.0}. */
final class PosixTzNames {

    private PosixTzNames() {
    }

    /** Returns {standard, daylight}; a missing part is "". */
    static String[] parse(String rule) {
        String[] names = {"", ""};
        int[] pos = {0};
        names[0] = name(rule, pos);
        if (names[0].isEmpty()) {
            return names;
        }
        skipOffset(rule, pos);
        names[1] = name(rule, pos);
        return names;
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

    private static void skipOffset(String s, int[] pos) {
        int i = pos[0];
        while (i < s.length() && "+-0123456789:".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        pos[0] = i;
    }
}
