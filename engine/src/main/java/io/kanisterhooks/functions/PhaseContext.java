package io.kanisterhooks.functions;

import io.kanisterhooks.cancel.Cancellation;
import io.kanisterhooks.kube.Kube;
import io.kanisterhooks.kube.PodRunner;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * What a function can use while it runs one phase.
 *
 * @param subjectKind      the action's subject kind ({@code statefulset}, …; null for a generic object)
 * @param homeNamespace    where pods go when Kanister would use "the controller's namespace"
 * @param pods             run-level pod labels, annotations, podOverride and the final pod policy
 * @param templates        renders templates against the phase's TemplateParams (Wait's object references)
 * @param log              receives every line the phase's pod or command prints
 * @param podReadyTimeout  how long a pod may stay Pending (Kanister: TIMEOUT_WORKER_POD_READY, 15 minutes)
 * @param podStarted       told when the phase's job pod runs (left Pending), so that reports can tell pod start-up
 *                         from the run
 */
public record PhaseContext(Kube kube, PodRunner podRunner, String phaseName, String subjectKind, String subjectName,
                           String subjectNamespace, String homeNamespace, PodSettings pods, TemplateAccess templates,
                           Consumer<String> log, Cancellation cancellation, Duration podReadyTimeout,
                           Runnable podStarted) {

    /** Rendering with the blueprint's dialect (missingkey=error, ksprig) against the current TemplateParams. */
    @FunctionalInterface
    public interface TemplateAccess {
        String render(String template) throws PhaseException;
    }

    /** The same context with other run-level pod settings. */
    public PhaseContext withPods(PodSettings other) {
        return new PhaseContext(kube, podRunner, phaseName, subjectKind, subjectName, subjectNamespace, homeNamespace,
                other, templates, log, cancellation, podReadyTimeout, podStarted);
    }
}
