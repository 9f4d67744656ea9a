package io.kanisterhooks.golang.errors;

/**
 * A Go panic raised by ported Go code (the runtime's bounds checks, {@code strings.Repeat}, {@code
 * regexp.MustCompile}) or by a sprig function. text/template recovers it and reports {@code error calling NAME:
 * MESSAGE}, so the message is exactly what Go would print (e.g. {@code runtime error: slice bounds out of range
 * [:-3]}).
 */
public class GoPanic extends GoError {

    public GoPanic(String message) {
        super(message);
    }

    /**
     * Checks a Go slice expression {@code x[low:high]} on a string ({@code "length"}) or slice ({@code "capacity"})
     * of the given size, panicking with the runtime's message when the bounds are bad.
     */
    public static void checkSliceBounds(long low, long high, long size, boolean isString) {
        if (high < 0) {
            throw new GoPanic("runtime error: slice bounds out of range [:" + high + "]");
        }
        if (high > size) {
            throw new GoPanic("runtime error: slice bounds out of range [:" + high + "] with "
                    + (isString ? "length " : "capacity ") + size);
        }
        if (low < 0) {
            throw new GoPanic("runtime error: slice bounds out of range [" + low + ":]");
        }
        if (low > high) {
            throw new GoPanic("runtime error: slice bounds out of range [" + low + ":" + high + "]");
        }
    }

    /** Go's runtime panic for {@code x[index]} out of range. */
    public static GoPanic indexOutOfRange(long index, long length) {
        if (index < 0) {
            return new GoPanic("runtime error: index out of range [" + index + "]");
        }
        return new GoPanic("runtime error: index out of range [" + index + "] with length " + length);
    }

    /** The panic of a nil map write or nil pointer dereference. */
    public static GoPanic nilDereference() {
        return new GoPanic("runtime error: invalid memory address or nil pointer dereference");
    }
}
