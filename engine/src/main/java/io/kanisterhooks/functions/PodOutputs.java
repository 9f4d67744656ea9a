package io.kanisterhooks.functions;

import io.kanisterhooks.cancel.CancelledException;
import io.kanisterhooks.kube.KubeException;
import io.kanisterhooks.kube.PodRun;
import io.kanisterhooks.output.PhaseOutputException;
import io.kanisterhooks.output.PhaseOutputParser;
import io.kubernetes.client.openapi.models.V1Pod;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Kanister's {@code PodRunner.Run} for job pods: create, wait until the pod runs, read one container's log into the
 * phase-output parser (every line also goes to the phase log), wait for the end; a failed pod is the phase's error
 * with its last log lines, and its outputs are discarded. The pod is deleted in every case.
 */
final class PodOutputs {

    private final PhaseContext ctx;

    PodOutputs(PhaseContext ctx) {
        this.ctx = ctx;
    }

    Map<String, Object> run(Map<String, Object> pod, String container) throws PhaseException, CancelledException {
        PhaseOutputParser parser = new PhaseOutputParser(null);
        try (PodRun run = ctx.podRunner().start(pod, ctx.cancellation())) {
            run.awaitStarted(ctx.podReadyTimeout());
            try {
                run.streamLog(container, line -> {
                    ctx.log().accept(line);
                    feed(parser, line);
                });
            } catch (ParserFailure e) {
                throw new PhaseException(e.getMessage(), run.logTail());
            }
            V1Pod finished = run.awaitFinished();
            String failure = run.failure(finished);
            if (failure != null) {
                throw new PhaseException(failure, run.logTail());
            }
            try {
                return new LinkedHashMap<>(parser.finish());
            } catch (PhaseOutputException e) {
                throw new PhaseException(e.getMessage(), run.logTail());
            }
        } catch (KubeException e) {
            throw new PhaseException(e.getMessage());
        }
    }

    private static void feed(PhaseOutputParser parser, String line) {
        try {
            parser.accept(line + "\n");
        } catch (PhaseOutputException e) {
            throw new ParserFailure(e.getMessage());
        }
    }

    /** Carries a parser error out of the log callback. */
    private static final class ParserFailure extends RuntimeException {
        ParserFailure(String message) {
            super(message);
        }
    }
}
