package io.kanisterhooks.hooks;

import io.kanisterhooks.blueprint.KubernetesNames;
import io.kanisterhooks.golang.time.GoDuration;
import io.kanisterhooks.golang.time.GoTimeException;
import io.kanisterhooks.yaml.Problems;
import io.kanisterhooks.yaml.SourcePosition;
import io.kanisterhooks.yaml.Suggestions;
import io.kanisterhooks.yaml.YamlDocument;
import io.kanisterhooks.yaml.YamlException;
import io.kanisterhooks.yaml.YamlFields;
import io.kanisterhooks.yaml.YamlMapping;
import io.kanisterhooks.yaml.YamlNode;
import io.kanisterhooks.yaml.YamlReader;
import io.kanisterhooks.yaml.YamlScalar;
import io.kanisterhooks.yaml.YamlSequence;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads hooks in K10's shape from a file: a standalone {@code hooks:} document, a K10 {@code Policy}
 * ({@code spec.actions[].backupParameters|exportParameters|restoreParameters.hooks}) or a K10 Action
 * ({@code spec.hooks}). A Policy with hooks on several actions needs a selector: {@code policy.yaml#export}.
 */
public final class HookSpecReader {

    /** What a file yielded. */
    public record Result(HookSet hooks, Problems problems) {
    }

    private static final Set<String> HOOK_FIELDS =
            Set.of("blueprint", "actionName", "subject", "timeout", "maxRetries", "onError", "options");
    private static final Set<String> SUBJECT_FIELDS =
            Set.of("name", "namespace", "type", "apiVersion", "group", "resource");
    private static final Set<String> ACTION_KINDS =
            Set.of("BackupAction", "ExportAction", "RestoreAction", "BatchRestoreAction");
    private static final List<String> POLICY_PARAMETERS =
            List.of("backupParameters", "exportParameters", "restoreParameters");

    private final YamlReader yaml = new YamlReader();
    private final Duration defaultTimeout;
    private final OnError defaultOnError;

    /**
     * @param defaultTimeout the timeout of hooks that set none
     * @param defaultOnError what the final failure of a hook that sets no {@code onError} does
     */
    public HookSpecReader(Duration defaultTimeout, OnError defaultOnError) {
        this.defaultTimeout = defaultTimeout;
        this.defaultOnError = defaultOnError;
    }

    public HookSpecReader() {
        this(HookReference.DEFAULT_TIMEOUT, OnError.FAIL);
    }

    /** @param reference a path, optionally followed by {@code #backup}, {@code #export} or {@code #restore} */
    public Result read(String reference) {
        int hash = reference.lastIndexOf('#');
        String selector = hash > 0 ? reference.substring(hash + 1) : null;
        Path file = Path.of(hash > 0 ? reference.substring(0, hash) : reference);
        Problems problems = new Problems();
        try {
            List<Located> blocks = new ArrayList<>();
            for (YamlDocument doc : yaml.read(file)) {
                checkK10Object(doc, problems);
                locate(doc, blocks);
            }
            return new Result(choose(file.toString(), blocks, selector, problems), problems);
        } catch (YamlException e) {
            problems.error(e.position().line() == 0 ? new SourcePosition(file.toString(), 1, 1) : e.position(),
                    e.getMessage());
            return new Result(new HookSet(Map.of()), problems);
        }
    }

    /** Whether a file holds hooks in any of the accepted shapes (so {@code validate} can lint it). */
    public boolean containsHooks(Path file) {
        try {
            List<Located> blocks = new ArrayList<>();
            for (YamlDocument doc : yaml.read(file)) {
                locate(doc, blocks);
            }
            return !blocks.isEmpty();
        } catch (YamlException e) {
            return false;
        }
    }

    /** Every hook block of a file (all K10 actions of a Policy), each read with its own problems. */
    public List<Result> readAll(Path file) {
        List<Result> results = new ArrayList<>();
        Problems problems = new Problems();
        try {
            List<Located> blocks = new ArrayList<>();
            for (YamlDocument doc : yaml.read(file)) {
                locate(doc, blocks);
            }
            for (Located block : blocks) {
                Problems own = new Problems();
                results.add(new Result(hookSet(block.hooks(), own), own));
            }
        } catch (YamlException e) {
            problems.error(e.position().line() == 0 ? new SourcePosition(file.toString(), 1, 1) : e.position(),
                    e.getMessage());
            results.add(new Result(new HookSet(Map.of()), problems));
        }
        return results;
    }

    /** The hook blocks of one document (all K10 actions of a Policy), each read with its own problems. */
    public List<Result> readDocument(YamlDocument doc) {
        List<Located> blocks = new ArrayList<>();
        locate(doc, blocks);
        List<Result> results = new ArrayList<>();
        for (Located block : blocks) {
            Problems own = new Problems();
            results.add(new Result(hookSet(block.hooks(), own), own));
        }
        return results;
    }

    /** A K10 Policy or Action is checked whole, as {@code validate} checks it, before its hooks are used. */
    private static void checkK10Object(YamlDocument doc, Problems problems) {
        if (doc.root() instanceof YamlMapping root && root.get("kind").map(YamlNode::toValue).orElse(null)
                instanceof String kind && ("Policy".equals(kind) || K10Objects.ACTION_KINDS.contains(kind))) {
            K10Objects.check(root, kind, problems);
        }
    }

    /** A {@code hooks} map found in a document, with the K10 action it belongs to (or null). */
    private record Located(String k10Action, YamlNode hooks) {
    }

    private static void locate(YamlDocument doc, List<Located> into) {
        if (!(doc.root() instanceof YamlMapping root)) {
            return;
        }
        String kind = root.get("kind").map(YamlNode::toValue).filter(String.class::isInstance)
                .map(String.class::cast).orElse(null);
        Optional<YamlMapping> spec = root.get("spec").filter(YamlMapping.class::isInstance).map(YamlMapping.class::cast);
        if ("Policy".equals(kind)) {
            spec.flatMap(s -> s.get("actions")).filter(YamlSequence.class::isInstance).map(YamlSequence.class::cast)
                    .ifPresent(actions -> actions.items().forEach(a -> locatePolicyAction(a, into)));
        } else if (kind != null && ACTION_KINDS.contains(kind)) {
            spec.flatMap(s -> s.get("hooks")).ifPresent(h -> into.add(new Located(actionOf(kind), h)));
        } else {
            root.get("hooks").ifPresent(h -> into.add(new Located(null, h)));
        }
    }

    private static void locatePolicyAction(YamlNode node, List<Located> into) {
        if (!(node instanceof YamlMapping action)) {
            return;
        }
        for (String parameters : POLICY_PARAMETERS) {
            action.get(parameters).filter(YamlMapping.class::isInstance).map(YamlMapping.class::cast)
                    .flatMap(p -> p.get("hooks"))
                    .ifPresent(h -> into.add(new Located(parameters.replace("Parameters", ""), h)));
        }
    }

    private static String actionOf(String kind) {
        return kind.replace("Batch", "").replace("Action", "").toLowerCase(Locale.ROOT);
    }

    private HookSet choose(String file, List<Located> blocks, String selector, Problems problems) {
        SourcePosition top = new SourcePosition(file, 1, 1);
        List<Located> candidates = selector == null ? blocks
                : blocks.stream().filter(b -> selector.equals(b.k10Action())).toList();
        if (candidates.isEmpty()) {
            problems.error(top, selector == null ? "no hooks found: expected a hooks: map, a K10 Policy or a K10 "
                    + "Backup/Export/RestoreAction" : "no hooks for K10 action \"" + selector + "\" in this file");
            return new HookSet(Map.of());
        }
        if (candidates.size() > 1) {
            List<String> names = candidates.stream().map(Located::k10Action).map(String::valueOf).toList();
            problems.error(top, "the file has hooks for several K10 actions (" + String.join(", ", names)
                    + "); choose one with " + file + "#<action>");
            return new HookSet(Map.of());
        }
        return hookSet(candidates.get(0).hooks(), problems);
    }

    private HookSet hookSet(YamlNode node, Problems problems) {
        if (!(node instanceof YamlMapping map)) {
            problems.error(node.position(), "hooks: expected a map, found " + node.describe());
            return new HookSet(Map.of());
        }
        if (map.entries().isEmpty()) {
            problems.error(node.position(), "hooks: no hook given (" + Arrays.stream(HookSlot.values())
                    .map(HookSlot::key).collect(Collectors.joining(", ")) + ")");
        }
        Map<HookSlot, HookReference> hooks = new EnumMap<>(HookSlot.class);
        for (YamlMapping.Entry e : map.entries()) {
            Optional<HookSlot> slot = HookSlot.ofKey(e.key());
            if (slot.isEmpty()) {
                List<String> keys = Arrays.stream(HookSlot.values()).map(HookSlot::key).toList();
                problems.error(e.keyPosition(), "hooks: unknown hook \"" + e.key() + "\""
                        + Suggestions.closest(e.key(), keys).map(s -> "; did you mean \"" + s + "\"?")
                        .orElse(" (hooks are " + String.join(", ", keys) + ")"));
                continue;
            }
            hook(slot.get(), e.value(), problems).ifPresent(h -> hooks.put(slot.get(), h));
        }
        return new HookSet(hooks);
    }

    private Optional<HookReference> hook(HookSlot slot, YamlNode node, Problems problems) {
        String path = "hooks." + slot.key();
        if (!(node instanceof YamlMapping map)) {
            problems.error(node.position(), path + ": expected a map, found " + node.describe());
            return Optional.empty();
        }
        YamlFields f = new YamlFields(map, path, problems);
        f.rejectUnknown(HOOK_FIELDS);
        String blueprint = required(f, "blueprint", problems);
        String action = required(f, "actionName", problems);
        Duration timeout = timeout(f, problems);
        int maxRetries = maxRetries(slot, f, problems);
        OnError onError = onError(f, problems);
        Optional<HookSubject> subject = f.map("subject").map(m -> subject(m, path + ".subject", problems));
        if (blueprint != null) {
            KubernetesNames.objectNameProblem("Blueprint", blueprint).ifPresent(p ->
                    problems.error(valuePosition(map, "blueprint"), f.pathOf("blueprint") + ": " + p));
        }
        if (blueprint == null || action == null) {
            return Optional.empty();
        }
        return Optional.of(new HookReference(slot, blueprint, action, subject, timeout, maxRetries, onError,
                options(f, problems),
                valuePosition(map, "blueprint"), valuePosition(map, "actionName")));
    }

    private static String required(YamlFields f, String key, Problems problems) {
        String value = f.string(key);
        if (f.node(key).isEmpty()) {
            problems.error(f.mapping().position(), f.path() + ": " + key + " is required");
        } else if (value != null && value.isEmpty()) {
            problems.error(valuePosition(f.mapping(), key), f.pathOf(key) + " must not be empty");
        }
        return value == null || value.isEmpty() ? null : value;
    }

    private Duration timeout(YamlFields f, Problems problems) {
        String text = f.string("timeout");
        if (text == null) {
            return defaultTimeout;
        }
        try {
            long nanos = GoDuration.parse(text);
            if (nanos > 0) {
                return Duration.ofNanos(nanos);
            }
            problems.error(valuePosition(f.mapping(), "timeout"), f.pathOf("timeout") + " must be positive");
        } catch (GoTimeException e) {
            problems.error(valuePosition(f.mapping(), "timeout"), f.pathOf("timeout") + ": " + e.getMessage());
        }
        return defaultTimeout;
    }

    private OnError onError(YamlFields f, Problems problems) {
        Optional<YamlNode> node = f.node("onError");
        if (node.isEmpty()) {
            return defaultOnError;
        }
        if (node.get() instanceof YamlScalar s && s.value() instanceof String text) {
            Optional<OnError> parsed = OnError.parse(text);
            if (parsed.isPresent()) {
                return parsed.get();
            }
        }
        String found = node.get() instanceof YamlScalar s && s.value() instanceof String text ? "\"" + text + "\""
                + Suggestions.closest(text, List.of("Fail", "Continue")).map(c -> "; did you mean \"" + c + "\"?")
                .orElse("") : node.get().describe();
        problems.error(node.get().position(), f.pathOf("onError") + ": expected Fail or Continue, found " + found);
        return defaultOnError;
    }

    private static int maxRetries(HookSlot slot, YamlFields f, Problems problems) {
        Optional<YamlNode> node = f.node("maxRetries");
        if (node.isEmpty()) {
            return slot.defaultMaxRetries();
        }
        if (!(node.get() instanceof YamlScalar s) || !(s.value() instanceof Long n) || n < 0 || n > 100) {
            problems.error(node.get().position(), f.pathOf("maxRetries") + ": expected an integer from 0 to 100");
            return slot.defaultMaxRetries();
        }
        if (!slot.retriable() && n > 0) {
            problems.error(node.get().position(), f.pathOf("maxRetries") + ": " + slot.key()
                    + " hooks are never retried (K10 semantics)");
            return 0;
        }
        return n.intValue();
    }

    private static Map<String, String> options(YamlFields f, Problems problems) {
        Map<String, String> options = new LinkedHashMap<>();
        f.map("options").ifPresent(m -> {
            for (YamlMapping.Entry e : m.entries()) {
                Object v = e.value().toValue();
                if (v instanceof String || v instanceof Long || v instanceof Double || v instanceof Boolean) {
                    options.put(e.key(), String.valueOf(v));
                } else {
                    problems.error(e.value().position(), f.pathOf("options") + "." + e.key()
                            + ": expected a string, found " + e.value().describe());
                }
            }
        });
        return options;
    }

    private static HookSubject subject(YamlMapping map, String path, Problems problems) {
        YamlFields f = new YamlFields(map, path, problems);
        f.rejectUnknown(SUBJECT_FIELDS);
        HookSubject s = new HookSubject(f.string("type"), f.string("name"), f.string("namespace"),
                f.string("apiVersion"), f.string("group"), f.string("resource"));
        SubjectRules.check(s, map.position(), path, problems);
        if (s.name() != null && !s.name().isEmpty()) {
            Optional<String> bad = s.isNamespace() ? KubernetesNames.namespaceProblem(s.name())
                    : KubernetesNames.objectNameProblem("subject", s.name());
            bad.ifPresent(p -> problems.error(valuePosition(map, "name"), path + ".name: " + p));
        }
        if (s.namespace() != null && !s.namespace().isEmpty()) {
            KubernetesNames.namespaceProblem(s.namespace()).ifPresent(p ->
                    problems.error(valuePosition(map, "namespace"), path + ".namespace: " + p));
        }
        return s;
    }

    static SourcePosition valuePosition(YamlMapping map, String key) {
        return map.get(key).map(YamlNode::position).orElse(map.position());
    }
}
