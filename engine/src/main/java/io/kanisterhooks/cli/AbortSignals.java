package io.kanisterhooks.cli;

import io.kanisterhooks.cancel.Cancellation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGTERM and SIGINT cancel the run instead of killing the JVM, so that running hook pods are deleted and onFailure
 * hooks can still run; the exit code is then 143 or 130, as if the signal had ended the process. Closing gives the
 * signals back to their previous handlers, so that a JVM that ran the CLI in-process (tests, an embedding tool) is not
 * left ignoring the next signal.
 */
final class AbortSignals implements AutoCloseable {

    private final AtomicInteger signal = new AtomicInteger();
    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();

    /** Routes TERM and INT to {@code abort}; a second signal of the same kind ends the process at once. */
    static AbortSignals install(Cancellation abort) {
        AbortSignals s = new AbortSignals();
        for (String name : new String[] {"TERM", "INT"}) {
            int number = name.equals("TERM") ? 15 : 2;
            Signal sig = new Signal(name);
            s.previous.put(sig, Signal.handle(sig, received -> {
                if (!s.signal.compareAndSet(0, number)) {
                    Runtime.getRuntime().halt(128 + number);
                }
                abort.cancel("aborted by SIG" + name);
            }));
        }
        return s;
    }

    boolean received() {
        return signal.get() != 0;
    }

    /** 143 after SIGTERM, 130 after SIGINT. */
    int exitCode() {
        return 128 + signal.get();
    }

    @Override
    public void close() {
        previous.forEach(Signal::handle);
        previous.clear();
    }
}
