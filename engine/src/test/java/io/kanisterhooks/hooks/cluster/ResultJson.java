package io.kanisterhooks.hooks.cluster;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Read access to what the CLI writes as JSON: the result {@code hooks pre|post} print on stdout and the
 * {@code kanister-hooks-result.json} report share {@code namespaces.NS.SLOT.{status, attempts, error, artifacts}}.
 */
record ResultJson(JsonObject root) {

    static ResultJson parse(String json) {
        return new ResultJson(JsonParser.parseString(json).getAsJsonObject());
    }

    static ResultJson read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String outcome() {
        return root.get("outcome").getAsString();
    }

    String runId() {
        return root.get("runId").getAsString();
    }

    List<String> failedNamespaces() {
        List<String> names = new ArrayList<>();
        root.getAsJsonArray("failedNamespaces").forEach(e -> names.add(e.getAsString()));
        return names;
    }

    List<String> namespaces() {
        return List.copyOf(root.getAsJsonObject("namespaces").keySet());
    }

    boolean has(String ns, String slot) {
        return root.getAsJsonObject("namespaces").getAsJsonObject(ns).has(slot);
    }

    JsonObject slot(String ns, String slot) {
        JsonObject byNamespace = root.getAsJsonObject("namespaces").getAsJsonObject(ns);
        if (byNamespace == null || !byNamespace.has(slot)) {
            throw new AssertionError("no " + slot + " for namespace " + ns + " in " + root);
        }
        return byNamespace.getAsJsonObject(slot);
    }

    String status(String ns, String slot) {
        return slot(ns, slot).get("status").getAsString();
    }

    int attempts(String ns, String slot) {
        return slot(ns, slot).get("attempts").getAsInt();
    }

    String error(String ns, String slot) {
        JsonElement e = slot(ns, slot).get("error");
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    /** {@code artifacts.NAME.keyValue.KEY} (the same shape in both files). */
    String artifact(String ns, String slot, String name, String key) {
        return slot(ns, slot).getAsJsonObject("artifacts").getAsJsonObject(name).getAsJsonObject("keyValue")
                .get(key).getAsString();
    }
}
