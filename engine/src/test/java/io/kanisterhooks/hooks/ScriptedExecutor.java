package io.kanisterhooks.hooks;

import io.kanisterhooks.action.ActionExecutor;
import io.kanisterhooks.action.ActionListener;
import io.kanisterhooks.action.ActionRequest;
import io.kanisterhooks.action.ActionResult;
import io.kanisterhooks.blueprint.Artifact;
import io.kanisterhooks.cancel.Cancellation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** An executor whose actions fail a scripted number of times per namespace, recording every call. */
final class ScriptedExecutor implements ActionExecutor {

    /** One call as the runner made it. */
    record Call(String namespace, String action, int attempt, Map<String, Artifact> artifactsIn,
                Map<String, String> options, String subject) {
    }

    final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Integer> failuresLeft = new ConcurrentHashMap<>();

    /** {@code action} in {@code namespace} fails its next {@code times} attempts. */
    ScriptedExecutor failing(String namespace, String action, int times) {
        failuresLeft.put(namespace + "/" + action, times);
        return this;
    }

    @Override
    public ActionResult execute(ActionRequest request, ActionListener listener, Cancellation cancellation) {
        String ns = request.pods().labels().get(HookRunner.LABEL_NAMESPACE);
        int attempt = Integer.parseInt(request.pods().labels().get(HookRunner.LABEL_ATTEMPT));
        calls.add(new Call(ns, request.actionName(), attempt, request.artifactsIn(), request.options(),
                request.subject().describe()));
        String key = ns + "/" + request.actionName();
        int left = failuresLeft.getOrDefault(key, 0);
        boolean ok = left == 0;
        if (!ok) {
            failuresLeft.put(key, left - 1);
        }
        Map<String, Artifact> artifacts = ok ? Map.of("quiesced", new Artifact(Map.of("at", ns + "-" + attempt), ""))
                : Map.of();
        return new ActionResult(request.blueprint().name(), request.actionName(), request.subject(), ok, List.of(),
                artifacts, ok ? null : request.actionName() + " failed in " + ns, Instant.now(), Instant.now());
    }

    List<String> callsOf(String namespace) {
        synchronized (calls) {
            return calls.stream().filter(c -> c.namespace().equals(namespace))
                    .map(c -> c.action() + "#" + c.attempt()).toList();
        }
    }
}
