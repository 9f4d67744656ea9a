package io.kanisterhooks.golang.json;

import io.kanisterhooks.golang.value.GoCapacity;
import java.util.ArrayList;

/**
 * A decoded JSON array: a plain {@code []interface {}} list that also remembers the capacity Go's decoder gives
 * the slice by appending element after element (observable through the builtin {@code slice}).
 */
final class JsonList extends ArrayList<Object> implements GoCapacity {
    private static final long serialVersionUID = 1L;
    /** Go's malloc size classes up to 32 KiB (runtime/sizeclasses.go). */
    private static final int[] SIZE_CLASSES = {0, 8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192,
        208, 224, 240, 256, 288, 320, 352, 384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408,
        1536, 1792, 2048, 2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472,
        9728, 10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672, 32768};
    private static final int INTERFACE_SIZE = 16;
    private static final int PAGE = 8192;

    @Override
    public int goCapacity() {
        return appendCapacity(size());
    }

    /** The capacity of a {@code []interface {}} that grew from empty by appending {@code len} elements. */
    static int appendCapacity(int len) {
        int cap = 0;
        for (int n = 1; n <= len; n++) {
            if (n > cap) {
                cap = grow(cap, n);
            }
        }
        return cap;
    }

    private static int grow(int oldCap, int needed) {
        long newCap = oldCap;
        long doubleCap = 2L * oldCap;
        if (needed > doubleCap) {
            newCap = needed;
        } else if (oldCap < 256) {
            newCap = doubleCap;
        } else {
            while (newCap < needed) {
                newCap += (newCap + 3 * 256) / 4;
            }
        }
        return (int) (roundUpSize(newCap * INTERFACE_SIZE) / INTERFACE_SIZE);
    }

    private static long roundUpSize(long size) {
        if (size <= SIZE_CLASSES[SIZE_CLASSES.length - 1]) {
            for (int c : SIZE_CLASSES) {
                if (c >= size) {
                    return c;
                }
            }
        }
        return (size + PAGE - 1) / PAGE * PAGE;
    }
}
