package io.kanisterhooks.bench.hooks;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@code kanister-hooks-result.json} of a run. */
record HookReport(JsonObject root) {

    static HookReport read(Path reportDir) throws IOException {
        return new HookReport(JsonParser.parseString(Files.readString(reportDir.resolve("kanister-hooks-result.json")))
                .getAsJsonObject());
    }

    String runId() {
        return root.get("runId").getAsString();
    }

    String outcome() {
        return root.get("outcome").getAsString();
    }

    /** Every {@code namespace slot} with its status and attempts, e.g. {@code app preHook → succeeded/1}. */
    List<String> slots() {
        List<String> slots = new ArrayList<>();
        for (Map.Entry<String, com.google.gson.JsonElement> ns : root.getAsJsonObject("namespaces").entrySet()) {
            for (Map.Entry<String, com.google.gson.JsonElement> s : ns.getValue().getAsJsonObject().entrySet()) {
                JsonObject slot = s.getValue().getAsJsonObject();
                slots.add(ns.getKey() + " " + s.getKey() + " " + slot.get("status").getAsString() + "/"
                        + slot.get("attempts").getAsInt());
            }
        }
        return slots;
    }

    /** The duration of each attempt of {@code slot}, in every namespace. */
    List<Duration> attemptDurations(String slot) {
        List<Duration> durations = new ArrayList<>();
        for (Map.Entry<String, com.google.gson.JsonElement> ns : root.getAsJsonObject("namespaces").entrySet()) {
            JsonObject s = ns.getValue().getAsJsonObject().getAsJsonObject(slot);
            if (s != null) {
                s.getAsJsonArray("attemptDetails").forEach(a -> durations.add(Duration.ofMillis(a.getAsJsonObject()
                        .get("durationMs").getAsLong())));
            }
        }
        return durations;
    }

    /** From the first attempt's start to the last attempt's end, over all namespaces and slots. */
    Duration hookSpan() {
        Instant first = null;
        Instant last = null;
        for (Map.Entry<String, com.google.gson.JsonElement> ns : root.getAsJsonObject("namespaces").entrySet()) {
            for (Map.Entry<String, com.google.gson.JsonElement> s : ns.getValue().getAsJsonObject().entrySet()) {
                for (var a : s.getValue().getAsJsonObject().getAsJsonArray("attemptDetails")) {
                    Instant start = Instant.parse(a.getAsJsonObject().get("started").getAsString());
                    Instant end = start.plusMillis(a.getAsJsonObject().get("durationMs").getAsLong());
                    first = first == null || start.isBefore(first) ? start : first;
                    last = last == null || end.isAfter(last) ? end : last;
                }
            }
        }
        return first == null ? Duration.ZERO : Duration.between(first, last);
    }

    Duration duration() {
        return Duration.ofMillis(root.get("durationMs").getAsLong());
    }
}
