package io.kanisterhooks.jenkins.test

import java.util.regex.Pattern

/**
 * Ant's path patterns (SelectorUtils.matchPath), which Declarative's GLOB comparator uses: the pattern and the path are
 * split at '/'; {@code *} and {@code ?} match within one segment, {@code **} matches any number of segments; a
 * pattern that starts with '/' only matches a path that does.
 */
final class AntPattern {
    private AntPattern() {
    }

    static boolean matches(String pattern, String path, boolean caseSensitive) {
        if (pattern.startsWith('/') != path.startsWith('/')) {
            return false
        }
        return matchSegments(segments(pattern), 0, segments(path), 0, caseSensitive)
    }

    private static List<String> segments(String s) {
        return s.split('/').findAll { !it.isEmpty() }
    }

    private static boolean matchSegments(List<String> pattern, int p, List<String> path, int s, boolean caseSensitive) {
        if (p == pattern.size()) {
            return s == path.size()
        }
        if (pattern[p] == '**') {
            for (int rest = s; rest <= path.size(); rest++) {
                if (matchSegments(pattern, p + 1, path, rest, caseSensitive)) {
                    return true
                }
            }
            return false
        }
        return s < path.size() && matchSegment(pattern[p], path[s], caseSensitive) &&
                matchSegments(pattern, p + 1, path, s + 1, caseSensitive)
    }

    private static boolean matchSegment(String pattern, String segment, boolean caseSensitive) {
        StringBuilder regex = new StringBuilder()
        pattern.each { String c ->
            regex.append(c == '*' ? '.*' : (c == '?' ? '.' : Pattern.quote(c)))
        }
        int flags = caseSensitive ? 0 : Pattern.CASE_INSENSITIVE
        return Pattern.compile(regex.toString(), flags).matcher(segment).matches()
    }
}
