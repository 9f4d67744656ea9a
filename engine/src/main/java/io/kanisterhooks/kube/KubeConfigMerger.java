package io.kanisterhooks.kube;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Merges kubeconfig files as kubectl does: for clusters, users and contexts the first file that defines a name wins;
 * {@code current-context} comes from the first file that sets it; relative file references are resolved against the
 * directory of the file that holds them. Messages name files and entries, never their contents.
 */
final class KubeConfigMerger {

    /** The merged configuration. */
    record Merged(List<Object> clusters, List<Object> users, List<Object> contexts, String currentContext) {
    }

    private static final Map<String, List<String>> PATH_FIELDS = Map.of(
            "cluster", List.of("certificate-authority"),
            "user", List.of("client-certificate", "client-key", "tokenFile"));

    private KubeConfigMerger() {
    }

    static Merged merge(List<Path> files, boolean missingIsError) throws KubeConfigException {
        Map<String, Object> clusters = new LinkedHashMap<>();
        Map<String, Object> users = new LinkedHashMap<>();
        Map<String, Object> contexts = new LinkedHashMap<>();
        String current = null;
        int read = 0;
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                if (missingIsError) {
                    throw new KubeConfigException("kubeconfig " + file + " does not exist");
                }
                continue;
            }
            Map<?, ?> doc = load(file);
            read++;
            Path dir = file.toAbsolutePath().getParent();
            addNamed(doc, "clusters", "cluster", clusters, dir, file);
            addNamed(doc, "users", "user", users, dir, file);
            addNamed(doc, "contexts", "context", contexts, dir, file);
            if (current == null && doc.get("current-context") instanceof String c && !c.isEmpty()) {
                current = c;
            }
        }
        if (read == 0) {
            throw new KubeConfigException("none of the kubeconfig files exists: " + files);
        }
        return new Merged(new ArrayList<>(clusters.values()), new ArrayList<>(users.values()),
                new ArrayList<>(contexts.values()), current);
    }

    private static Map<?, ?> load(Path file) throws KubeConfigException {
        try {
            Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
            if (doc == null) {
                return Map.of();
            }
            if (!(doc instanceof Map<?, ?> map)) {
                throw new KubeConfigException("kubeconfig " + file + " is not a kubeconfig (expected a map)");
            }
            return map;
        } catch (IOException e) {
            throw new KubeConfigException("cannot read kubeconfig " + file + ": " + e.getMessage());
        } catch (RuntimeException e) {
            throw new KubeConfigException("kubeconfig " + file + " is not valid YAML");
        }
    }

    @SuppressWarnings("unchecked")
    private static void addNamed(Map<?, ?> doc, String listKey, String itemKey, Map<String, Object> into, Path dir,
                                 Path file) throws KubeConfigException {
        Object list = doc.get(listKey);
        if (list == null) {
            return;
        }
        if (!(list instanceof List<?> items)) {
            throw new KubeConfigException("kubeconfig " + file + ": " + listKey + " must be a list");
        }
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> entry) || !(entry.get("name") instanceof String name)) {
                throw new KubeConfigException("kubeconfig " + file + ": every entry of " + listKey + " needs a name");
            }
            if (!into.containsKey(name)) {
                Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) entry);
                if (copy.get(itemKey) instanceof Map<?, ?> body) {
                    copy.put(itemKey, resolvePaths(itemKey, (Map<String, Object>) body, dir));
                }
                into.put(name, copy);
            }
        }
    }

    private static Map<String, Object> resolvePaths(String itemKey, Map<String, Object> body, Path dir) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        for (String field : PATH_FIELDS.getOrDefault(itemKey, List.of())) {
            if (copy.get(field) instanceof String p && !p.isEmpty() && !Path.of(p).isAbsolute()) {
                copy.put(field, dir.resolve(p).normalize().toString());
            }
        }
        return copy;
    }
}
