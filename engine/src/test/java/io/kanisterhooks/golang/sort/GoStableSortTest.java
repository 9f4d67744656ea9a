package io.kanisterhooks.golang.sort;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Go's stable sort, checked against Go itself. */
class GoStableSortTest {

    @Test
    void stableSortReproducesGoWithAnInconsistentComparison() {
        List<Integer> items = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            items.add((i * 17) % 45);
        }
        GoStableSort.sort(items, (i, j) -> {
            int a = rank(items.get(i));
            int b = a < 0 ? -1 : rank(items.get(j));
            return a < 0 || b < 0 || a < b;
        });
        // Output of sort.SliceStable with the same data and comparison.
        assertThat(items).containsExactly(28, 11, 39, 22, 5, 16, 44, 10, 38, 4, 32, 43, 26, 37, 20, 31, 14, 42, 8, 36,
                33, 27, 21, 15, 9, 3, 25, 19, 2, 30, 13, 41, 24, 7, 35, 18, 1, 29, 12, 40, 23, 6, 34, 17, 0);
    }

    @Test
    void stableSortIsAStableSortForProperComparisons() {
        Random random = new Random(42);
        for (int round = 0; round < 50; round++) {
            List<int[]> items = new ArrayList<>();
            for (int i = 0; i < random.nextInt(200); i++) {
                items.add(new int[] {random.nextInt(10), i});
            }
            List<int[]> expected = new ArrayList<>(items);
            expected.sort((x, y) -> Integer.compare(x[0], y[0]));
            GoStableSort.sort(items, (i, j) -> items.get(i)[0] < items.get(j)[0]);
            assertThat(items.stream().map(Arrays::toString).toList())
                    .isEqualTo(expected.stream().map(Arrays::toString).toList());
        }
    }

    private static int rank(int v) {
        return v % 3 != 0 ? -1 : 100 - v;
    }
}
