package io.kanisterhooks.cluster.kubelet.server;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** Server side of RFC 6455 on an upgraded connection: handshake, framing, ping/pong, close. Writes are serialized. */
final class WebSocket {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final int OP_BINARY = 2;
    private static final int OP_CLOSE = 8;
    private static final int OP_PING = 9;
    private static final int OP_PONG = 10;
    private static final int MAX_MESSAGE = 16 * 1024 * 1024;

    private final InputStream in;
    private final OutputStream out;
    private boolean closeSent;

    private WebSocket(InputStream in, OutputStream out) {
        this.in = in;
        this.out = out;
    }

    /** Answers the upgrade request with 101 and the chosen subprotocol. */
    static WebSocket accept(HttpRequest request, String protocol, InputStream in, OutputStream out) throws IOException {
        String accept;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest((request.header("Sec-WebSocket-Key") + GUID).getBytes(StandardCharsets.ISO_8859_1));
            accept = Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String head = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept + "\r\nSec-WebSocket-Protocol: " + protocol + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return new WebSocket(in, out);
    }

    /** The next data message (text or binary), or {@code null} once the peer closed. Answers pings. */
    byte[] readMessage() throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        while (true) {
            int b0 = in.read();
            if (b0 < 0) {
                return null;
            }
            int b1 = read();
            boolean fin = (b0 & 0x80) != 0;
            int opcode = b0 & 0x0f;
            long length = b1 & 0x7f;
            if (length == 126) {
                length = (read() << 8) | read();
            } else if (length == 127) {
                length = 0;
                for (int i = 0; i < 8; i++) {
                    length = (length << 8) | read();
                }
            }
            if (length > MAX_MESSAGE || message.size() + length > MAX_MESSAGE) {
                throw new IOException("websocket message too large");
            }
            byte[] mask = new byte[4];
            boolean masked = (b1 & 0x80) != 0;
            if (masked) {
                readFully(mask);
            }
            byte[] payload = new byte[(int) length];
            readFully(payload);
            if (masked) {
                for (int i = 0; i < payload.length; i++) {
                    payload[i] ^= mask[i & 3];
                }
            }
            switch (opcode) {
                case OP_PING -> send(OP_PONG, payload);
                case OP_PONG -> { }
                case OP_CLOSE -> {
                    close();
                    return null;
                }
                default -> {
                    message.write(payload);
                    if (fin) {
                        return message.toByteArray();
                    }
                }
            }
        }
    }

    /** Sends one binary message: the channel byte followed by the data. */
    void sendChannel(int channel, byte[] data, int offset, int length) throws IOException {
        byte[] payload = new byte[length + 1];
        payload[0] = (byte) channel;
        System.arraycopy(data, offset, payload, 1, length);
        send(OP_BINARY, payload);
    }

    /** Sends a normal-closure close frame (once). */
    synchronized void close() throws IOException {
        if (!closeSent) {
            closeSent = true;
            send(OP_CLOSE, new byte[] {0x03, (byte) 0xe8});
        }
    }

    private synchronized void send(int opcode, byte[] payload) throws IOException {
        if (closeSent && opcode != OP_CLOSE) {
            return;
        }
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 10);
        frame.write(0x80 | opcode);
        if (payload.length < 126) {
            frame.write(payload.length);
        } else if (payload.length < 65536) {
            frame.write(126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xff);
        } else {
            frame.write(127);
            for (int i = 7; i >= 0; i--) {
                frame.write((int) (((long) payload.length >>> (8 * i)) & 0xff));
            }
        }
        frame.write(payload);
        out.write(frame.toByteArray());
        out.flush();
    }

    private int read() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException();
        }
        return b;
    }

    private void readFully(byte[] buffer) throws IOException {
        int n = 0;
        while (n < buffer.length) {
            int r = in.read(buffer, n, buffer.length - n);
            if (r < 0) {
                throw new EOFException();
            }
            n += r;
        }
    }
}
