package io.kanisterhooks.hooks;

import io.kanisterhooks.blueprint.Blueprint;
import io.kanisterhooks.blueprint.BlueprintLoader;
import io.kanisterhooks.blueprint.BlueprintValidator;
import io.kanisterhooks.blueprint.FunctionCatalog;
import io.kanisterhooks.yaml.Problems;
import io.kanisterhooks.yaml.SourcePosition;
import io.kanisterhooks.yaml.Suggestions;
import io.kanisterhooks.yaml.YamlDocument;
import io.kanisterhooks.yaml.YamlException;
import io.kanisterhooks.yaml.YamlMapping;
import io.kanisterhooks.yaml.YamlNode;
import io.kanisterhooks.yaml.YamlReader;
import io.kanisterhooks.yaml.YamlScalar;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code validate} checks, file by file and across the files given: every document is a Blueprint, a hooks
 * document, a K10 Policy or Action (each checked whole), or is skipped with the reason; a file with neither a
 * Blueprint nor hooks is an error, and so is a kind that is a misspelling of one of those; a blueprint name defined
 * twice; the actions hooks name, against the blueprints given.
 */
public final class FileValidation {

    /** What was found: problems, notes (skipped documents, blueprints left to the cluster) and counts. */
    public record Result(Problems problems, List<String> notes, int files, int blueprints, int hookSpecs) {
    }

    private static final List<String> KINDS = List.of(Blueprint.KIND, "Policy", "BackupAction", "ExportAction",
            "RestoreAction", "BatchRestoreAction");

    private final BlueprintValidator validator;
    private final BlueprintLoader loader = new BlueprintLoader();
    private final HookSpecReader hookReader = new HookSpecReader();
    private final YamlReader yaml = new YamlReader();

    public FileValidation(FunctionCatalog functions, BlueprintValidator.Options options) {
        this.validator = new BlueprintValidator(functions, options);
    }

    /** A hook block and the namespaces its hooks run for, when its K10 object says. */
    private record Hooks(Path file, HookSpecReader.Result result, Set<String> namespaces) {
    }

    public Result validate(List<Path> files) {
        Problems problems = new Problems();
        List<String> notes = new ArrayList<>();
        Map<String, Blueprint> byName = new LinkedHashMap<>();
        List<Hooks> hooks = new ArrayList<>();
        int blueprints = 0;
        for (Path file : files) {
            List<YamlDocument> docs;
            try {
                docs = yaml.read(file);
            } catch (YamlException e) {
                problems.error(e.position().line() == 0 ? new SourcePosition(file.toString(), 1, 1) : e.position(),
                        e.getMessage());
                continue;
            }
            if (docs.isEmpty()) {
                problems.error(new SourcePosition(file.toString(), 1, 1), "file contains no YAML document");
                continue;
            }
            int used = 0;
            List<String> skipped = new ArrayList<>();
            for (YamlDocument doc : docs) {
                String kind = kindOf(doc);
                if (Blueprint.KIND.equals(kind)) {
                    used++;
                    for (Blueprint bp : loader.read(doc, problems).stream().toList()) {
                        blueprints++;
                        Blueprint first = byName.putIfAbsent(bp.name(), bp);
                        if (first != null && !bp.name().isEmpty()) {
                            problems.error(bp.position(), "blueprint " + bp.name() + " is defined twice (also at "
                                    + first.position() + ")");
                        }
                        problems.addAll(validator.validate(bp));
                    }
                    continue;
                }
                Set<String> namespaces = Set.of();
                boolean k10 = kind != null && ("Policy".equals(kind) || K10Objects.ACTION_KINDS.contains(kind));
                if (k10) {
                    namespaces = K10Objects.check((YamlMapping) doc.root(), kind, problems);
                }
                List<HookSpecReader.Result> found = hookReader.readDocument(doc);
                for (HookSpecReader.Result r : found) {
                    hooks.add(new Hooks(file, r, namespaces));
                }
                if (k10 || !found.isEmpty()) {
                    used++;
                    continue;
                }
                String why = skipReason(doc, kind, problems);
                skipped.add(why);
                notes.add(doc.start() + ": " + why + "; skipped");
            }
            if (used == 0 && !skipped.isEmpty()) {
                problems.error(new SourcePosition(file.toString(), 1, 1), "no Blueprint and no hooks in this file: "
                        + skipped.get(0) + (skipped.size() > 1 ? " (and " + (skipped.size() - 1) + " more document"
                        + (skipped.size() > 2 ? "s" : "") + " like it)" : ""));
            }
        }
        for (Hooks h : hooks) {
            problems.addAll(h.result().problems());
            targets(h, byName, problems, notes);
        }
        return new Result(problems, notes, files.size(), blueprints, hooks.size());
    }

    /** The actions hooks name, against the blueprints given; subjects against the namespaces hooks run for. */
    private static void targets(Hooks h, Map<String, Blueprint> blueprints, Problems problems, List<String> notes) {
        for (HookReference ref : h.result().hooks().hooks().values()) {
            Blueprint bp = blueprints.get(ref.blueprint());
            if (bp == null) {
                notes.add(ref.blueprintAt() + ": hook " + ref.slot().key() + " uses blueprint " + ref.blueprint()
                        + ", which is not among the files validated (it may live in the cluster)");
            } else if (bp.action(ref.actionName()).isEmpty()) {
                problems.error(ref.actionAt(), "action \"" + ref.actionName() + "\" not found in blueprint "
                        + bp.name() + " (its actions: " + bp.actionNames() + ")"
                        + Suggestions.closest(ref.actionName(), bp.actions().keySet())
                        .map(a -> "; did you mean \"" + a + "\"?").orElse(""));
            }
            ref.subject().filter(s -> s.namespace() != null && !s.namespace().isEmpty())
                    .filter(s -> !h.namespaces().isEmpty() && !h.namespaces().contains(s.namespace()))
                    .ifPresent(s -> problems.error(ref.actionAt(), "hooks." + ref.slot().key() + ".subject "
                            + s.describe() + " is in namespace " + s.namespace() + ", but the hook runs for "
                            + "namespace" + (h.namespaces().size() == 1 ? " " : "s ") + String.join(", ",
                            h.namespaces()) + "; only resources in the target namespace can be selected"));
        }
    }

    /**
     * Why {@code file}, where a Blueprint was expected but none was found, holds none: each document's reason; a
     * misspelt kind is an error in {@code problems} at its place.
     */
    static List<String> whyNoBlueprint(Path file, Problems problems) {
        List<String> reasons = new ArrayList<>();
        try {
            for (YamlDocument doc : new YamlReader().read(file)) {
                reasons.add(skipReason(doc, kindOf(doc), problems));
            }
        } catch (YamlException e) {
            problems.error(e.position(), e.getMessage());
        }
        return reasons;
    }

    /** Why a document is neither a Blueprint nor hooks; a misspelt kind of ours is an error. */
    private static String skipReason(YamlDocument doc, String kind, Problems problems) {
        String where = "document " + doc.index();
        if (!(doc.root() instanceof YamlMapping root)) {
            return where + " is " + (doc.root() == null ? "empty" : doc.root().describe()) + ", not a Kubernetes "
                    + "object or a hooks: document";
        }
        if (kind == null) {
            if (root.get("actions").isPresent()) {
                problems.error(doc.start(), where + " has actions but no kind: a Blueprint needs apiVersion "
                        + Blueprint.API_VERSION + " and kind: Blueprint");
            }
            return where + " has no kind and no hooks: key";
        }
        String close = Suggestions.closest(kind, KINDS).orElse(null);
        if (close != null || kind.equalsIgnoreCase("blueprint")) {
            String meant = close != null ? close : Blueprint.KIND;
            problems.error(root.get("kind").map(YamlNode::position).orElse(doc.start()), "kind \"" + kind
                    + "\" is not a kind kanister-hooks reads; did you mean \"" + meant + "\"?");
        }
        return where + " (kind " + kind + ") is not a Blueprint, a K10 Policy or Action, or a hooks: document";
    }

    private static String kindOf(YamlDocument doc) {
        if (doc.root() instanceof YamlMapping m && m.get("kind").orElse(null) instanceof YamlScalar s
                && s.value() instanceof String kind) {
            return kind;
        }
        return null;
    }
}
