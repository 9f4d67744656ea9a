package io.kanisterhooks.hooks.run;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The stage command's stdout and stderr: passed through to this process's own, byte for byte and as soon as they
 * arrive, while the last lines are kept for the reports.
 *
 * <p>A stream that is (or may be) a terminal is left to the command as it is — a program behaves differently when it
 * writes to a terminal (colours, progress bars, buffering), and people must see what they saw before — so its lines
 * are not kept. When stdout and stderr are the same pipe or file ({@code 2>&1}, as in Jenkins' {@code sh} step), the
 * command gets one pipe for both, which keeps their order exactly. Whether a stream is a terminal is read from
 * {@code /proc/self/fd}; where that cannot be read, both streams are left as they are.
 */
final class StageOutput {

    /** How many lines the reports get. */
    static final int LAST_LINES = 20;
    /** Longer lines are cut (the reports show the end of a command's output, not a data dump). */
    static final int MAX_LINE_BYTES = 500;
    /** How long the output may go on after the command ended (a child it left behind may still hold the pipe). */
    private static final Duration DRAIN = Duration.ofSeconds(2);

    /** Terminal escape sequences (colours, cursor moves), then the control characters left. */
    private static final Pattern COLOUR = Pattern.compile("\u001B\\[[0-9;?]*[ -/]*[@-~]");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\t]]");

    private static final OutputStream STDOUT = new FileOutputStream(FileDescriptor.out);
    private static final OutputStream STDERR = new FileOutputStream(FileDescriptor.err);

    private final boolean pipeOut;
    private final boolean pipeErr;
    private final boolean merged;
    private final Deque<String> last = new ArrayDeque<>();
    private final List<Thread> pumps = new ArrayList<>();

    private StageOutput(boolean pipeOut, boolean pipeErr, boolean merged) {
        this.pipeOut = pipeOut;
        this.pipeErr = pipeErr;
        this.merged = merged;
    }

    /** How this process's stdout and stderr are connected now. */
    static StageOutput forThisProcess() {
        Optional<String> out = target(1);
        Optional<String> err = target(2);
        boolean pipeOut = out.isPresent() && !terminal(out.get());
        boolean pipeErr = err.isPresent() && !terminal(err.get());
        return new StageOutput(pipeOut, pipeErr, pipeOut && pipeErr && out.equals(err));
    }

    private static Optional<String> target(int fd) {
        try {
            return Optional.of(Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Optional.empty();
        }
    }

    private static boolean terminal(String target) {
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
    }

    /** Sets the redirects of a command about to start: inherited streams stay, captured ones become pipes. */
    ProcessBuilder redirect(ProcessBuilder pb) {
        pb.redirectInput(ProcessBuilder.Redirect.INHERIT);
        pb.redirectOutput(pipeOut ? ProcessBuilder.Redirect.PIPE : ProcessBuilder.Redirect.INHERIT);
        if (merged) {
            return pb.redirectErrorStream(true);
        }
        return pb.redirectError(pipeErr ? ProcessBuilder.Redirect.PIPE : ProcessBuilder.Redirect.INHERIT);
    }

    /** Starts passing the started command's piped streams through. */
    void pump(Process process) {
        if (pipeOut) {
            pumps.add(pump(process.getInputStream(), STDOUT, "stage stdout"));
        }
        if (pipeErr && !merged) {
            pumps.add(pump(process.getErrorStream(), STDERR, "stage stderr"));
        }
    }

    private Thread pump(InputStream from, OutputStream to, String name) {
        Thread t = new Thread(() -> copy(from, to), name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private void copy(InputStream from, OutputStream to) {
        Lines lines = new Lines();
        byte[] buffer = new byte[8192];
        try (from) {
            for (int n = from.read(buffer); n >= 0; n = from.read(buffer)) {
                try {
                    synchronized (to) {
                        to.write(buffer, 0, n);
                        to.flush();
                    }
                } catch (IOException e) {
                    return; // this process's stream is gone: closing the pipe tells the command so, as before
                }
                lines.add(buffer, n);
            }
        } catch (IOException e) {
            // the pipe broke: what arrived was passed on
        } finally {
            lines.end();
        }
    }

    /** Waits a moment for the output to end after the command did. */
    void drain() {
        long deadline = System.nanoTime() + DRAIN.toNanos();
        for (Thread t : pumps) {
            try {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * The last non-blank lines of what was captured, as a terminal would show them: colour codes and control
     * characters removed, a line rewritten with carriage returns shown as it ended.
     */
    synchronized List<String> lastLines() {
        return List.copyOf(last);
    }

    private synchronized void keep(String line) {
        String text = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        // a carriage return starts the line again (progress output): a terminal shows what follows the last one
        text = text.substring(text.lastIndexOf('\r') + 1);
        String shown = CONTROL.matcher(COLOUR.matcher(text).replaceAll("")).replaceAll("");
        if (!shown.isBlank()) {
            last.addLast(shown);
            if (last.size() > LAST_LINES) {
                last.removeFirst();
            }
        }
    }

    /** Splits one stream into lines (a line's bytes are decoded once it is complete, so UTF-8 is never cut). */
    private final class Lines {
        private final byte[] line = new byte[MAX_LINE_BYTES];
        private int length;
        private boolean cut;

        void add(byte[] bytes, int n) {
            for (int i = 0; i < n; i++) {
                if (bytes[i] == '\n') {
                    end();
                } else if (length < line.length) {
                    line[length++] = bytes[i];
                } else {
                    cut = true;
                }
            }
        }

        void end() {
            if (length > 0) {
                String s = new String(line, 0, length, StandardCharsets.UTF_8);
                keep(cut ? s + " …" : s);
            }
            length = 0;
            cut = false;
        }
    }
}
