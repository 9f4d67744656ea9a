package io.kanisterhooks.golang.regexp;

import io.kanisterhooks.golang.strings.CaseOrbits;
import io.kanisterhooks.golang.strings.GoUtf8;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A set of Unicode code points as sorted, merged, inclusive ranges: the form RE2 gives every character class before
 * it is matched, so that negation and case folding combine exactly as in Go.
 */
final class CodePointSet {

    static final int MAX_RUNE = GoUtf8.MAX_RUNE;

    private final List<int[]> ranges = new ArrayList<>();

    CodePointSet add(int lo, int hi) {
        ranges.add(new int[] {lo, hi});
        return this;
    }

    CodePointSet addAll(CodePointSet other) {
        ranges.addAll(other.ranges);
        return this;
    }

    /** Adds the simple case-folding orbit of every code point in [lo, hi] (RE2's appendFoldedRange). */
    CodePointSet addFolded(int lo, int hi) {
        add(lo, hi);
        for (int c = lo; c <= hi; c++) {
            for (int o : CaseOrbits.orbit(c)) {
                add(o, o);
            }
        }
        return this;
    }

    CodePointSet folded() {
        CodePointSet out = new CodePointSet();
        for (int[] r : normalized()) {
            out.addFolded(r[0], r[1]);
        }
        return out;
    }

    /** The sorted, merged ranges. */
    List<int[]> normalized() {
        int[][] sorted = ranges.toArray(new int[0][]);
        Arrays.sort(sorted, (a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(b[1], a[1]));
        List<int[]> out = new ArrayList<>();
        for (int[] r : sorted) {
            if (!out.isEmpty() && r[0] <= out.get(out.size() - 1)[1] + 1) {
                int[] last = out.get(out.size() - 1);
                last[1] = Math.max(last[1], r[1]);
            } else {
                out.add(new int[] {r[0], r[1]});
            }
        }
        return out;
    }

    CodePointSet negated() {
        CodePointSet out = new CodePointSet();
        int next = 0;
        for (int[] r : normalized()) {
            if (r[0] > next) {
                out.add(next, r[0] - 1);
            }
            next = r[1] + 1;
        }
        if (next <= MAX_RUNE) {
            out.add(next, MAX_RUNE);
        }
        return out;
    }

    boolean contains(int c) {
        for (int[] r : ranges) {
            if (r[0] <= c && c <= r[1]) {
                return true;
            }
        }
        return false;
    }

    /** A java.util.regex fragment matching exactly one code point of this set. */
    String toJavaRegex() {
        List<int[]> norm = normalized();
        if (norm.isEmpty()) {
            return "(?!)";
        }
        if (norm.size() == 1 && norm.get(0)[0] == 0 && norm.get(0)[1] == MAX_RUNE) {
            return "(?s:.)";
        }
        StringBuilder b = new StringBuilder("[");
        for (int[] r : norm) {
            b.append(escape(r[0]));
            if (r[1] != r[0]) {
                b.append('-').append(escape(r[1]));
            }
        }
        return b.append(']').toString();
    }

    static String escape(int c) {
        if (c < 0x80 && Character.isLetterOrDigit(c)) {
            return String.valueOf((char) c);
        }
        return "\\x{" + Integer.toHexString(c) + "}";
    }
}
