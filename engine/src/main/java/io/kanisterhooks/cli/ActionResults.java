package io.kanisterhooks.cli;

import io.kanisterhooks.action.ActionResult;
import io.kanisterhooks.action.PhaseResult;
import io.kanisterhooks.blueprint.Artifact;
import io.kanisterhooks.hooks.run.HookRun;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The stdout form of action results: per subject, the outcome, phase states and the rendered output artifacts. */
final class ActionResults {

    private ActionResults() {
    }

    static List<Map<String, Object>> summary(List<ActionResult> results) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (ActionResult r : results) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("blueprint", r.blueprint());
            m.put("action", r.action());
            m.put("namespace", r.subject().namespace());
            m.put("subject", r.subject().describe());
            m.put("succeeded", r.succeeded());
            Map<String, String> phases = new LinkedHashMap<>();
            for (PhaseResult p : r.phases()) {
                phases.put(p.name(), p.state().lower());
            }
            m.put("phases", phases);
            m.put("artifacts", artifacts(r.artifacts()));
            if (r.error() != null) {
                m.put("error", r.error());
            }
            list.add(m);
        }
        return list;
    }

    /** Artifacts in the JSON shape {@code hooks pre|post} print them in: one shape for the library to read. */
    static Map<String, Object> artifacts(Map<String, Artifact> artifacts) {
        return HookRun.artifacts(artifacts);
    }
}
