package io.kanisterhooks.golang.strings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Unicode simple case-folding orbits, as Go's {@code unicode.SimpleFold} walks them: k, K and the Kelvin sign are one
 * orbit. Derived from Java's case mappings; the Turkic dotted/dotless i have no simple folding and stay alone.
 */
public final class CaseOrbits {

    private static final int[] NONE = {};
    private static final int DOTTED_CAPITAL_I = 0x130;
    private static final int DOTLESS_SMALL_I = 0x131;

    private static final class Holder {
        static final Map<Integer, int[]> ORBITS = build();
    }

    private CaseOrbits() {
    }

    /** The other members of c's orbit (empty when c folds to nothing else). */
    public static int[] orbit(int c) {
        if (c < 0x41) {
            return NONE;
        }
        return Holder.ORBITS.getOrDefault(c, NONE);
    }

    /**
     * The representative of c's orbit: two code points fold together iff their keys are equal. The Turkic dotted and
     * dotless i change case to ASCII letters in Java but have no simple case folding in Unicode, so they stay alone.
     */
    static int foldKey(int c) {
        return c == DOTTED_CAPITAL_I || c == DOTLESS_SMALL_I ? c : Character.toLowerCase(Character.toUpperCase(c));
    }

    private static Map<Integer, int[]> build() {
        Map<Integer, List<Integer>> byKey = new HashMap<>();
        for (int c = 0; c <= GoUtf8.MAX_RUNE; c++) {
            if (c == DOTTED_CAPITAL_I || c == DOTLESS_SMALL_I) {
                continue;
            }
            int key = foldKey(c);
            if (key != c || Character.toUpperCase(c) != c) {
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
            }
        }
        Map<Integer, int[]> orbits = new HashMap<>();
        for (Map.Entry<Integer, List<Integer>> e : byKey.entrySet()) {
            List<Integer> members = e.getValue();
            if (!members.contains(e.getKey())) {
                members.add(e.getKey());
            }
            if (members.size() < 2) {
                continue;
            }
            for (int m : members) {
                orbits.put(m, members.stream().filter(x -> x != m).mapToInt(Integer::intValue).toArray());
            }
        }
        return orbits;
    }
}
