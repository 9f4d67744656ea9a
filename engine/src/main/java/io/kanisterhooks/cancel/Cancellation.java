package io.kanisterhooks.cancel;

import io.kanisterhooks.golang.time.GoDuration;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Stops a running action: on demand (abort) or at a deadline (hook timeout). Work that must be undone on cancellation
 * (deleting a running pod) registers a callback.
 */
public final class Cancellation {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "deadlines");
        t.setDaemon(true);
        return t;
    });

    private final Instant deadline;
    private final List<Runnable> callbacks = new ArrayList<>();
    private String reason;

    private Cancellation(Instant deadline) {
        this.deadline = deadline;
    }

    public static Cancellation none() {
        return new Cancellation(null);
    }

    /** Cancels itself when {@code timeout} has passed, with the reason "timed out after 20m0s" (Go's duration form). */
    public static Cancellation after(Duration timeout) {
        Cancellation c = new Cancellation(Instant.now().plus(timeout));
        String why = "timed out after " + GoDuration.format(timeout.toNanos());
        var timer = TIMER.schedule(() -> c.cancel(why), timeout.toMillis(), TimeUnit.MILLISECONDS);
        c.callbacks.add(() -> timer.cancel(false));
        return c;
    }

    /** A cancellation that follows this one (abort or deadline) and may add an earlier deadline of its own. */
    public Cancellation child(Duration timeout) {
        Cancellation c = after(timeout.compareTo(remaining()) < 0 ? timeout : remaining());
        Runnable unregister = onCancel(() -> c.cancel(reason()));
        c.onCancel(unregister);
        return c;
    }

    public void cancel(String why) {
        List<Runnable> run;
        synchronized (this) {
            if (reason != null) {
                return;
            }
            reason = why;
            run = new ArrayList<>(callbacks);
            callbacks.clear();
        }
        run.forEach(Runnable::run);
    }

    public synchronized boolean isCancelled() {
        return reason() != null;
    }

    /** Why it stopped: the abort reason, or the deadline. */
    /** What an error says about an abort: {@code aborted by SIGTERM} as it is, other reasons as {@code aborted: REASON}. */
    public static String aborted(String reason) {
        return reason != null && reason.startsWith("aborted") ? reason : "aborted: " + reason;
    }

    public synchronized String reason() {
        if (reason != null) {
            return reason;
        }
        return deadline != null && Instant.now().isAfter(deadline) ? "deadline exceeded" : null;
    }

    /** Time left before the deadline; a long time when there is none. */
    public Duration remaining() {
        if (deadline == null) {
            return Duration.ofDays(365);
        }
        Duration left = Duration.between(Instant.now(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Runs {@code callback} on cancellation (immediately if already cancelled); returns a handle to unregister. */
    public Runnable onCancel(Runnable callback) {
        boolean now;
        synchronized (this) {
            now = reason != null;
            if (!now) {
                callbacks.add(callback);
            }
        }
        if (now) {
            callback.run();
        }
        return () -> {
            synchronized (this) {
                callbacks.remove(callback);
            }
        };
    }

    /**
     * Waits {@code millis}, or less: until this is cancelled, or until the thread is interrupted (the interrupt stays
     * set). For the pauses between retries; the caller decides afterwards whether to go on.
     */
    public void sleep(long millis) {
        CountDownLatch cancelled = new CountDownLatch(1);
        Runnable unregister = onCancel(cancelled::countDown);
        try {
            cancelled.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            unregister.run();
        }
    }

    /** Fails with {@link CancelledException} when cancelled or past the deadline. */
    public void check() throws CancelledException {
        String why = reason();
        if (why != null) {
            throw new CancelledException(why);
        }
    }
}
