package io.kanisterhooks.hooks.state;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Writes the compact JSON of one run's state again and again — after every change, for a store that keeps the whole
 * state in one object — and encodes again only the namespaces whose records changed since the previous write: a
 * namespace's records are an immutable map that {@link RunState#with} keeps as it is unless that namespace changed.
 * The text is exactly {@link RunStateJson#write RunStateJson.write(state, false)}.
 */
final class RunStateEncoder {

    /** How the compact form of a state without records ends; the records are the last member. */
    private static final String NO_RECORDS = "\"records\":{}}";

    /** The JSON of each namespace's records as of the previous write. */
    private Map<Map<String, SlotRecord>, String> previous = new IdentityHashMap<>();

    synchronized String write(RunState state) {
        String head = RunStateJson.write(state.withRecords(Map.of()), false);
        if (!head.endsWith(NO_RECORDS)) {
            return RunStateJson.write(state, false); // not expected: the plain way is always right
        }
        Map<Map<String, SlotRecord>, String> current = new IdentityHashMap<>();
        StringBuilder json = new StringBuilder(head.length() + 256 * state.records().size());
        json.append(head, 0, head.length() - 2);
        String separator = "";
        for (var ns : state.records().entrySet()) {
            String slots = previous.get(ns.getValue());
            if (slots == null) {
                slots = RunStateJson.compact().toJson(ns.getValue());
            }
            current.put(ns.getValue(), slots);
            json.append(separator).append(RunStateJson.compact().toJson(ns.getKey())).append(':').append(slots);
            separator = ",";
        }
        previous = current;
        return json.append("}}").toString();
    }
}
