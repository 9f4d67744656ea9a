package io.kanisterhooks.hooks;

import io.kanisterhooks.hooks.state.RunPlanRecord;
import io.kanisterhooks.hooks.state.RunState;
import java.util.List;
import java.util.Map;

/** Run states for tests of the layers that read them: a run over {@code namespaces} with nothing recorded yet. */
public final class TestRunStates {

    private TestRunStates() {
    }

    public static RunState fresh(String runId, List<String> namespaces) {
        RunPlanRecord plan = new RunPlanRecord(Map.of(), List.of(), namespaces, Map.of(), null, 1, true, "kasten-io",
                "kasten-io", "1h");
        return RunState.start(runId, "test", "2026-12-07T10:00:00Z", plan, null);
    }
}
