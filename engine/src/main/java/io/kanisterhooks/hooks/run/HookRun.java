package io.kanisterhooks.hooks.run;

import io.kanisterhooks.action.ActionResult;
import io.kanisterhooks.action.Engine;
import io.kanisterhooks.action.PhaseResult;
import io.kanisterhooks.blueprint.Artifact;
import io.kanisterhooks.cancel.Cancellation;
import io.kanisterhooks.hooks.HookPlan;
import io.kanisterhooks.hooks.HookPlanner;
import io.kanisterhooks.hooks.HookRunListener;
import io.kanisterhooks.hooks.HookRunner;
import io.kanisterhooks.hooks.HookSlot;
import io.kanisterhooks.hooks.KubeClusterView;
import io.kanisterhooks.hooks.PlanRequest;
import io.kanisterhooks.hooks.RunOutcome;
import io.kanisterhooks.hooks.claims.ClaimException;
import io.kanisterhooks.hooks.claims.NamespaceClaims;
import io.kanisterhooks.hooks.report.ConsoleReporter;
import io.kanisterhooks.hooks.report.ReportCollector;
import io.kanisterhooks.hooks.report.ReportFiles;
import io.kanisterhooks.hooks.report.RunReport;
import io.kanisterhooks.hooks.report.StageAttempt;
import io.kanisterhooks.hooks.state.FileRunStateStore;
import io.kanisterhooks.hooks.state.RunProcess;
import io.kanisterhooks.hooks.state.RunState;
import io.kanisterhooks.hooks.state.RunStateStore;
import io.kanisterhooks.hooks.state.RunStatus;
import io.kanisterhooks.hooks.state.SecretRunStateStore;
import io.kanisterhooks.hooks.state.SlotRecord;
import io.kanisterhooks.hooks.state.SlotStatus;
import io.kanisterhooks.hooks.state.StateException;
import io.kanisterhooks.kube.KubeException;
import io.kanisterhooks.yaml.Problems;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One invocation's part of a hook run, from finding or starting the run to its reports: the run logic every hook
 * command shares ({@code hooks pre|post}, {@code wrap}, {@code runs recover}); the CLI only parses and prints.
 *
 * <p>Opening a run plans it (every problem is bad input, found before anything runs), claims its namespaces, and
 * records the run — in a Secret in the home namespace, or in {@code --state FILE}. Whatever happens after a preHook
 * started — a failed or missing stage command, an abort, an unexpected error in this process — ends in onFailure and
 * always before the invocation ends; what this process cannot do any more (SIGKILL, a lost agent) the run's state
 * and claims let {@code runs recover} do later.
 */
public final class HookRun implements AutoCloseable {

    /** Which command this invocation is: it decides how an existing run may be used. */
    public enum Step {
        PRE("hooks pre"), POST("hooks post"), WRAP("wrap"), RECOVER("runs recover");

        private final String command;

        Step(String command) {
            this.command = command;
        }

        public String command() {
            return command;
        }
    }

    /**
     * Which run: {@code runId} names one (new or existing); {@code stateFile} keeps it in a local file instead of the
     * cluster. Both null: a new run (pre, wrap).
     */
    public record Where(String runId, Path stateFile) {
    }

    /**
     * What the run does beyond its plan.
     *
     * @param lockWait      how long to wait for namespaces another run holds (zero: fail at once)
     * @param recoverStale  recover a stale run that holds one of the namespaces before starting
     * @param hooksOnAbort  run onFailure and always after an abort
     * @param buildTag      Jenkins' {@code BUILD_TAG}, so that a build can find its runs (null outside Jenkins)
     */
    public record Settings(Duration lockWait, boolean recoverStale, boolean hooksOnAbort, String buildTag) {
        public static final Settings DEFAULT = new Settings(Duration.ZERO, true, true, null);
    }

    /** How a {@code wrap} ended: the hooks before and after, and the stage's last attempt (null: it did not run). */
    public record WrapOutcome(RunOutcome pre, StageCommand.Exit stage, boolean stageSucceeded, RunOutcome post) {
    }

    private final Engine engine;
    private final Step step;
    private final HookPlan plan;
    private final RunStateStore store;
    private final NamespaceClaims claims;
    private final Settings settings;
    private final Cancellation abort;
    private final PrintStream console;
    private final ConsoleReporter reporter;
    private final ReportCollector collector = new ReportCollector();
    private final HookRunner runner;
    private final Instant started = Instant.now();
    private boolean postDone;

    private HookRun(Engine engine, Step step, HookPlan plan, RunStateStore store, NamespaceClaims claims,
                    Settings settings, Cancellation abort, PrintStream console) {
        this.engine = engine;
        this.step = step;
        this.plan = plan;
        this.store = store;
        this.claims = claims;
        this.settings = settings;
        this.abort = abort;
        this.console = console;
        this.reporter = new ConsoleReporter(console, engine.secrets());
        // artifacts under a sensitive key from an earlier invocation are masked in this one's output too
        store.state().records().values().forEach(slots -> slots.values().forEach(r -> r.artifacts().values()
                .forEach(a -> a.keyValue().forEach(engine.secrets()::showOutput))));
        this.runner = new HookRunner(plan, engine.actions(), store, new Fanout(reporter, collector), abort,
                attempt -> 1000L * (attempt - 1), store.state().invocations());
    }

    /**
     * Finds or starts the run, plans it and claims its namespaces.
     *
     * @throws RunRefusedException bad input, or a run that cannot be used as asked: nothing was run or changed
     * @throws ClaimException      a namespace is claimed by another run
     */
    public static HookRun open(Engine engine, Step step, PlanRequest request, Where where, Settings settings,
                               Cancellation abort, PrintStream console)
            throws ClaimException, KubeException, IOException {
        HookPlanner.Checked checked = HookPlanner.check(engine.functions(), request);
        checked.problems().sorted().stream().filter(p -> !p.isError()).forEach(console::println);
        return open(engine, step, checked, where, settings, abort, console);
    }

    /**
     * Finds or starts the run, plans it and claims its namespaces. {@code checked} is the request as
     * {@link HookPlanner#check} checked it without the cluster (the caller printed its warnings): its problems refuse
     * the run before any request is sent.
     *
     * @throws RunRefusedException bad input, or a run that cannot be used as asked: nothing was run or changed
     * @throws ClaimException      a namespace is claimed by another run
     */
    public static HookRun open(Engine engine, Step step, HookPlanner.Checked checked, Where where, Settings settings,
                               Cancellation abort, PrintStream console)
            throws ClaimException, KubeException, IOException {
        PlanRequest request = checked.request();
        if (where.runId() != null) {
            RunIds.problem(where.runId()).ifPresent(p -> {
                throw new RunRefusedException("--run " + where.runId() + ": " + p);
            });
        }
        if (checked.problems().hasErrors()) {
            throw refused(checked.problems());
        }
        RunStores stores = new RunStores(engine.kube(), request.homeNamespace(), where.stateFile(),
                settings.buildTag());
        RunStateStore existing = continuable(step, where, stores.find(where.runId()));
        HookPlanner planner = new HookPlanner(engine.functions(), new KubeClusterView(engine.kube()));
        RunProcess me = RunProcess.current(step.command(), Instant.now().toString());
        HookPlanner.Planned planned;
        RunStateStore store;
        if (existing != null) {
            RunState s = existing.state();
            RunAgreement.check(request, s);
            planned = planner.resume(s.plan(), s.runId());
            store = existing;
        } else {
            if (step == Step.POST) {
                throw new RunRefusedException(where.runId() == null && where.stateFile() == null
                        ? "hooks post needs the run to finish: --run ID (printed by hooks pre) or --state FILE"
                        : "there is no run to finish: " + stores.describe(where.runId()) + " does not exist");
            }
            String runId = where.runId() != null ? where.runId() : RunIds.generate();
            planned = planner.plan(checked, runId);
            store = planned.ok() ? stores.create(RunState.start(runId, tool(), Instant.now().toString(),
                    planned.record(), me)) : null;
        }
        if (!planned.ok()) {
            throw refused(planned.problems());
        }
        HookPlan plan = planned.plan();
        planned.problems().sorted().forEach(console::println); // warnings
        if (existing == null) {
            // kept before the claims are taken: a kill between the two leaves a run to recover, never claims
            // without a run
            store.save();
        }
        NamespaceClaims claims = new NamespaceClaims(engine.kube(), stores.holder(plan.runId()),
                store.state().plan().claimTtlDuration(), plan.parallelism());
        if (existing != null) {
            claims.expectOwnClaims();
        }
        try {
            claims.acquire(plan.namespaces(), settings.lockWait(), new OtherRuns(engine, settings, console),
                    console::println);
            if (existing != null) {
                store.update(s -> s.continuedBy(me));
            }
        } catch (ClaimException | KubeException | RuntimeException e) {
            claims.close();
            if (existing == null) {
                store.delete(); // nothing ran: the run never was
            }
            throw e;
        }
        String kept = "state: " + store.location();
        console.println(existing == null ? "kanister-hooks: run " + plan.runId() + " (" + kept + ")"
                : "kanister-hooks: continuing run " + plan.runId() + " (invocation " + store.state().invocations()
                + "; " + kept + ")");
        claims.keepRenewed();
        return new HookRun(engine, step, plan, store, claims, settings, abort, console);
    }

    private static RunRefusedException refused(Problems problems) {
        int n = problems.errorCount();
        return new RunRefusedException(n + " problem" + (n == 1 ? "" : "s") + " found; nothing was run", problems);
    }

    /** The existing run this invocation continues; null for a new run. Refuses runs that must not be used. */
    private static RunStateStore continuable(Step step, Where where, RunStateStore found) {
        if (found == null) {
            return null;
        }
        RunState s = found.state();
        if (where.runId() != null && !s.runId().equals(where.runId())) {
            throw new RunRefusedException(found.location() + " holds run " + s.runId() + ", not " + where.runId()
                    + "; use another --state for another run");
        }
        if (s.status() != RunStatus.ACTIVE) {
            // an abandoned run's hooks run when someone asks to recover it by name; nothing else reopens a run
            boolean recoverable = step == Step.RECOVER && s.status() == RunStatus.ABANDONED;
            if (!recoverable && (where.runId() != null || step == Step.POST || step == Step.RECOVER)) {
                throw new RunRefusedException("run " + s.runId() + " is " + s.status().lower() + " (finished "
                        + s.finished() + "): its hooks do not run again; start a new run"
                        + (where.runId() != null ? " with another --run id" : ""));
            }
            if (step != Step.RECOVER) {
                return null; // a new run replaces the finished one in this state file
            }
        }
        if (step == Step.WRAP && where.runId() == null) {
            throw new RunRefusedException(found.location() + " holds the unfinished run " + s.runId() + " (started "
                    + s.created() + "): continue it with --run " + s.runId() + ", or recover it with "
                    + "`kanister-hooks runs recover " + s.runId() + " --state FILE`");
        }
        if (step != Step.RECOVER && s.process() != null && !s.process().isThisProcess() && !s.process().knownDead()) {
            throw new RunRefusedException("run " + s.runId() + " is being worked on by " + s.process().describe()
                    + " since " + s.process().since() + "; if that process is gone, recover the run with "
                    + "`kanister-hooks runs recover " + s.runId() + " --force`");
        }
        return found;
    }

    private static String tool() {
        String v = HookRun.class.getPackage().getImplementationVersion();
        return "kanister-hooks " + (v == null ? "dev" : v);
    }

    public String runId() {
        return plan.runId();
    }

    public HookPlan plan() {
        return plan;
    }

    public RunState state() {
        return store.state();
    }

    /** The preHook in every namespace where it has not succeeded yet. */
    public RunOutcome pre() {
        return guarded(store.state()::preHookStarted, () -> {
            RunOutcome r = runner.pre();
            store.update(s -> s.withPreDone(Instant.now().toString()));
            return r;
        });
    }

    /** onSuccess or onFailure, then always, in every namespace; after an abort, onFailure and always. */
    public RunOutcome post(boolean stageSucceeded) {
        collector.stageOutside(store.state().preDone(), started, stageSucceeded);
        return guarded(ns -> true, () -> postHooks(stageSucceeded, ns -> true));
    }

    /**
     * {@code hooks post --outcome aborted}: the stage was aborted after hooks pre (Jenkins' abort reached the body).
     * onFailure and always run, unless hooks on abort are off: then the run is abandoned.
     */
    public RunOutcome postAfterAbort() {
        collector.stageOutside(store.state().preDone(), started, false);
        return guarded(ns -> true, () -> {
            return settings.hooksOnAbort() ? postHooks(false, ns -> true) : abandoned();
        });
    }

    /** The whole of {@code wrap}: preHook, the stage (retried {@code retries} times), the post hooks. */
    public WrapOutcome wrap(StageCommand stage, int retries) {
        collector.stage(stage.command());
        return guarded(ns -> true, () -> {
            RunOutcome pre = runner.pre();
            store.update(s -> s.withPreDone(Instant.now().toString()));
            StageCommand.Exit exit = null;
            if (pre.succeeded() && !abort.isCancelled()) {
                for (int attempt = 0; attempt <= retries; attempt++) {
                    if (attempt > 0) {
                        console.println("wrap: command failed with exit code " + exit.code() + "; retry " + attempt
                                + " of " + retries);
                    }
                    exit = stage.run(abort);
                    collector.stageAttempt(new StageAttempt(exit.started(), exit.finished(), exit.code(),
                            exit.problem(), exit.lastLines(), abort.isCancelled() ? abort.reason() : null));
                    if (exit.problem() != null) {
                        console.println("wrap: " + exit.problem() + " (exit code " + exit.code() + ")");
                    }
                    if (exit.succeeded() || abort.isCancelled()) {
                        break;
                    }
                }
            }
            boolean stageOk = pre.succeeded() && exit != null && exit.succeeded() && !abort.isCancelled();
            return new WrapOutcome(pre, exit, stageOk, postHooks(stageOk, ns -> true));
        });
    }

    /**
     * {@code runs recover}: leftover hook pods deleted, then onFailure and always where the preHook started and no
     * onSuccess or onFailure completed (always alone where one did), then the claims given back.
     */
    RunOutcome recover() {
        RunState s = store.state();
        sweepPods(s.namespaces());
        interrupted(s);
        boolean noPreHook = plan.hooks().get(HookSlot.PRE_HOOK).isEmpty();
        Predicate<String> entered = ns -> noPreHook ? s.preDone() != null : s.preHookStarted(ns);
        return guarded(entered, () -> postHooks(false, entered));
    }

    /** Hooks a process was running when it ended: they did not finish, and are recorded so. */
    private void interrupted(RunState s) {
        String now = Instant.now().toString();
        for (String ns : s.namespaces()) {
            for (HookSlot slot : HookSlot.values()) {
                s.record(ns, slot.key()).filter(r -> r.status() == SlotStatus.RUNNING).ifPresent(r -> store.put(ns,
                        slot.key(), new SlotRecord(r.blueprint(), r.action(), SlotStatus.ABORTED, r.attempts(),
                                "interrupted: the process running it ended before it finished", r.started(), now,
                                Map.of(), r.invocation())));
            }
        }
    }

    private RunOutcome postHooks(boolean stageSucceeded, Predicate<String> which) {
        if (!abort.isCancelled()) {
            RunOutcome r = runner.post(stageSucceeded, abort, which);
            if (!r.aborted()) {
                return finished(r);
            }
        }
        if (!settings.hooksOnAbort()) {
            return abandoned();
        }
        sweepPods(plan.namespaces());
        return finished(runner.post(false, Cancellation.none(), which));
    }

    /**
     * The run ends without its post hooks (hooks on abort are off): no hook runs, its hook pods are deleted, its
     * claims are given back and it is marked abandoned, which recoveries of a build, stale-run recovery and new runs
     * leave alone; only an explicit {@code runs recover RUN} runs its onFailure and always after all.
     */
    private RunOutcome abandoned() {
        sweepPods(plan.namespaces());
        postDone = true;
        claims.releaseAll();
        store.update(s -> s.withStatus(RunStatus.ABANDONED, Instant.now().toString()).withProcess(null));
        console.println("kanister-hooks: run " + plan.runId() + " abandoned after the abort: onFailure and always did "
                + "not run (hooks on abort are off); `kanister-hooks runs recover " + plan.runId() + "` runs them");
        return new RunOutcome(false, true, plan.namespaces(), Map.of());
    }

    private RunOutcome finished(RunOutcome r) {
        postDone = true;
        // claims first: a kill between the two leaves an active run with nothing left to run (a recovery finishes it
        // at once), never a finished run that still holds its namespaces
        claims.releaseAll();
        RunStatus status = step == Step.RECOVER ? RunStatus.RECOVERED : RunStatus.COMPLETED;
        store.update(s -> s.withStatus(status, Instant.now().toString()).withProcess(null));
        return r;
    }

    /**
     * Runs {@code work}; if it fails unexpectedly before the post hooks ran, they run now in the namespaces
     * {@code which} accepts (onFailure and always, in a fresh context, the state written where it still can be),
     * then the failure goes on.
     */
    private <T> T guarded(Predicate<String> which, Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException | Error e) {
            if (!postDone && plan.namespaces().stream().anyMatch(which)) {
                console.println("kanister-hooks: " + summary(e) + "; running onFailure and always before exiting");
                store.tolerateWriteFailures(console::println);
                try {
                    finished(runner.post(false, Cancellation.none(), which));
                } catch (RuntimeException | Error suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    private static String summary(Throwable e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse("");
    }

    /** Deletes the run's hook pods that may still exist (after an abort, before a recovery). */
    private void sweepPods(List<String> namespaces) {
        Set<String> where = new LinkedHashSet<>(namespaces);
        where.add(plan.homeNamespace());
        where.addAll(engine.kube().watchedNamespaces());
        engine.kube().deletePods(where, HookRunner.LABEL_RUN + "=" + plan.runId());
    }

    /** Whether the run's post hooks ran in this invocation (the run is finished). */
    public boolean postDone() {
        return postDone;
    }

    /**
     * Writes the reports into {@code reportDir} (when not null) and prints the summary; returns the report.
     *
     * @param command the command as the reports show it ({@code wrap -- ./backup.sh})
     */
    public RunReport finish(boolean succeeded, Path reportDir, String command) throws IOException {
        RunReport report = collector.report(command, succeeded, started, store.state());
        reporter.summary(report);
        if (reportDir != null) {
            for (Path p : ReportFiles.write(reportDir, report, engine.secrets())) {
                console.println("report: " + p);
            }
        }
        return report;
    }

    /** The machine-readable outcome printed on stdout by {@code hooks pre|post} and {@code runs recover}. */
    public Map<String, Object> result(RunOutcome outcome) {
        Map<String, Object> root = new LinkedHashMap<>();
        RunState state = store.state();
        root.put("runId", state.runId());
        root.put("runStatus", state.status().lower());
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
        m.put("error", r.error() == null ? null : engine.secrets().mask(r.error()));
        m.put("artifacts", artifacts(r.artifacts()));
        return m;
    }

    /** Artifacts as the JSON result gives them to the caller (the Jenkins library returns them to the pipeline). */
    public static Map<String, Object> artifacts(Map<String, Artifact> artifacts) {
        Map<String, Object> out = new LinkedHashMap<>();
        artifacts.forEach((name, a) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("keyValue", new LinkedHashMap<>(a.keyValue()));
            if (!a.kopiaSnapshot().isEmpty()) {
                m.put("kopiaSnapshot", a.kopiaSnapshot());
            }
            out.put(name, m);
        });
        return out;
    }

    /**
     * Ends this invocation's part: a run that is still active is handed over to its next invocation (no process
     * holds it; its claims renewed now, so their time to live counts from here).
     */
    @Override
    public void close() {
        try {
            if (store.state().status() == RunStatus.ACTIVE) {
                store.tolerateWriteFailures(console::println);
                store.update(s -> s.withProcess(null));
                claims.renewAll();
            }
        } finally {
            claims.close();
        }
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
        public void slotDoneEarlier(String ns, HookSlot slot, SlotRecord record) {
            a.slotDoneEarlier(ns, slot, record);
            b.slotDoneEarlier(ns, slot, record);
        }

        @Override
        public void slotFinished(String ns, HookSlot slot, SlotRecord record) {
            a.slotFinished(ns, slot, record);
            b.slotFinished(ns, slot, record);
        }
    }
}
