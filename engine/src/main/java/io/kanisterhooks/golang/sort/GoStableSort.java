package io.kanisterhooks.golang.sort;

import java.util.Collections;
import java.util.List;

/**
 * Go's {@code sort.SliceStable}: insertion sort over blocks of 20, then SymMerge (Kim and Kutzner) passes. Reproduced
 * step for step because apimachinery sorts with a comparison that is not a strict weak order (elements missing from
 * the reference list are "less" than everything), and then only the exact sequence of comparisons and swaps gives
 * Go's result.
 */
public final class GoStableSort {

    private static final int BLOCK_SIZE = 20;

    /** Go's less function over current positions of the list being sorted; it may fail with {@code E}. */
    @FunctionalInterface
    public interface Less<E extends Exception> {
        boolean less(int i, int j) throws E;
    }

    private GoStableSort() {
    }

    public static <T, E extends Exception> void sort(List<T> data, Less<E> less) throws E {
        int n = data.size();
        int blockSize = BLOCK_SIZE;
        int a = 0;
        int b = blockSize;
        while (b <= n) {
            insertionSort(data, less, a, b);
            a = b;
            b += blockSize;
        }
        insertionSort(data, less, a, n);
        while (blockSize < n) {
            a = 0;
            b = 2 * blockSize;
            while (b <= n) {
                symMerge(data, less, a, a + blockSize, b);
                a = b;
                b += 2 * blockSize;
            }
            int m = a + blockSize;
            if (m < n) {
                symMerge(data, less, a, m, n);
            }
            blockSize *= 2;
        }
    }

    private static <T, E extends Exception> void insertionSort(List<T> data, Less<E> less, int a, int b) throws E {
        for (int i = a + 1; i < b; i++) {
            for (int j = i; j > a && less.less(j, j - 1); j--) {
                Collections.swap(data, j, j - 1);
            }
        }
    }

    /** Merges the sorted runs [a,m) and [m,b); assumes a < m < b. */
    private static <T, E extends Exception> void symMerge(List<T> data, Less<E> less, int a, int m, int b) throws E {
        if (m - a == 1) {
            int i = firstNotLess(less, m, b, a);
            for (int k = a; k < i - 1; k++) {
                Collections.swap(data, k, k + 1);
            }
            return;
        }
        if (b - m == 1) {
            int i = a;
            int j = m;
            while (i < j) {
                int h = (i + j) >>> 1;
                if (!less.less(m, h)) {
                    i = h + 1;
                } else {
                    j = h;
                }
            }
            for (int k = m; k > i; k--) {
                Collections.swap(data, k, k - 1);
            }
            return;
        }
        int mid = (a + b) >>> 1;
        int n = mid + m;
        int start;
        int r;
        if (m > mid) {
            start = n - b;
            r = mid;
        } else {
            start = a;
            r = m;
        }
        int p = n - 1;
        while (start < r) {
            int c = (start + r) >>> 1;
            if (!less.less(p - c, c)) {
                start = c + 1;
            } else {
                r = c;
            }
        }
        int end = n - start;
        if (start < m && m < end) {
            rotate(data, start, m, end);
        }
        if (a < start && start < mid) {
            symMerge(data, less, a, start, mid);
        }
        if (mid < end && end < b) {
            symMerge(data, less, mid, end, b);
        }
    }

    /** Lowest i in [from,to) with !less(i, pivot), or {@code to}. */
    private static <E extends Exception> int firstNotLess(Less<E> less, int from, int to, int pivot) throws E {
        int i = from;
        int j = to;
        while (i < j) {
            int h = (i + j) >>> 1;
            if (less.less(h, pivot)) {
                i = h + 1;
            } else {
                j = h;
            }
        }
        return i;
    }

    /** Turns blocks u = [a,m) and v = [m,b) into v u with block swaps, as Go does. */
    private static <T> void rotate(List<T> data, int a, int m, int b) {
        int i = m - a;
        int j = b - m;
        while (i != j) {
            if (i > j) {
                swapRange(data, m - i, m, j);
                i -= j;
            } else {
                swapRange(data, m - i, m + j - i, i);
                j -= i;
            }
        }
        swapRange(data, m - i, m, i);
    }

    private static <T> void swapRange(List<T> data, int a, int b, int n) {
        for (int i = 0; i < n; i++) {
            Collections.swap(data, a + i, b + i);
        }
    }
}
