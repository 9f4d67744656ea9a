package io.kanisterhooks.output;

/** Reads Go's {@code %q} / {@code strconv.Quote} form back into a string (test data written by Go programs). */
final class GoQuoted {

    private GoQuoted() {
    }

    /** The string of a quoted literal starting at {@code text.charAt(from) == '"'}; {@code end[0]} receives its end. */
    static String unquote(String text, int from, int[] end) {
        StringBuilder sb = new StringBuilder();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        int i = from + 1;
        while (text.charAt(i) != '"') {
            char c = text.charAt(i++);
            if (c != '\\') {
                flush(bytes, sb);
                sb.append(c);
                continue;
            }
            char e = text.charAt(i++);
            switch (e) {
                case 'x' -> {
                    bytes.write(Integer.parseInt(text.substring(i, i + 2), 16));
                    i += 2;
                }
                case 'u' -> {
                    flush(bytes, sb);
                    sb.appendCodePoint(Integer.parseInt(text.substring(i, i + 4), 16));
                    i += 4;
                }
                case 'U' -> {
                    flush(bytes, sb);
                    sb.appendCodePoint(Integer.parseInt(text.substring(i, i + 8), 16));
                    i += 8;
                }
                default -> {
                    flush(bytes, sb);
                    sb.append(switch (e) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        case 'r' -> '\r';
                        case 'a' -> '\u0007';
                        case 'b' -> '\b';
                        case 'f' -> '\f';
                        case 'v' -> '\u000b';
                        default -> e;
                    });
                }
            }
        }
        flush(bytes, sb);
        end[0] = i + 1;
        return sb.toString();
    }

    private static void flush(java.io.ByteArrayOutputStream bytes, StringBuilder sb) {
        if (bytes.size() > 0) {
            StringBuilder decoded = new StringBuilder();
            GoUtf8Decoder d = new GoUtf8Decoder();
            byte[] b = bytes.toByteArray();
            d.decode(b, 0, b.length, decoded);
            d.finish(decoded);
            sb.append(decoded);
            bytes.reset();
        }
    }
}
