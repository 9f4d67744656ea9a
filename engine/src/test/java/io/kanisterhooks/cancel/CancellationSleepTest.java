package io.kanisterhooks.cancel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The pause between retries: it lasts its time, and ends early on cancellation or an interrupt. */
class CancellationSleepTest {

    private static long millisOf(Runnable r) {
        long start = System.nanoTime();
        r.run();
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    @Test
    void sleepsItsTimeWhenNothingStopsIt() {
        assertThat(millisOf(() -> Cancellation.none().sleep(200))).isBetween(190L, 2_000L);
    }

    @Test
    void cancellationEndsTheSleep() {
        Cancellation c = Cancellation.none();
        CompletableFuture.runAsync(() -> c.cancel("aborted"), CompletableFuture.delayedExecutor(100,
                TimeUnit.MILLISECONDS));
        assertThat(millisOf(() -> c.sleep(60_000))).isLessThan(10_000L);
        assertThat(c.reason()).isEqualTo("aborted");
    }

    @Test
    void aDeadlineEndsTheSleepAndAnEndedOneDoesNotSleepAtAll() {
        assertThat(millisOf(() -> Cancellation.after(Duration.ofMillis(100)).sleep(60_000))).isLessThan(10_000L);
        Cancellation cancelled = Cancellation.none();
        cancelled.cancel("stop");
        assertThat(millisOf(() -> cancelled.sleep(60_000))).isLessThan(1_000L);
    }

    @Test
    void anInterruptEndsTheSleepAndStaysSet() throws Exception {
        CompletableFuture<Boolean> interruptedAfter = new CompletableFuture<>();
        Thread sleeper = new Thread(() -> {
            Cancellation.none().sleep(60_000);
            interruptedAfter.complete(Thread.currentThread().isInterrupted());
        });
        sleeper.start();
        Thread.sleep(100);
        sleeper.interrupt();
        assertThat(interruptedAfter.get(10, TimeUnit.SECONDS)).isTrue();
    }
}
