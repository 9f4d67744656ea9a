package io.kanisterhooks.template.sprig;

import io.kanisterhooks.golang.encoding.GoBase64;
import io.kanisterhooks.golang.errors.GoException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** Go's {@code encoding/pem}: encoding with 64-column lines and the lenient first-block decoding. */
record PemBlock(String type, byte[] bytes) {

    private static final String BEGIN = "-----BEGIN ";
    private static final String END = "\n-----END ";
    private static final String DASHES = "-----";

    /** {@code pem.EncodeToMemory} for a block without headers. */
    String encode() {
        StringBuilder b = new StringBuilder(BEGIN).append(type).append(DASHES).append('\n');
        String body = Base64.getEncoder().encodeToString(bytes);
        for (int i = 0; i < body.length(); i += 64) {
            b.append(body, i, Math.min(body.length(), i + 64)).append('\n');
        }
        return b.append("-----END ").append(type).append(DASHES).append('\n').toString();
    }

    /** {@code pem.Decode}: the first well-formed block, skipping anything before it and malformed blocks. */
    static Optional<PemBlock> decode(byte[] data) {
        String rest = new String(data, StandardCharsets.ISO_8859_1);
        while (true) {
            if (rest.startsWith(BEGIN)) {
                rest = rest.substring(BEGIN.length());
            } else {
                int at = rest.indexOf("\n" + BEGIN);
                if (at < 0) {
                    return Optional.empty();
                }
                rest = rest.substring(at + 1 + BEGIN.length());
            }
            String[] line = line(rest);
            rest = line[1];
            if (!line[0].endsWith(DASHES)) {
                continue;
            }
            String type = line[0].substring(0, line[0].length() - DASHES.length());
            boolean headers = false;
            boolean truncated = false;
            while (true) {
                if (rest.isEmpty()) {
                    truncated = true;
                    break;
                }
                String[] h = line(rest);
                if (h[0].indexOf(':') < 0) {
                    break;
                }
                headers = true;
                rest = h[1];
            }
            if (truncated) {
                return Optional.empty();
            }
            int endIndex;
            int trailerIndex;
            if (!headers && rest.startsWith(END.substring(1))) {
                endIndex = 0;
                trailerIndex = END.length() - 1;
            } else {
                endIndex = rest.indexOf(END);
                trailerIndex = endIndex + END.length();
            }
            if (endIndex < 0) {
                continue;
            }
            String trailer = rest.substring(trailerIndex);
            int trailerLen = type.length() + DASHES.length();
            if (trailer.length() < trailerLen || !trailer.substring(0, trailerLen).equals(type + DASHES)
                    || !line(trailer.substring(trailerLen))[0].isEmpty()) {
                continue;
            }
            String base64 = rest.substring(0, endIndex).replace(" ", "").replace("\t", "");
            try {
                return Optional.of(new PemBlock(type,
                        GoBase64.decodeString(base64.getBytes(StandardCharsets.ISO_8859_1))));
            } catch (GoException e) {
                // A block with bad base64 is skipped, like Go does.
            }
        }
    }

    /** Go's getLine: {line without trailing CR/spaces/tabs, rest after the newline}. */
    private static String[] line(String data) {
        int i = data.indexOf('\n');
        int j;
        if (i < 0) {
            i = data.length();
            j = i;
        } else {
            j = i + 1;
            if (i > 0 && data.charAt(i - 1) == '\r') {
                i--;
            }
        }
        String l = data.substring(0, i);
        int end = l.length();
        while (end > 0 && (l.charAt(end - 1) == ' ' || l.charAt(end - 1) == '\t')) {
            end--;
        }
        return new String[] {l.substring(0, end), data.substring(j)};
    }
}
