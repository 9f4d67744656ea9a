package io.kanisterhooks.jenkins.test

import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException

import java.util.concurrent.TimeUnit

/**
 * {@code timeout(time:, unit:) { body }} as workflow-basic-steps' TimeoutStepExecution runs it:
 * <ol>
 * <li>"Timeout set to expire in ..."; when the time is up, "Cancelling nested steps due to timeout" and the body is
 * cancelled with FlowInterruptedException(ABORTED, ExceededTimeout) (see {@link RunningBodies#cancel}: a running
 * {@code sh} gets SIGTERM);</li>
 * <li>a body still running a grace period later (60 s in Jenkins; {@link PipelineTestBase#timeoutGracePeriodMillis}
 * here) is terminated: "Body did not finish within grace period; terminating with extreme prejudice", and the step it
 * waits in fails at once ({@link RunningBodies#terminate}: its processes get SIGKILL);</li>
 * <li>the step ends as its body ends (a body that catches the interruption and returns ends it normally); an
 * interruption caused by this timeout leaves it as no "actual interruption", so that an enclosing {@code retry}
 * retries it, while a user's abort stays one.</li>
 * </ol>
 * Not modelled: {@code activity: true}. A test that must make a timeout expire at a given point of the build (while a
 * hook runs, say) sets {@link PipelineTestBase#timeoutsExpireWhen}: the timeout then expires when that condition
 * holds, whatever its time says, rather than after a time that would have to guess how long the machine takes.
 */
class TimeoutStep {
    private final PipelineTestBase test

    TimeoutStep(PipelineTestBase test) {
        this.test = test
    }

    Object run(Map args, Closure body) {
        if (args.activity) {
            throw new UnsupportedOperationException('timeout(activity: true) is not modelled by the test stand-in')
        }
        long millis = TimeUnit.valueOf((args.unit ?: 'MINUTES') as String).toMillis((args.time as Number).longValue())
        String id = UUID.randomUUID().toString()
        CauseOfInterruption cause = new CauseOfInterruption.ExceededTimeout(id)
        RunningBodies.Body running = test.bodies.open('timeout')
        Timer timer = new Timer('timeout', true)
        test.log("Timeout set to expire in ${timeSpan(millis)}")
        Closure expire = {
            test.log('Cancelling nested steps due to timeout')
            test.bodies.cancel(running, new FlowInterruptedException('ABORTED', cause))
            schedule(timer, test.timeoutGracePeriodMillis) {
                test.log('Body did not finish within grace period; terminating with extreme prejudice')
                test.bodies.terminate(running, new FlowInterruptedException('ABORTED', cause))
            }
        }
        Closure<Boolean> condition = test.timeoutsExpireWhen
        if (condition == null) {
            timer.schedule(expire as TimerTask, millis)
        } else {
            boolean expired = false
            timer.schedule({
                if (!expired && condition.call()) {
                    expired = true
                    expire.call()
                }
            } as TimerTask, 100, 100)
        }
        try {
            Object result = test.helper.callClosure(body)
            FlowInterruptedException unseen = test.bodies.close(running)
            if (unseen != null) {
                throw unseen
            }
            return result
        } catch (FlowInterruptedException e) {
            if (e.causes.any { it instanceof CauseOfInterruption.ExceededTimeout && it.timeoutId == id }) {
                e.actualInterruption = false
            }
            throw e
        } finally {
            timer.cancel()
            test.bodies.close(running)
        }
    }

    private static void schedule(Timer timer, long millis, Closure task) {
        try {
            timer.schedule(task as TimerTask, millis)
        } catch (IllegalStateException ignored) {
            // the body ended meanwhile: the timer is cancelled
        }
    }

    /** As hudson.Util.getTimeSpanString, roughly: "8 sec", "5 min 0 sec", "1 hr 0 min". */
    static String timeSpan(long millis) {
        long seconds = TimeUnit.MILLISECONDS.toSeconds(millis)
        if (seconds < 1) {
            return "${millis} ms"
        }
        if (seconds < 60) {
            return "${seconds} sec"
        }
        if (seconds < 3600) {
            return "${seconds.intdiv(60)} min ${seconds % 60} sec"
        }
        return "${seconds.intdiv(3600)} hr ${(seconds % 3600).intdiv(60)} min"
    }
}
