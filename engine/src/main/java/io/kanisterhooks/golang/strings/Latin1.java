package io.kanisterhooks.golang.strings;

import java.nio.charset.StandardCharsets;

/**
 * Go strings are byte sequences and Go's time code indexes them by byte. Mapping each UTF-8 byte to one char
 * (ISO-8859-1) lets Java string operations keep exactly those byte semantics.
 */
public final class Latin1 {

    private Latin1() {
    }

    public static String fromUtf8(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    public static String toUtf8(String bytes) {
        return new String(bytes.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }
}
