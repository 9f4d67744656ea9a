package io.kanisterhooks.blueprint;

import io.kanisterhooks.yaml.Problems;
import io.kanisterhooks.yaml.SourcePosition;
import io.kanisterhooks.yaml.YamlDocument;
import io.kanisterhooks.yaml.YamlException;
import io.kanisterhooks.yaml.YamlMapping;
import io.kanisterhooks.yaml.YamlReader;
import io.kanisterhooks.yaml.YamlScalar;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Loads the Blueprints of a YAML file; other Kubernetes objects in the same file are skipped with a note. */
public final class BlueprintLoader {

    private final YamlReader yaml;

    public BlueprintLoader(YamlReader yaml) {
        this.yaml = yaml;
    }

    public BlueprintLoader() {
        this(new YamlReader());
    }

    public BlueprintFile load(Path path) throws IOException {
        String file = path.toString();
        Problems problems = new Problems();
        try {
            return fromDocuments(file, yaml.read(path), problems);
        } catch (YamlException e) {
            problems.error(e.position().line() == 0 ? new SourcePosition(file, 1, 1) : e.position(), e.getMessage());
            return new BlueprintFile(file, List.of(), List.of(), problems);
        }
    }

    /** Blueprints from YAML text, e.g. the {@code override} of a ConfigMap or a string held in memory. */
    public BlueprintFile parse(String name, String text) {
        Problems problems = new Problems();
        try {
            return fromDocuments(name, yaml.parse(name, text), problems);
        } catch (YamlException e) {
            problems.error(e.position().line() == 0 ? new SourcePosition(name, 1, 1) : e.position(), e.getMessage());
            return new BlueprintFile(name, List.of(), List.of(), problems);
        }
    }

    private BlueprintFile fromDocuments(String file, List<YamlDocument> documents, Problems problems) {
        List<Blueprint> blueprints = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (documents.isEmpty()) {
            problems.error(new SourcePosition(file, 1, 1), "file contains no YAML document");
        }
        BlueprintReader reader = new BlueprintReader(problems);
        for (YamlDocument doc : documents) {
            String kind = kindOf(doc);
            if (kind == null) {
                notes.add(file + ": document " + doc.index() + " is not a Kubernetes object; skipped");
            } else if (!Blueprint.KIND.equals(kind)) {
                notes.add(file + ": document " + doc.index() + " (kind " + kind + ") is not a Blueprint; skipped");
            } else if (apiVersionOk((YamlMapping) doc.root(), problems)) {
                reader.read(doc).ifPresent(blueprints::add);
            }
        }
        return new BlueprintFile(file, blueprints, notes, problems);
    }

    /**
     * One document known to be a Blueprint ({@code kind: Blueprint}): its apiVersion checked, its shape read; empty
     * when it cannot be used.
     */
    public Optional<Blueprint> read(YamlDocument doc, Problems problems) {
        if (!(doc.root() instanceof YamlMapping root) || !apiVersionOk(root, problems)) {
            return Optional.empty();
        }
        return new BlueprintReader(problems).read(doc);
    }

    private static String kindOf(YamlDocument doc) {
        if (doc.root() instanceof YamlMapping m
                && m.get("kind").orElse(null) instanceof YamlScalar s && s.value() instanceof String kind) {
            return kind;
        }
        return null;
    }

    private static boolean apiVersionOk(YamlMapping root, Problems problems) {
        Object version = root.get("apiVersion").map(n -> n.toValue()).orElse(null);
        if (Blueprint.API_VERSION.equals(version)) {
            return true;
        }
        SourcePosition at = root.entry("apiVersion").map(e -> e.value().position()).orElse(root.position());
        problems.error(at, "a Blueprint needs apiVersion " + Blueprint.API_VERSION
                + (version == null ? "" : ", found \"" + version + "\""));
        return false;
    }
}
