package io.kanisterhooks.cli;

import io.kanisterhooks.cancel.Cancellation;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT cancel the run instead of killing the JVM, so that running hook pods are deleted and onFailure
 * hooks can still run; the exit code is then 143 or 130, as if the signal had ended the process.
 */
final class AbortSignals {

    private final AtomicInteger signal = new AtomicInteger();

    /** Routes TERM and INT to {@code abort}; a second signal of the same kind ends the process at once. */
    static AbortSignals install(Cancellation abort) {
        AbortSignals s = new AbortSignals();
        for (String name : new String[] {"TERM", "INT"}) {
            int number = name.equals("TERM") ? 15 : 2;
            Signal.handle(new Signal(name), sig -> {
                if (!s.signal.compareAndSet(0, number)) {
                    Runtime.getRuntime().halt(128 + number);
                }
                abort.cancel("aborted by SIG" + name);
            });
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
}
