package io.kanisterhooks.functions;

import io.kanisterhooks.blueprint.ObjectReference;
import io.kanisterhooks.cancel.CancelledException;
import io.kanisterhooks.functions.args.ArgType;
import io.kanisterhooks.golang.time.GoDuration;
import io.kanisterhooks.golang.time.GoTimeException;
import io.kanisterhooks.kube.KubeException;
import io.kanisterhooks.kube.ObjectWatch;
import io.kanisterhooks.kube.ResourceDiscovery;
import io.kanisterhooks.kube.ResourceNames;
import io.kanisterhooks.kube.WatchSet;
import io.kanisterhooks.render.TemplateError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kanister's {@code waitForCondition}, shared by Wait and WaitV2, driven by watches instead of GET polling. Every
 * evaluation ("poll") runs the conditions against the newest state of their objects:
 * <ol>
 *   <li>{@code anyOf} in order: an evaluation error ends the poll as "not done"; a true condition makes it done;</li>
 *   <li>{@code allOf} in order: an error or a false condition ends the poll as "not done";</li>
 *   <li>otherwise the poll's result is the result of the last evaluation performed (so with both lists empty the
 *       wait never ends before its timeout).</li>
 * </ol>
 * The first poll runs as soon as the objects have been listed, the next ones whenever one of them changes.
 */
final class WaitForConditions {

    static final String TIMED_OUT = "Failed to wait for the condition to be met: Context done while polling: "
            + "context deadline exceeded";
    static final ArgType<WaitConditionList> CONDITIONS = ArgType.record(WaitConditionList.class);
    /** What the API server answers for a GET of a resource it does not serve at that path. */
    private static final String NO_SUCH_RESOURCE = "the server could not find the requested resource";

    /** Evaluates a condition string against an object. */
    @FunctionalInterface
    interface Evaluator {
        boolean satisfied(String condition, Map<String, Object> object) throws TemplateError;
    }

    /** A condition whose object reference has been rendered, or could not be ({@code renderError}). */
    record Target(String condition, ObjectReference ref, String renderError) {
    }

    /** The outcome of one evaluation: an error, or whether the condition holds. */
    private record Outcome(boolean satisfied, String error) {
    }

    /** Where a target's object comes from: a watch, or a reason it cannot be fetched at all. */
    private record Source(ObjectWatch watch, String error) {
    }

    private final PhaseContext ctx;
    private final Evaluator evaluator;
    private final Map<ObjectReference, Source> sources = new HashMap<>();
    private boolean result;
    private String lastError;
    private String loggedError;

    private WaitForConditions(PhaseContext ctx, Evaluator evaluator) {
        this.ctx = ctx;
        this.evaluator = evaluator;
    }

    /**
     * Waits until the conditions are met.
     *
     * @throws PhaseException at the timeout, with the last evaluation's error when it failed
     */
    static void await(PhaseContext ctx, Duration timeout, List<Target> anyOf, List<Target> allOf, Evaluator evaluator)
            throws PhaseException, CancelledException {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new PhaseException(TIMED_OUT);
        }
        new WaitForConditions(ctx, evaluator).run(timeout, anyOf, allOf);
    }

    /** Go's {@code time.ParseDuration}, failing as Kanister does. */
    static Duration timeout(String text) throws PhaseException {
        try {
            return Duration.ofNanos(GoDuration.parse(text));
        } catch (GoTimeException e) {
            throw new PhaseException("Failed to parse timeout: " + e.getMessage());
        }
    }

    /** Renders an object reference's fields with the blueprint renderer; the first failure is thrown. */
    private static ObjectReference render(PhaseContext ctx, ObjectReference ref) throws PhaseException {
        Map<String, String> rendered = new HashMap<>();
        for (Map.Entry<String, String> field : ref.asMap().entrySet()) {
            rendered.put(field.getKey(), ctx.templates().render(field.getValue()));
        }
        return ObjectReference.fromMap(rendered);
    }

    private void run(Duration timeout, List<Target> anyOf, List<Target> allOf)
            throws PhaseException, CancelledException {
        try (WatchSet watches = new WatchSet(ctx.kube())) {
            for (Target t : anyOf) {
                watch(watches, t);
            }
            for (Target t : allOf) {
                watch(watches, t);
            }
            Boolean done = watches.await(() -> poll(anyOf, allOf), timeout, ctx.cancellation());
            if (done == null) {
                throw new PhaseException(lastError == null ? TIMED_OUT
                        : TIMED_OUT + "; last evaluation error: " + lastError);
            }
        }
    }

    private void watch(WatchSet watches, Target t) {
        if (t.renderError() != null || sources.containsKey(t.ref())) {
            return;
        }
        ObjectReference r = t.ref();
        String unreachable = unreachable(r);
        sources.put(r, unreachable != null ? new Source(null, unreachable)
                : new Source(watches.object(r.group(), r.apiVersion(), r.resource(), r.namespace(), r.name()), null));
    }

    /** Why a GET of the reference would fail whatever happens in the cluster; null when it may succeed. */
    private String unreachable(ObjectReference r) {
        if (r.name().isEmpty()) {
            return "resource name may not be empty";
        }
        if (r.namespace().isEmpty()) {
            try {
                Optional<ResourceDiscovery.ApiResource> served = ctx.kube().discovery()
                        .forResource(r.group(), r.apiVersion(), r.resource());
                if (served.isPresent() && served.get().namespaced()) {
                    return NO_SUCH_RESOURCE;
                }
            } catch (KubeException e) {
                // discovery unavailable: the watch only sees cluster-scoped objects anyway
            }
        }
        return null;
    }

    /** One poll of Kanister's loop: TRUE when done, null to keep waiting. */
    private Boolean poll(List<Target> anyOf, List<Target> allOf) {
        for (Target t : anyOf) {
            if (!evaluate(t)) {
                return null;
            }
            if (result) {
                return true;
            }
        }
        for (Target t : allOf) {
            if (!evaluate(t) || !result) {
                return null;
            }
        }
        return result ? true : null;
    }

    /** Sets {@link #result} and {@link #lastError} as Kanister's evaluation does; false when it failed. */
    private boolean evaluate(Target t) {
        Outcome o = outcome(t);
        result = o.satisfied();
        lastError = o.error();
        if (lastError != null && !lastError.equals(loggedError)) {
            ctx.log().accept("Failed to evaluate the condition: " + lastError);
            loggedError = lastError;
        }
        return lastError == null;
    }

    private Outcome outcome(Target t) {
        if (t.renderError() != null) {
            return new Outcome(false, t.renderError());
        }
        Source source = sources.get(t.ref());
        if (source.error() != null) {
            return new Outcome(false, source.error());
        }
        ObjectWatch.View view = source.watch().view();
        if (view.failure() != null) {
            return new Outcome(false, view.failure().getMessage());
        }
        Map<String, Object> object = view.single();
        if (object == null) {
            ObjectReference r = t.ref();
            return new Outcome(false, ResourceNames.notFound(r.group(), r.resource(), r.name()));
        }
        try {
            return new Outcome(evaluator.satisfied(t.condition(), object), null);
        } catch (TemplateError e) {
            return new Outcome(false, e.getMessage());
        }
    }

    /**
     * The conditions with their references rendered. Wait (v1) fails at once on a rendering error, as Kanister's
     * up-front rendering of all its arguments does; WaitV2 renders at every evaluation, so there the error only makes
     * each evaluation fail until the timeout.
     */
    static List<Target> targets(PhaseContext ctx, List<WaitConditionList.Condition> conditions,
                                boolean failOnRenderError) throws PhaseException {
        List<Target> out = new ArrayList<>(conditions.size());
        for (WaitConditionList.Condition c : conditions) {
            try {
                out.add(new Target(c.condition(), render(ctx, c.objectReference()), null));
            } catch (PhaseException e) {
                if (failOnRenderError) {
                    throw e;
                }
                out.add(new Target(c.condition(), null, e.getMessage()));
            }
        }
        return out;
    }
}
