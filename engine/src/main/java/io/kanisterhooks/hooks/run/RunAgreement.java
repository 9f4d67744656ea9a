package io.kanisterhooks.hooks.run;

import io.kanisterhooks.hooks.HookReference;
import io.kanisterhooks.hooks.HookSlot;
import io.kanisterhooks.hooks.HookSpecReader;
import io.kanisterhooks.hooks.PlanRequest;
import io.kanisterhooks.hooks.state.RunState;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A later invocation of a run ({@code hooks post}, a {@code hooks pre} after a stage retry) runs what the run
 * started with — its state holds the plan. Hooks or namespaces given again must agree with it: a mismatch means the
 * caller meant another run.
 */
final class RunAgreement {

    private RunAgreement() {
    }

    static void check(PlanRequest request, RunState state) throws IOException {
        Map<String, String> given = givenHooks(request);
        Map<String, String> recorded = new TreeMap<>();
        state.plan().hooks().forEach((slot, h) -> recorded.put(slot, h.target()));
        if (!given.isEmpty() && !given.equals(recorded)) {
            throw new RunRefusedException("run " + state.runId() + " was started with the hooks " + recorded
                    + ", not " + given + "; a new run needs another --run id (or another --state file)");
        }
        Set<String> namespaces = Set.copyOf(request.namespaces());
        if (!namespaces.isEmpty() && !namespaces.equals(Set.copyOf(state.namespaces()))) {
            throw new RunRefusedException("run " + state.runId() + " was started for the namespaces "
                    + state.namespaces() + ", not " + request.namespaces() + "; a new run needs another --run id "
                    + "(or another --state file)");
        }
    }

    /** Slot → {@code blueprint/action} as this invocation gives them (hooks file, then the slot options); may be empty. */
    private static Map<String, String> givenHooks(PlanRequest request) throws IOException {
        Map<String, String> given = new TreeMap<>();
        if (request.hooksFile() != null) {
            HookSpecReader.Result file = new HookSpecReader(request.defaultTimeout(), request.defaultOnError()).read(request.hooksFile());
            for (Map.Entry<HookSlot, HookReference> e : file.hooks().hooks().entrySet()) {
                given.put(e.getKey().key(), e.getValue().target());
            }
        }
        request.slotFlags().forEach((slot, target) -> given.put(slot.key(), target));
        return given;
    }
}
