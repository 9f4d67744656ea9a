package io.kanisterhooks.functions;

import io.kanisterhooks.cancel.CancelledException;
import io.kanisterhooks.kube.KubeException;
import io.kanisterhooks.kube.PodRun;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Kanister's {@code PodRunner.Run} for job pods: create, wait until the pod runs, read one container's log into the
 * phase-output parser (every line also goes to the phase log), and — unless told otherwise — wait for the end, a failed
 * pod being the phase's error with its last log lines and its outputs discarded. The pod is deleted in every case.
 */
final class PodOutputs {

    private final PhaseContext ctx;

    PodOutputs(PhaseContext ctx) {
        this.ctx = ctx;
    }

    /** KubeTask, MultiContainerRun: the pod must succeed; no marker gives an empty output. */
    Map<String, Object> run(Map<String, Object> pod, String container) throws PhaseException, CancelledException {
        Map<String, Object> outputs = run(pod, container, true);
        return outputs == null ? new LinkedHashMap<>() : outputs;
    }

    /**
     * @param awaitSuccess whether the pod's failure fails the phase (PrepareData: only with {@code failOnError})
     * @return the outputs, or null when the log had no marker
     */
    Map<String, Object> run(Map<String, Object> pod, String container, boolean awaitSuccess)
            throws PhaseException, CancelledException {
        PodLogOutputs outputs = new PodLogOutputs();
        try (PodRun run = ctx.podRunner().start(pod, ctx.cancellation())) {
            run.awaitStarted(ctx.podReadyTimeout());
            ctx.podStarted().run();
            run.streamLog(container, line -> {
                ctx.log().accept(line);
                outputs.accept(line);
            });
            // an abort deletes the pod, which ends its log like a finished container would
            ctx.cancellation().check();
            if (awaitSuccess) {
                String failure = run.failure(run.awaitFinished());
                if (failure != null) {
                    throw new PhaseException(failure, run.logTail());
                }
            }
            try {
                return outputs.finish();
            } catch (PhaseException e) {
                throw new PhaseException(e.getMessage(), run.logTail());
            }
        } catch (KubeException e) {
            throw new PhaseException(e.getMessage());
        }
    }
}
