package io.kanisterhooks.cli;

import io.kanisterhooks.action.ActionResult;
import io.kanisterhooks.action.PhaseResult;
import io.kanisterhooks.cancel.Cancellation;
import io.kanisterhooks.golang.time.GoDuration;
import io.kanisterhooks.golang.time.GoTimeException;
import io.kanisterhooks.hooks.HookPlan;
import io.kanisterhooks.hooks.HookPlanner;
import io.kanisterhooks.hooks.HookReference;
import io.kanisterhooks.hooks.HookRunListener;
import io.kanisterhooks.hooks.HookRunner;
import io.kanisterhooks.hooks.HookSlot;
import io.kanisterhooks.hooks.KubeClusterView;
import io.kanisterhooks.hooks.PlanRequest;
import io.kanisterhooks.hooks.RunOutcome;
import io.kanisterhooks.hooks.report.ConsoleReporter;
import io.kanisterhooks.hooks.report.ReportCollector;
import io.kanisterhooks.hooks.report.ReportFiles;
import io.kanisterhooks.hooks.report.RunReport;
import io.kanisterhooks.hooks.state.RunState;
import io.kanisterhooks.hooks.state.RunStateStore;
import io.kanisterhooks.hooks.state.SlotRecord;
import io.kanisterhooks.hooks.state.StateException;
import io.kanisterhooks.kube.RandomNames;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One invocation of {@code hooks pre}, {@code hooks post} or {@code wrap}: connects, plans (every problem is bad
 * input, before anything runs), opens the run-state file, and runs hooks with console, JSON/JUnit/HTML reporting.
 */
final class HookSession implements AutoCloseable {

    private final HookOptions options;
    private final String command;
    private final PrintStream console;
    final EngineSession engine;
    final Cancellation abort = Cancellation.none();
    final AbortSignals signals;
    private final Instant started = Instant.now();
    private final ReportCollector collector = new ReportCollector();
    private final ConsoleReporter reporter;
    private RunStateStore store;
    private HookRunner runner;

    HookSession(HookOptions options, String command, PrintStream console) {
        this.options = options;
        this.command = command;
        this.console = console;
        this.engine = new EngineSession(options.cluster);
        this.reporter = new ConsoleReporter(console, engine.secrets);
        this.signals = AbortSignals.install(abort);
    }

    /**
     * Plans the run and opens its state file: an existing file continues that run (its namespaces and hooks must match
     * this invocation's), a missing one starts a new run.
     */
    void open() throws Exception {
        Optional<RunState> existing = readState();
        PlanRequest request = request();
        String runId = existing.map(RunState::runId).orElseGet(HookSession::newRunId);
        List<String> fixed = existing.map(RunState::namespaces).orElse(null);
        if (fixed != null && !options.namespaces.isEmpty() && !fixed.equals(List.copyOf(
                new LinkedHashSet<>(options.namespaces)))) {
            throw new UserInputException("the run in " + options.state + " started with namespaces " + fixed
                    + ", not " + options.namespaces + "; use another --state for a new run");
        }
        HookPlanner.Planned planned = new HookPlanner(engine.functions, new KubeClusterView(engine.kube))
                .plan(request, runId, fixed);
        BlueprintSource.report(planned.problems(), new PrintWriter(console, true));
        HookPlan plan = planned.plan();
        Map<String, String> hooks = hookTargets(plan);
        if (existing.isPresent() && !existing.get().hooks().equals(hooks)) {
            throw new UserInputException("the run-state file " + options.state + " belongs to a run with other hooks "
                    + existing.get().hooks() + "; use another --state for a new run");
        }
        store = RunStateStore.open(options.state, new RunState(RunState.VERSION, runId, "kanister-hooks "
                + VersionProvider.version(), Instant.now().toString(), hooks, plan.namespaces(), Map.of()));
        runner = new HookRunner(plan, engine.actions, store, new Fanout(reporter, collector), abort,
                attempt -> 1000L * (attempt - 1));
    }

    private Optional<RunState> readState() throws IOException {
        try {
            return RunStateStore.read(options.state);
        } catch (StateException e) {
            throw new UserInputException(e.getMessage());
        }
    }

    HookRunner runner() {
        return runner;
    }

    /** After an abort: the pods of this run that may still exist are deleted, then the reports are written. */
    void sweepAfterAbort() {
        if (abort.isCancelled()) {
            engine.kube.deletePods(HookRunner.LABEL_RUN + "=" + store.state().runId());
        }
    }

    /** Writes the reports (when {@code --report-dir} is set) and prints the summary; returns the report. */
    RunReport finish(boolean succeeded) throws IOException {
        sweepAfterAbort();
        RunReport report = collector.report(command, succeeded, started, store.state());
        reporter.summary(report);
        if (options.reportDir != null) {
            for (Path p : ReportFiles.write(options.reportDir, report, engine.secrets)) {
                console.println("report: " + p);
            }
        }
        return report;
    }

    /** The machine-readable outcome printed on stdout by {@code hooks pre|post}. */
    Map<String, Object> result(RunOutcome outcome) {
        Map<String, Object> root = new LinkedHashMap<>();
        RunState state = store.state();
        root.put("runId", state.runId());
        root.put("outcome", outcome.succeeded() ? "success" : "failure");
        root.put("aborted", outcome.aborted());
        root.put("failedNamespaces", outcome.failedNamespaces());
        Map<String, Object> namespaces = new LinkedHashMap<>();
        for (String ns : state.namespaces()) {
            Map<String, Object> slots = new LinkedHashMap<>();
            for (HookSlot slot : HookSlot.values()) {
                state.record(ns, slot.key()).ifPresent(r -> slots.put(slot.key(), record(r)));
            }
            namespaces.put(ns, slots);
        }
        root.put("namespaces", namespaces);
        return root;
    }

    private Map<String, Object> record(SlotRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", r.status().name().toLowerCase(Locale.ROOT));
        m.put("attempts", r.attempts());
        m.put("error", r.error() == null ? null : engine.secrets.mask(r.error()));
        m.put("artifacts", ActionResults.artifacts(r.artifacts()));
        return m;
    }

    private PlanRequest request() {
        return request(options);
    }

    /** The planner's input from the command line. */
    static PlanRequest request(HookOptions options) {
        Map<HookSlot, String> flags = new EnumMap<>(HookSlot.class);
        put(flags, HookSlot.PRE_HOOK, options.preHook);
        put(flags, HookSlot.ON_SUCCESS, options.onSuccess);
        put(flags, HookSlot.ON_FAILURE, options.onFailure);
        put(flags, HookSlot.ALWAYS, options.always);
        return new PlanRequest(options.hooksFile, flags, options.blueprints, options.blueprintNamespace,
                options.namespaces, options.namespaceSelector, options.subject, options.options, options.parallelism,
                defaultTimeout(options), options.forceRootInHooks, options.homeNamespace());
    }

    private static Duration defaultTimeout(HookOptions options) {
        if (options.timeout == null) {
            return HookReference.DEFAULT_TIMEOUT;
        }
        try {
            long nanos = GoDuration.parse(options.timeout);
            if (nanos <= 0) {
                throw new UserInputException("--timeout must be positive");
            }
            return Duration.ofNanos(nanos);
        } catch (GoTimeException e) {
            throw new UserInputException("--timeout: " + e.getMessage());
        }
    }

    private static void put(Map<HookSlot, String> flags, HookSlot slot, String value) {
        if (value != null) {
            flags.put(slot, value);
        }
    }

    private static Map<String, String> hookTargets(HookPlan plan) {
        Map<String, String> targets = new LinkedHashMap<>();
        plan.hooks().hooks().forEach((slot, h) -> targets.put(slot.key(), h.target()));
        return targets;
    }

    private static String newRunId() {
        String time = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        return "kh-" + time + "-" + RandomNames.suffix(5);
    }

    @Override
    public void close() {
        signals.close();
        engine.close();
    }

    /** Sends every event to both listeners. */
    private record Fanout(HookRunListener a, HookRunListener b) implements HookRunListener {
        @Override
        public void attemptStarted(String ns, HookSlot slot, int attempt) {
            a.attemptStarted(ns, slot, attempt);
            b.attemptStarted(ns, slot, attempt);
        }

        @Override
        public void phaseStarted(String ns, HookSlot slot, String phase) {
            a.phaseStarted(ns, slot, phase);
            b.phaseStarted(ns, slot, phase);
        }

        @Override
        public void log(String ns, HookSlot slot, String phase, String line) {
            a.log(ns, slot, phase, line);
            b.log(ns, slot, phase, line);
        }

        @Override
        public void phaseFinished(String ns, HookSlot slot, PhaseResult result) {
            a.phaseFinished(ns, slot, result);
            b.phaseFinished(ns, slot, result);
        }

        @Override
        public void attemptFinished(String ns, HookSlot slot, int attempt, ActionResult r) {
            a.attemptFinished(ns, slot, attempt, r);
            b.attemptFinished(ns, slot, attempt, r);
        }

        @Override
        public void slotFinished(String ns, HookSlot slot, SlotRecord record) {
            a.slotFinished(ns, slot, record);
            b.slotFinished(ns, slot, record);
        }
    }
}
