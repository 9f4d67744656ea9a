package io.kanisterhooks.template.func;

import io.kanisterhooks.golang.errors.GoError;

/**
 * Bounds on what a function builds from a count it is given ({@code repeat}, {@code indent}, {@code randAlphaNum},
 * {@code until}, ...), so that a template cannot make the process run out of memory before its output is checked.
 * Go has none (it allocates, or crashes); these are far beyond what a blueprint renders.
 */
public final class FunctionLimits {

    /** Characters of a string a function builds. */
    public static final long MAX_STRING = 4L * 1024 * 1024;
    /** Elements of a list a function builds. */
    public static final long MAX_LIST = 100_000;

    private FunctionLimits() {
    }

    /** Refuses a string of {@code length} characters; the template fails with {@code error calling NAME: ...}. */
    public static void checkString(long length) {
        if (length > MAX_STRING) {
            throw new GoError("the result would have " + length + " characters; the limit is " + MAX_STRING);
        }
    }

    /** Refuses a list of {@code length} elements. */
    public static void checkList(long length) {
        if (length > MAX_LIST) {
            throw new GoError("the result would have " + length + " elements; the limit is " + MAX_LIST);
        }
    }
}
