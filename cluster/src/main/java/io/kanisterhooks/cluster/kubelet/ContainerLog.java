package io.kanisterhooks.cluster.kubelet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The log of one run of a container: what the process wrote to stdout and stderr, line by line with the time each line
 * was read, like the CRI log files a real kubelet serves. A record is {@code <time> <F|P> <bytes>\n}, {@code P} marking
 * a last line that had no newline. Readers may follow the log until the run has ended.
 */
public final class ContainerLog {
    /** The kubelet's fixed-width RFC 3339 format (nine fraction digits). */
    static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final int MAX_PARTIAL = 16 * 1024;

    private final Path file;
    private final OutputStream out;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private boolean closed;

    public ContainerLog(Path file) throws IOException {
        this.file = file;
        Files.createDirectories(file.getParent());
        this.out = Files.newOutputStream(file);
    }

    public Path file() {
        return file;
    }

    /** Appends process output; complete lines become visible to readers at once. */
    public synchronized void append(byte[] data, int length) throws IOException {
        String now = TIMESTAMP.format(Instant.now());
        int start = 0;
        for (int i = 0; i < length; i++) {
            if (data[i] == '\n') {
                partial.write(data, start, i - start);
                writeRecord(now, 'F');
                start = i + 1;
            }
        }
        partial.write(data, start, length - start);
        if (partial.size() >= MAX_PARTIAL) {
            writeRecord(now, 'P');
        }
        out.flush();
        notifyAll();
    }

    /** The process's output has ended (EOF): flushes a last unterminated line and wakes followers. */
    public synchronized void close() {
        if (closed) {
            return;
        }
        try {
            if (partial.size() > 0) {
                writeRecord(TIMESTAMP.format(Instant.now()), 'P');
            }
            out.close();
        } catch (IOException e) {
            // the disk is the only place the log exists; nothing better to do than stop writing
        }
        closed = true;
        notifyAll();
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    private void writeRecord(String time, char tag) throws IOException {
        out.write((time + " " + tag + " ").getBytes(StandardCharsets.US_ASCII));
        partial.writeTo(out);
        out.write('\n');
        partial.reset();
    }

    /**
     * Writes the log to {@code sink} as {@code kubectl logs} shows it. With {@code follow}, keeps writing until the run
     * has ended and everything is written (or {@code sink} fails because the client went away).
     */
    public void copyTo(LogQuery query, OutputStream sink) throws IOException, InterruptedException {
        LimitedSink limited = new LimitedSink(sink, query.limitBytes());
        long offset;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            byte[] initial = readFrom(raf, 0);
            offset = completeLength(initial);
            Deque<byte[]> selected = new ArrayDeque<>();
            forEachRecord(initial, (int) offset, record -> {
                if (matchesSince(record, query)) {
                    selected.addLast(record);
                    if (query.tailLines() != null && selected.size() > query.tailLines()) {
                        selected.removeFirst();
                    }
                }
            });
            for (byte[] record : selected) {
                if (!limited.write(render(record, query.timestamps()))) {
                    return;
                }
            }
            sink.flush();
            while (query.follow()) {
                boolean ended;
                synchronized (this) {
                    ended = closed;
                    if (!ended && raf.length() == offset) {
                        wait(1000);
                        continue;
                    }
                }
                byte[] more = readFrom(raf, offset);
                int complete = completeLength(more);
                offset += complete;
                boolean[] open = {true};
                forEachRecord(more, complete, record -> {
                    if (open[0] && matchesSince(record, query)) {
                        open[0] = limited.write(render(record, query.timestamps()));
                    }
                });
                sink.flush();
                if (!open[0] || (ended && complete == more.length)) {
                    return;
                }
            }
        }
    }

    private static byte[] readFrom(RandomAccessFile raf, long offset) throws IOException {
        long length = raf.length() - offset;
        byte[] data = new byte[(int) Math.max(0, length)];
        raf.seek(offset);
        raf.readFully(data);
        return data;
    }

    /** Length up to and including the last newline: only whole records are consumed. */
    private static int completeLength(byte[] data) {
        for (int i = data.length - 1; i >= 0; i--) {
            if (data[i] == '\n') {
                return i + 1;
            }
        }
        return 0;
    }

    private interface RecordConsumer {
        void accept(byte[] record) throws IOException;
    }

    private static void forEachRecord(byte[] data, int length, RecordConsumer consumer) throws IOException {
        int start = 0;
        for (int i = 0; i < length; i++) {
            if (data[i] == '\n') {
                byte[] record = new byte[i - start];
                System.arraycopy(data, start, record, 0, record.length);
                consumer.accept(record);
                start = i + 1;
            }
        }
    }

    private static boolean matchesSince(byte[] record, LogQuery query) {
        if (query.since() == null) {
            return true;
        }
        String time = new String(record, 0, indexOf(record, ' '), StandardCharsets.US_ASCII);
        return !Instant.parse(time).isBefore(query.since());
    }

    private static byte[] render(byte[] record, boolean timestamps) {
        int timeEnd = indexOf(record, ' ');
        boolean complete = record[timeEnd + 1] == 'F';
        int contentStart = timeEnd + 3;
        ByteArrayOutputStream line = new ByteArrayOutputStream(record.length + 1);
        if (timestamps) {
            line.write(record, 0, timeEnd + 1);
        }
        line.write(record, contentStart, record.length - contentStart);
        if (complete) {
            line.write('\n');
        }
        return line.toByteArray();
    }

    private static int indexOf(byte[] data, char c) {
        for (int i = 0; i < data.length; i++) {
            if (data[i] == c) {
                return i;
            }
        }
        return data.length;
    }

    /** Applies {@code limitBytes}: returns false once the limit is reached. */
    private static final class LimitedSink {
        private final OutputStream out;
        private long remaining;

        LimitedSink(OutputStream out, Long limit) {
            this.out = out;
            this.remaining = limit == null || limit <= 0 ? Long.MAX_VALUE : limit;
        }

        boolean write(byte[] data) throws IOException {
            int n = (int) Math.min(data.length, remaining);
            out.write(data, 0, n);
            remaining -= n;
            return remaining > 0;
        }
    }
}
