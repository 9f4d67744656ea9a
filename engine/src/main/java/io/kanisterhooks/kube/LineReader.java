package io.kanisterhooks.kube;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Lines of a log stream as Go's {@code bufio.Reader.ReadLine} sees them: split on {@code \n} only (a lone {@code \r} is
 * part of the line, a {@code \r\n} ending is removed), any length.
 */
final class LineReader {

    private final InputStream in;
    private final byte[] buffer = new byte[64 * 1024];
    private int pos;
    private int limit;

    LineReader(InputStream in) {
        this.in = in;
    }

    /** The next line, or null at the end of the stream (a last line without newline is returned too). */
    String next() throws IOException {
        ByteArrayOutputStream line = null;
        while (true) {
            if (pos == limit) {
                limit = in.read(buffer);
                pos = 0;
                if (limit <= 0) {
                    limit = 0;
                    return line == null || line.size() == 0 ? null : decode(line);
                }
            }
            int start = pos;
            while (pos < limit && buffer[pos] != '\n') {
                pos++;
            }
            if (line == null) {
                line = new ByteArrayOutputStream(Math.max(128, pos - start));
            }
            line.write(buffer, start, pos - start);
            if (pos < limit) {
                pos++;
                return decode(line);
            }
        }
    }

    private static String decode(ByteArrayOutputStream line) {
        byte[] bytes = line.toByteArray();
        int len = bytes.length;
        if (len > 0 && bytes[len - 1] == '\r') {
            len--;
        }
        return new String(bytes, 0, len, StandardCharsets.UTF_8);
    }
}
