package io.kanisterhooks.hooks.state;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.util.Map;

/** The run state's JSON form, shared by every store. */
final class RunStateJson {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
    private static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private RunStateJson() {
    }

    static Gson compact() {
        return GSON;
    }

    static String write(RunState state, boolean pretty) {
        return (pretty ? PRETTY : GSON).toJson(state);
    }

    /**
     * Reads a state written by this or another version of kanister-hooks.
     *
     * @param where the file or object, for messages
     */
    static RunState read(String json, String where) throws StateException {
        Map<?, ?> raw;
        try {
            raw = GSON.fromJson(json, Map.class);
        } catch (JsonParseException e) {
            throw new StateException(where + " is not a kanister-hooks run state (not JSON)");
        }
        if (raw == null || !(raw.get("version") instanceof Number v) || !(raw.get("runId") instanceof String)) {
            throw new StateException(where + " is not a kanister-hooks run state (no version and runId)");
        }
        if (v.intValue() != RunState.VERSION) {
            throw new StateException(where + " holds a run state of version " + v.intValue() + "; this kanister-hooks "
                    + "reads version " + RunState.VERSION + " (finish or recover the run with the kanister-hooks that "
                    + "started it)");
        }
        try {
            RunState state = GSON.fromJson(json, RunState.class);
            if (state.plan() == null || state.status() == null) {
                throw new StateException(where + " is an incomplete run state (no plan or status)");
            }
            return state;
        } catch (JsonParseException | IllegalArgumentException e) {
            throw new StateException(where + " is not a valid kanister-hooks run state");
        }
    }
}
