package io.kanisterhooks.kube;

import io.kanisterhooks.yaml.SourcePosition;
import io.kanisterhooks.yaml.YamlDocument;
import io.kanisterhooks.yaml.YamlException;
import io.kanisterhooks.yaml.YamlMapping;
import io.kanisterhooks.yaml.YamlNode;
import io.kanisterhooks.yaml.YamlReader;
import io.kanisterhooks.yaml.YamlScalar;
import io.kanisterhooks.yaml.YamlSequence;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges kubeconfig files as kubectl does: for clusters, users and contexts the first file that defines a name wins;
 * {@code current-context} comes from the first file that sets it; relative file references are resolved against the
 * directory of the file that holds them. Files are read with the limits of every input file, and every problem is
 * reported at its place ({@code file:line:col}). Messages name files and entries, never their contents.
 */
final class KubeConfigMerger {

    /** One named entry of {@code clusters}, {@code users} or {@code contexts}, with where it was written. */
    record Named(String name, Map<String, Object> entry, SourcePosition position, YamlMapping body) {
    }

    /** The merged configuration. */
    record Merged(Map<String, Named> clusters, Map<String, Named> users, Map<String, Named> contexts,
                  String currentContext, SourcePosition currentContextAt) {

        List<Object> list(Map<String, Named> named) {
            List<Object> list = new ArrayList<>();
            named.values().forEach(n -> list.add(n.entry()));
            return list;
        }
    }

    private static final Map<String, List<String>> PATH_FIELDS = Map.of(
            "cluster", List.of("certificate-authority"),
            "user", List.of("client-certificate", "client-key", "tokenFile"));

    private KubeConfigMerger() {
    }

    static Merged merge(List<Path> files, boolean missingIsError) throws KubeConfigException {
        Map<String, Named> clusters = new LinkedHashMap<>();
        Map<String, Named> users = new LinkedHashMap<>();
        Map<String, Named> contexts = new LinkedHashMap<>();
        String current = null;
        SourcePosition currentAt = null;
        int read = 0;
        for (Path file : files) {
            if (!Files.exists(file)) {
                if (missingIsError) {
                    throw new KubeConfigException(SourcePosition.ofFile(file.toString()),
                            "kubeconfig " + file + " does not exist");
                }
                continue;
            }
            YamlMapping doc = load(file);
            read++;
            if (doc == null) {
                continue;
            }
            Path dir = file.toAbsolutePath().getParent();
            addNamed(doc, "clusters", "cluster", clusters, dir);
            addNamed(doc, "users", "user", users, dir);
            addNamed(doc, "contexts", "context", contexts, dir);
            if (current == null && doc.get("current-context").orElse(null) instanceof YamlScalar s
                    && s.value() instanceof String c && !c.isEmpty()) {
                current = c;
                currentAt = s.position();
            }
        }
        if (read == 0) {
            throw new KubeConfigException("none of the kubeconfig files exists: " + files);
        }
        return new Merged(clusters, users, contexts, current, currentAt);
    }

    /** The file's top-level map; null for an empty file. */
    private static YamlMapping load(Path file) throws KubeConfigException {
        List<YamlDocument> docs;
        try {
            docs = new YamlReader().read(file);
        } catch (YamlException e) {
            throw new KubeConfigException(e.position(), "kubeconfig: " + e.getMessage());
        }
        if (docs.isEmpty() || docs.get(0).root() == null) {
            return null;
        }
        if (!(docs.get(0).root() instanceof YamlMapping map)) {
            throw new KubeConfigException(docs.get(0).start(), "not a kubeconfig: expected a map, found "
                    + docs.get(0).root().describe());
        }
        return map;
    }

    @SuppressWarnings("unchecked")
    private static void addNamed(YamlMapping doc, String listKey, String itemKey, Map<String, Named> into, Path dir)
            throws KubeConfigException {
        YamlNode list = doc.get(listKey).orElse(null);
        if (list == null || list instanceof YamlScalar s && s.value() == null) {
            return;
        }
        if (!(list instanceof YamlSequence items)) {
            throw new KubeConfigException(list.position(), "kubeconfig: " + listKey + " must be a list, found "
                    + list.describe());
        }
        for (YamlNode item : items.items()) {
            if (!(item instanceof YamlMapping entry) || !(entry.get("name").orElse(null) instanceof YamlScalar n)
                    || !(n.value() instanceof String name) || name.isEmpty()) {
                throw new KubeConfigException(item.position(), "kubeconfig: every entry of " + listKey
                        + " needs a name");
            }
            YamlNode body = entry.get(itemKey).orElse(null);
            if (body != null && !(body instanceof YamlMapping) && !(body instanceof YamlScalar s && s.value() == null)) {
                throw new KubeConfigException(body.position(), "kubeconfig: " + listKey + " entry " + name + ": "
                        + itemKey + " must be a map, found " + body.describe());
            }
            if (!into.containsKey(name)) {
                Map<String, Object> copy = (Map<String, Object>) entry.toValue();
                if (copy.get(itemKey) instanceof Map<?, ?> fields) {
                    copy.put(itemKey, resolvePaths(itemKey, (Map<String, Object>) fields, dir));
                }
                into.put(name, new Named(name, copy, entry.position(),
                        body instanceof YamlMapping m ? m : null));
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
