package io.kanisterhooks.action;

import io.kanisterhooks.blueprint.Artifact;
import io.kanisterhooks.blueprint.BlueprintAction;
import io.kanisterhooks.blueprint.BlueprintPhase;
import io.kanisterhooks.blueprint.FunctionSignature;
import io.kanisterhooks.blueprint.ObjectReference;
import io.kanisterhooks.cancel.Cancellation;
import io.kanisterhooks.cancel.CancelledException;
import io.kanisterhooks.functions.FunctionRegistry;
import io.kanisterhooks.functions.KanisterFunction;
import io.kanisterhooks.functions.PhaseContext;
import io.kanisterhooks.functions.PhaseException;
import io.kanisterhooks.functions.UnsupportedFunctions;
import io.kanisterhooks.golang.time.GoTime;
import io.kanisterhooks.kube.Kube;
import io.kanisterhooks.kube.KubeException;
import io.kanisterhooks.kube.PodRunner;
import io.kanisterhooks.output.OutputDisplay;
import io.kanisterhooks.params.TemplateParamSecrets;
import io.kanisterhooks.params.TemplateParamsBuilder;
import io.kanisterhooks.render.ArgRenderer;
import io.kanisterhooks.render.TemplateError;
import io.kanisterhooks.secrets.SecretValues;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a blueprint action as Kanister's controller does (its ActionSet handling in pkg/controller): TemplateParams built once at
 * the start, phase {@code objects} rendered at the start, arguments rendered lazily right before each phase (so they
 * see earlier outputs), phases in order stopping at the first failure, the defer phase always, output artifacts
 * rendered only when everything succeeded. Unlike Kanister, an unknown or unsupported function fails the action
 * before anything ran, and the defer phase still gets a short grace period after an abort or timeout.
 */
public final class ActionRunner implements ActionExecutor {

    /** Time the defer phase (cleanup) gets after the action was aborted or timed out. */
    static final Duration DEFER_GRACE = Duration.ofSeconds(60);
    private static final String RFC3339_NANO = "2006-01-02T15:04:05.999999999Z07:00";
    /** Kanister's error when a phase's objects cannot be read. */
    private static final String PHASE_PARAMS_FAILED = "Failed to init phase params: ";

    private final Kube kube;
    private final FunctionRegistry functions;
    private final SecretValues secrets;
    private final PodRunner podRunner;
    private final Duration podReadyTimeout;
    private final ArgRenderer renderer = ArgRenderer.create();

    public ActionRunner(Kube kube, FunctionRegistry functions, SecretValues secrets, Duration podReadyTimeout) {
        this.kube = kube;
        this.functions = functions;
        this.secrets = secrets;
        this.podRunner = new PodRunner(kube);
        this.podReadyTimeout = podReadyTimeout;
    }

    @Override
    public ActionResult execute(ActionRequest request, ActionListener listener, Cancellation cancellation) {
        return new Run(request, listener, cancellation).run();
    }

    /** Renders what {@link #execute} would run, reading the cluster but changing nothing. */
    public ActionPlan plan(ActionRequest request) {
        return new Run(request, ActionListener.NONE, Cancellation.none()).plan();
    }

    /** One execution; holds the TemplateParams as they grow phase by phase. */
    private final class Run {
        private final ActionRequest request;
        private final ActionListener listener;
        private final Cancellation cancellation;
        private final Instant started = Instant.now();
        private final TemplateParamsBuilder tp = new TemplateParamsBuilder();
        private final List<PhaseResult> results = new ArrayList<>();
        private final Map<String, Map<String, ObjectReference>> renderedObjects = new LinkedHashMap<>();
        /** When the current phase's job pod was seen running; null before (or without) one. */
        private volatile Instant podStarted;

        Run(ActionRequest request, ActionListener listener, Cancellation cancellation) {
            this.request = request;
            this.listener = listener;
            this.cancellation = cancellation;
        }

        ActionResult run() {
            BlueprintAction action = request.blueprint().action(request.actionName()).orElse(null);
            if (action == null) {
                return finish(false, "Action " + request.actionName() + " for object kind "
                        + request.subject().kind() + " not found in blueprint " + request.blueprint().name(), Map.of());
            }
            action.allPhases().forEach(p -> results.add(PhaseResult.pending(p.name(), p.func(),
                    action.deferPhase().filter(d -> d == p).isPresent())));
            String setupError = setUp(action);
            if (setupError != null) {
                failPhase(0, Instant.now(), setupError, List.of());
                return finish(false, setupError, Map.of());
            }
            String error = null;
            for (int i = 0; i < action.phases().size() && error == null; i++) {
                error = runPhase(i, action.phases().get(i), false);
            }
            if (action.deferPhase().isPresent()) {
                String deferError = runPhase(action.phases().size(), action.deferPhase().get(), true);
                error = deferError != null ? deferError : error;
            }
            if (error != null) {
                return finish(false, error, Map.of());
            }
            try {
                return finish(true, null, artifacts(action));
            } catch (TemplateError e) {
                return finish(false, e.kanisterMessage(), Map.of());
            }
        }

        ActionPlan plan() {
            BlueprintAction action = request.blueprint().action(request.actionName()).orElse(null);
            String error = action == null ? "Action " + request.actionName() + " not found in blueprint "
                    + request.blueprint().name() : setUp(action);
            List<ActionPlan.Phase> phases = new ArrayList<>();
            if (error == null) {
                for (BlueprintPhase p : action.allPhases()) {
                    phases.add(planPhase(p, action.deferPhase().filter(d -> d == p).isPresent()));
                }
            }
            return new ActionPlan(request.blueprint().name(), request.actionName(), request.subject(), phases,
                    secrets.mask(error));
        }

        /**
         * Earlier outputs are unknown before the run: a template that needs them is rendered at run time. The
         * Secrets and ConfigMaps the phase names in {@code objects} are read (only read) as the run reads them.
         */
        private ActionPlan.Phase planPhase(BlueprintPhase p, boolean defer) {
            KanisterFunction function = functions.function(p.func()).orElseThrow();
            try {
                PhaseObjects.fetch(kube, renderedObjects.get(p.name()), secrets);
            } catch (KubeException e) {
                return new ActionPlan.Phase(p.name(), p.func(), defer, null, null,
                        secrets.mask(PHASE_PARAMS_FAILED + e.getMessage()));
            }
            if (function.rendersOwnArgs()) {
                return new ActionPlan.Phase(p.name(), p.func(), defer, p.args(), null, null);
            }
            try {
                return new ActionPlan.Phase(p.name(), p.func(), defer, render(p.args()), null, null);
            } catch (PhaseException e) {
                boolean needsOutputs = mentionsRunTimeValues(p.args());
                return new ActionPlan.Phase(p.name(), p.func(), defer, null,
                        needsOutputs ? "uses outputs of earlier phases or input artifacts: rendered when the action "
                                + "runs" : null,
                        needsOutputs ? null : secrets.mask(e.getMessage()));
            }
        }

        private boolean mentionsRunTimeValues(Object value) {
            if (value instanceof String s) {
                return s.contains(".Phases") || s.contains(".DeferPhase") || s.contains(".CurrentPhase")
                        || s.contains(".ArtifactsIn");
            }
            if (value instanceof Map<?, ?> m) {
                return m.entrySet().stream().anyMatch(e -> mentionsRunTimeValues(e.getKey())
                        || mentionsRunTimeValues(e.getValue()));
            }
            return value instanceof List<?> l && l.stream().anyMatch(this::mentionsRunTimeValues);
        }

        /** Kanister's synchronous part: TemplateParams, function lookup, objects rendering. */
        private String setUp(BlueprintAction action) {
            tp.time(GoTime.now().utc().format(RFC3339_NANO)).options(request.options())
                    .artifactsIn(artifactsJson(request.artifactsIn()));
            try {
                new SubjectParams(kube).fill(request.subject(), tp);
                PhaseObjects actionObjects = PhaseObjects.fetch(kube, request.secrets(), request.configMaps(),
                        secrets);
                tp.secrets(actionObjects.secrets).configMaps(actionObjects.configMaps);
            } catch (KubeException e) {
                return e.getMessage();
            }
            // input artifacts under a credential-like key, the profile's credentials: masked like Secret values
            TemplateParamSecrets.addTo(secrets, tp.build());
            for (BlueprintPhase p : action.allPhases()) {
                if (functions.function(p.func()).isEmpty()) {
                    return functions.lookup(p.func()).map(UnsupportedFunctions::refusal)
                            .orElse("Requested function {" + p.func() + "} has not been registered");
                }
                try {
                    renderedObjects.put(p.name(), renderObjects(p));
                } catch (TemplateError e) {
                    return e.kanisterMessage();
                }
            }
            return null;
        }

        private Map<String, ObjectReference> renderObjects(BlueprintPhase p) throws TemplateError {
            Map<String, ObjectReference> rendered = new LinkedHashMap<>();
            Object params = tp.build();
            for (Map.Entry<String, ObjectReference> e : p.objects().entrySet()) {
                Map<String, String> fields = new LinkedHashMap<>();
                for (Map.Entry<String, String> f : e.getValue().asMap().entrySet()) {
                    fields.put(f.getKey(), renderer.render(f.getValue(), params));
                }
                rendered.put(e.getKey(), ObjectReference.fromMap(fields));
            }
            return rendered;
        }

        /** @return the phase's error, or null when it completed */
        private String runPhase(int index, BlueprintPhase phase, boolean defer) {
            Instant start = Instant.now();
            podStarted = null;
            Cancellation phaseCancellation = cancellation;
            if (cancellation.isCancelled()) {
                if (!defer) {
                    String why = Cancellation.aborted(cancellation.reason());
                    failPhase(index, start, why, List.of());
                    return why;
                }
                phaseCancellation = Cancellation.after(DEFER_GRACE);
            }
            results.set(index, new PhaseResult(phase.name(), phase.func(), defer, PhaseState.RUNNING, start, null,
                    null, Map.of(), null, List.of()));
            listener.phaseStarted(phase.name(), phase.func());
            KanisterFunction function = functions.function(phase.func()).orElseThrow();
            try {
                PhaseObjects objects = PhaseObjects.fetch(kube, renderedObjects.get(phase.name()), secrets);
                if (defer) {
                    tp.startDeferPhase(objects.secrets, objects.configMaps);
                } else {
                    tp.startPhase(phase.name(), objects.secrets, objects.configMaps);
                }
            } catch (KubeException e) {
                return failPhase(index, start, PHASE_PARAMS_FAILED + e.getMessage(), List.of());
            }
            Map<String, Object> output;
            try {
                Map<String, Object> args = function.rendersOwnArgs() ? phase.args() : render(phase.args());
                checkArgs(function.signature(), args);
                output = function.execute(context(phase, phaseCancellation), args);
            } catch (PhaseException e) {
                return failPhase(index, start, e.getMessage(), e.logTail());
            } catch (CancelledException e) {
                return failPhase(index, start, Cancellation.aborted(e.getMessage()), List.of());
            } catch (RuntimeException e) {
                return failPhase(index, start, "internal error in " + phase.func() + ": " + e, List.of());
            }
            if (defer) {
                tp.deferPhaseOutput(output);
            } else {
                tp.phaseOutput(phase.name(), output);
            }
            PhaseResult done = new PhaseResult(phase.name(), phase.func(), defer, PhaseState.COMPLETE, start,
                    podStarted, Instant.now(), output == null ? Map.of() : output, null, List.of());
            results.set(index, done);
            listener.phaseFinished(done);
            return null;
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> render(Map<String, Object> args) throws PhaseException {
            try {
                Object rendered = renderer.renderValue(args, tp.build());
                Map<String, Object> result = new LinkedHashMap<>();
                ((Map<Object, Object>) rendered).forEach((k, v) -> result.put(String.valueOf(k), v));
                return result;
            } catch (TemplateError e) {
                throw new PhaseException(e.kanisterMessage());
            }
        }

        /** Kanister's runtime checks, after rendering (texts of {@code Phase.setPhaseArgs}). */
        private void checkArgs(FunctionSignature sig, Map<String, Object> args) throws PhaseException {
            for (String required : sig.requiredArgs()) {
                if (!args.containsKey(required)) {
                    throw new PhaseException("Required args missing for function " + sig.name()
                            + ": Required arg missing: " + required);
                }
            }
            for (String arg : args.keySet()) {
                if (!sig.supportedArgs().contains(arg)) {
                    throw new PhaseException("Checking supported args for function " + sig.name()
                            + ".: argument " + arg + " is not supported");
                }
            }
        }

        private PhaseContext context(BlueprintPhase phase, Cancellation phaseCancellation) {
            Subject s = request.subject();
            return new PhaseContext(kube, podRunner, phase.name(), s.kind(), s.name(), s.namespace(),
                    request.homeNamespace(), request.pods(), template -> {
                        try {
                            return renderer.render(template, tp.build());
                        } catch (TemplateError e) {
                            throw new PhaseException(e.kanisterMessage());
                        }
                    }, line -> listener.log(phase.name(), shown(line)), phaseCancellation, podReadyTimeout,
                    () -> podStarted = Instant.now());
        }

        /** A log line as people see it: output markers shown as {@code output KEY = VALUE}, secrets masked. */
        private String shown(String line) {
            return secrets.mask(OutputDisplay.line(line, secrets::showOutput));
        }

        private String failPhase(int index, Instant start, String error, List<String> logTail) {
            List<String> tail = logTail.stream().map(this::shown).toList();
            String shownError = secrets.mask(OutputDisplay.text(error, secrets::showOutput));
            PhaseResult failed = new PhaseResult(results.get(index).name(), results.get(index).function(),
                    results.get(index).defer(), PhaseState.FAILED, start, podStarted, Instant.now(), Map.of(),
                    shownError, tail);
            results.set(index, failed);
            listener.phaseFinished(failed);
            return shownError;
        }

        /** Kanister's {@code RenderArtifacts}: every keyValue value and kopiaSnapshot, against the final params. */
        private Map<String, Artifact> artifacts(BlueprintAction action) throws TemplateError {
            Map<String, Artifact> out = new LinkedHashMap<>();
            Object params = tp.build();
            for (Map.Entry<String, Artifact> e : action.outputArtifacts().entrySet()) {
                Map<String, String> kv = new LinkedHashMap<>();
                for (Map.Entry<String, String> v : e.getValue().keyValue().entrySet()) {
                    kv.put(v.getKey(), renderer.render(v.getValue(), params));
                }
                String kopia = e.getValue().kopiaSnapshot();
                out.put(e.getKey(), new Artifact(kv, kopia.isEmpty() ? "" : renderer.render(kopia, params)));
            }
            return out;
        }

        private ActionResult finish(boolean ok, String error, Map<String, Artifact> artifacts) {
            return new ActionResult(request.blueprint().name(), request.actionName(), request.subject(), ok,
                    List.copyOf(results), artifacts, secrets.mask(error), started, Instant.now());
        }
    }

    /** ActionSpec.artifacts in Kanister's JSON shape. */
    private static Map<String, Map<String, Object>> artifactsJson(Map<String, Artifact> artifacts) {
        Map<String, Map<String, Object>> json = new LinkedHashMap<>();
        artifacts.forEach((name, a) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("keyValue", a.keyValue());
            if (!a.kopiaSnapshot().isEmpty()) {
                m.put("kopiaSnapshot", a.kopiaSnapshot());
            }
            json.put(name, m);
        });
        return json;
    }
}
