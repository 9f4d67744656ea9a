package io.kanisterhooks.cluster.kubelet.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** An HTTP/1.1 request head (the API server's requests to the kubelet carry no body we need). */
record HttpRequest(String method, String path, Map<String, List<String>> query, Map<String, String> headers) {
    private static final int MAX_HEAD = 64 * 1024;

    /** Reads one request head; {@code null} at end of stream (the client closed a kept-alive connection). */
    static HttpRequest read(InputStream in) throws IOException {
        String requestLine = line(in);
        while (requestLine != null && requestLine.isEmpty()) {
            requestLine = line(in);
        }
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        if (parts.length != 3) {
            throw new IOException("malformed request line");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        int size = requestLine.length();
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            size += line.length();
            if (size > MAX_HEAD) {
                throw new IOException("request head too large");
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.merge(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1)
                        .trim(),
                        (a, b) -> a + ", " + b);
            }
        }
        String target = parts[1];
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        return new HttpRequest(parts[0], path, parseQuery(q < 0 ? "" : target.substring(q + 1)), headers);
    }

    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** Header values as a list of comma-separated tokens. */
    List<String> headerTokens(String name) {
        List<String> tokens = new ArrayList<>();
        String value = header(name);
        if (value != null) {
            for (String token : value.split(",")) {
                if (!token.isBlank()) {
                    tokens.add(token.trim());
                }
            }
        }
        return tokens;
    }

    /** Path segments after {@code prefix}, URL-decoded. */
    List<String> segmentsAfter(String prefix) {
        List<String> segments = new ArrayList<>();
        for (String s : path.substring(prefix.length()).split("/")) {
            if (!s.isEmpty()) {
                segments.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return segments;
    }

    private static Map<String, List<String>> parseQuery(String raw) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return query;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                byte[] bytes = buffer.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            buffer.write(b);
            if (buffer.size() > MAX_HEAD) {
                throw new IOException("header line too long");
            }
        }
        return buffer.size() == 0 ? null : buffer.toString(StandardCharsets.ISO_8859_1);
    }
}
