package io.kanisterhooks.template.sprig;

import io.kanisterhooks.golang.strings.GoUnicode;
import io.kanisterhooks.template.func.FunctionLimits;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * The Masterminds/goutils (v1.1) functions sprig exposes: a Go port of commons-lang string utilities. Several work
 * on bytes, not runes, and take and return byte arrays so that their quirks survive (a byte above 0x7F becomes the
 * rune of the same number, cuts may split UTF-8 sequences).
 */
final class Goutils {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Goutils() {
    }

    /** {@code AbbreviateFull}; the error case (width below 4, or 7 with an offset) is signalled by null. */
    static byte[] abbreviateFull(byte[] str, int offset, int maxWidth) {
        if (str.length == 0) {
            return str;
        }
        if (maxWidth < 4) {
            return null;
        }
        if (str.length <= maxWidth) {
            return str;
        }
        if (offset > str.length) {
            offset = str.length;
        }
        if (str.length - offset < maxWidth - 3) {
            offset = str.length - (maxWidth - 3);
        }
        if (offset <= 4) {
            return concat(slice(str, 0, maxWidth - 3), ELLIPSIS);
        }
        if (maxWidth < 7) {
            return null;
        }
        if (offset + maxWidth - 3 < str.length) {
            byte[] inner = abbreviateFull(slice(str, offset, str.length), 0, maxWidth - 3);
            return concat(ELLIPSIS, inner == null ? new byte[0] : inner);
        }
        return concat(ELLIPSIS, slice(str, str.length - (maxWidth - 3), str.length));
    }

    private static final byte[] ELLIPSIS = {'.', '.', '.'};

    /** {@code Initials}: the first byte of each whitespace-separated word, each written as a rune. */
    static String initials(byte[] str) {
        StringBuilder b = new StringBuilder();
        boolean lastWasGap = true;
        for (byte value : str) {
            int ch = value & 0xff;
            if (GoUnicode.isSpace(ch)) {
                lastWasGap = true;
            } else if (lastWasGap) {
                b.appendCodePoint(ch);
                lastWasGap = false;
            }
        }
        return b.toString();
    }

    /**
     * {@code DeleteWhiteSpace}: drops whitespace bytes; if any was dropped, the other bytes are rewritten as runes
     * (so non-ASCII text becomes mojibake, as in Go).
     */
    static byte[] deleteWhiteSpace(byte[] str) {
        StringBuilder b = new StringBuilder();
        int count = 0;
        for (byte value : str) {
            int ch = value & 0xff;
            if (!GoUnicode.isSpace(ch)) {
                b.appendCodePoint(ch);
                count++;
            }
        }
        return count == str.length ? str : b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code SwapCase}: upper and title case to lower; lower case to title case after whitespace, else upper. */
    static String swapCase(String str) {
        StringBuilder b = new StringBuilder(str.length());
        boolean whitespace = true;
        for (int ch : str.codePoints().toArray()) {
            if (GoUnicode.isUpper(ch) || GoUnicode.isTitle(ch)) {
                b.appendCodePoint(GoUnicode.toLower(ch));
                whitespace = false;
            } else if (GoUnicode.isLower(ch)) {
                b.appendCodePoint(whitespace ? GoUnicode.toTitle(ch) : GoUnicode.toUpper(ch));
                whitespace = false;
            } else {
                b.appendCodePoint(ch);
                whitespace = GoUnicode.isSpace(ch);
            }
        }
        return b.toString();
    }

    /** {@code Uncapitalize}: lower-cases the first rune of each whitespace-separated word. */
    static String uncapitalize(String str) {
        StringBuilder b = new StringBuilder(str.length());
        boolean next = true;
        for (int ch : str.codePoints().toArray()) {
            if (GoUnicode.isSpace(ch)) {
                next = true;
                b.appendCodePoint(ch);
            } else if (next) {
                b.appendCodePoint(GoUnicode.toLower(ch));
                next = false;
            } else {
                b.appendCodePoint(ch);
            }
        }
        return b.toString();
    }

    /**
     * {@code WrapCustom}: breaks a line at spaces so that lines stay within wrapLength bytes; long words are cut
     * only if wrapLongWords. Leading spaces of a new line are dropped.
     */
    static byte[] wrapCustom(byte[] str, int wrapLength, byte[] newLine, boolean wrapLongWords) {
        if (str.length == 0) {
            return str;
        }
        if (newLine.length == 0) {
            newLine = new byte[] {'\n'};
        }
        if (wrapLength < 1) {
            wrapLength = 1;
        }
        int length = str.length;
        int offset = 0;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (length - offset > wrapLength) {
            if (str[offset] == ' ') {
                offset++;
                continue;
            }
            int end = wrapLength + offset + 1;
            int spaceToWrapAt = lastIndexOfSpace(str, offset, end);
            if (spaceToWrapAt >= offset) {
                out.write(str, offset, spaceToWrapAt - offset);
                out.writeBytes(newLine);
                offset = spaceToWrapAt + 1;
            } else if (wrapLongWords) {
                out.write(str, offset, wrapLength);
                out.writeBytes(newLine);
                offset += wrapLength;
            } else {
                int space = indexOfSpace(str, wrapLength + offset);
                if (space < 0) {
                    out.write(str, offset, length - offset);
                    offset = length;
                } else {
                    out.write(str, offset, space - offset);
                    out.writeBytes(newLine);
                    offset = space + 1;
                }
            }
        }
        out.write(str, offset, length - offset);
        return out.toByteArray();
    }

    private static int lastIndexOfSpace(byte[] s, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (s[i] == ' ') {
                return i;
            }
        }
        return -1;
    }

    private static int indexOfSpace(byte[] s, int from) {
        for (int i = from; i < s.length; i++) {
            if (s[i] == ' ') {
                return i;
            }
        }
        return -1;
    }

    /** Which characters {@link #cryptoRandom} may pick. */
    enum RandomSet {
        /** Code points 32..126. */
        ASCII,
        /** [A-Za-z]. */
        ALPHABETIC,
        /** [0-9]. */
        NUMERIC,
        /** [0-9A-Za-z]. */
        ALPHANUMERIC
    }

    /** {@code CryptoRandom*}: count random characters; "" for a count of zero or less. */
    static String cryptoRandom(int count, RandomSet set) {
        if (count <= 0) {
            return "";
        }
        FunctionLimits.checkString(count);
        int start = set == RandomSet.ASCII ? 32 : ' ';
        int end = set == RandomSet.ASCII ? 127 : 'z' + 1;
        StringBuilder b = new StringBuilder(count);
        while (b.length() < count) {
            int ch = start + RANDOM.nextInt(end - start);
            boolean letter = Character.isLetter(ch);
            boolean digit = Character.isDigit(ch);
            boolean accept = switch (set) {
                case ASCII -> true;
                case ALPHABETIC -> letter;
                case NUMERIC -> digit;
                case ALPHANUMERIC -> letter || digit;
            };
            if (accept) {
                b.append((char) ch);
            }
        }
        return b.toString();
    }

    private static byte[] slice(byte[] s, int from, int to) {
        byte[] out = new byte[to - from];
        System.arraycopy(s, from, out, 0, out.length);
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
