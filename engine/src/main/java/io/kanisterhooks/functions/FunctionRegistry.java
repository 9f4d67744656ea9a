package io.kanisterhooks.functions;

import io.kanisterhooks.blueprint.FunctionCatalog;
import io.kanisterhooks.blueprint.FunctionSignature;
import io.kanisterhooks.functions.args.ArgException;
import io.kanisterhooks.kube.patch.KnownFields;
import io.kanisterhooks.kube.patch.PatchSchema;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The one place where every Kanister function is registered, by its exact (case-sensitive) name. */
public final class FunctionRegistry implements FunctionCatalog {

    private final Map<String, KanisterFunction> implemented = new LinkedHashMap<>();
    private final Map<String, FunctionSignature> signatures = new LinkedHashMap<>();

    private FunctionRegistry() {
    }

    /** All functions kanister-hooks runs, plus the ones it recognises and refuses. */
    public static FunctionRegistry standard() {
        FunctionRegistry r = new FunctionRegistry();
        r.register(new KubeTask());
        r.register(new KubeExec());
        r.register(new KubeExecAll());
        r.register(new MultiContainerRun());
        r.register(new PrepareData());
        r.register(new ScaleWorkload());
        r.register(new KubeOps());
        r.register(new Wait());
        r.register(new WaitV2());
        r.register(new CreateCSISnapshot());
        r.register(new CreateCSISnapshotStatic());
        r.register(new DeleteCSISnapshot());
        r.register(new DeleteCSISnapshotContent());
        r.register(new RestoreCSISnapshot());
        for (FunctionSignature s : UnsupportedFunctions.SIGNATURES) {
            r.recognise(s);
        }
        return r;
    }

    private void register(KanisterFunction f) {
        recognise(f.signature());
        implemented.put(f.name(), f);
    }

    private void recognise(FunctionSignature s) {
        if (signatures.putIfAbsent(s.name(), s) != null) {
            throw new IllegalStateException("function registered twice: " + s.name());
        }
    }

    @Override
    public Optional<FunctionSignature> lookup(String functionName) {
        return Optional.ofNullable(signatures.get(functionName));
    }

    @Override
    public Collection<String> names() {
        return Collections.unmodifiableSet(signatures.keySet());
    }

    @Override
    public Optional<String> literalArgumentProblem(String functionName, String arg, Object value) {
        KanisterFunction f = implemented.get(functionName);
        if (f == null) {
            return Optional.empty();
        }
        if (arg.equals(CommonArgs.POD_OVERRIDE) && value instanceof Map<?, ?> fragment) {
            return podOverrideProblem(fragment);
        }
        try {
            f.checkLiteral(arg, value);
            return Optional.empty();
        } catch (ArgException | PhaseException e) {
            return Optional.of(e.getMessage() + " (the value has no template, so the phase fails whenever it runs)");
        }
    }

    /**
     * A podOverride is merged into the pod's PodSpec; fields the PodSpec does not have are dropped silently when the
     * pod is created, so a misspelt one would change nothing. Strategic-merge directives ({@code $patch}, ...) pass.
     */
    private static Optional<String> podOverrideProblem(Map<?, ?> fragment) {
        KnownFields.Result known = KnownFields.prune(fragment, PatchSchema.podSpec());
        List<String> unknown = known.dropped().stream()
                .filter(p -> !p.substring(p.lastIndexOf('.') + 1).startsWith("$")).toList();
        if (unknown.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(unknown.stream().map(p -> p + Optional.ofNullable(known.closest().get(p))
                .map(s -> " (did you mean " + s + "?)").orElse("")).collect(Collectors.joining(", "))
                + (unknown.size() == 1 ? " is not a field" : " are not fields") + " of a PodSpec, so the pod would "
                + "be created without " + (unknown.size() == 1 ? "it" : "them"));
    }

    /** The runnable function of that name; empty for unknown and for recognised-but-refused functions. */
    public Optional<KanisterFunction> function(String name) {
        return Optional.ofNullable(implemented.get(name));
    }
}
