package io.kanisterhooks.hooks.run;

import io.kanisterhooks.action.Engine;
import io.kanisterhooks.cancel.Cancellation;
import io.kanisterhooks.hooks.HookSlot;
import io.kanisterhooks.hooks.PlanRequest;
import io.kanisterhooks.hooks.RunOutcome;
import io.kanisterhooks.hooks.claims.Claim;
import io.kanisterhooks.hooks.claims.ClaimException;
import io.kanisterhooks.hooks.claims.NamespaceClaims;
import io.kanisterhooks.hooks.state.FileRunStateStore;
import io.kanisterhooks.hooks.state.RunProcess;
import io.kanisterhooks.hooks.state.RunState;
import io.kanisterhooks.hooks.state.RunStatus;
import io.kanisterhooks.hooks.state.SecretRunStateStore;
import io.kanisterhooks.hooks.state.SlotRecord;
import io.kanisterhooks.hooks.state.SlotStatus;
import io.kanisterhooks.hooks.state.StateException;
import io.kanisterhooks.kube.KubeException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finishes runs that their own processes could not finish (SIGKILL, a lost Jenkins agent, Jenkins' {@code timeout}
 * terminating a step): their leftover hook pods are deleted, onFailure and always run — with the preHook's artifacts —
 * in every namespace whose preHook started and that has no completed onSuccess or onFailure (always alone where one
 * completed), and their claims are given back. Also lists the runs kept in a namespace.
 */
public final class RunRecovery {

    /** A run as {@code runs list} shows it. */
    public record Summary(RunState state, List<Claim> claims, boolean stale) {
    }

    /**
     * What one recovery did: nothing (the run was finished: {@code outcome} null), or the outcome of its post hooks.
     *
     * @param hooksSucceeded every onFailure and always the recovery ran succeeded (a recovered run's stage counts as
     *                       failed by construction; only its hooks can fail the recovery)
     */
    public record Recovered(String runId, RunOutcome outcome, boolean hooksSucceeded, String note) {
    }

    private final Engine engine;
    private final PrintStream console;

    public RunRecovery(Engine engine, PrintStream console) {
        this.engine = engine;
        this.console = console;
    }

    /** The runs kept in {@code homeNamespace}, newest first, with their claims and whether they are stale. */
    public List<Summary> list(String homeNamespace, String labelSelector) throws KubeException {
        List<Summary> runs = new ArrayList<>();
        for (RunState s : SecretRunStateStore.list(engine.kube(), homeNamespace, labelSelector)) {
            runs.add(summary(s));
        }
        runs.sort((a, b) -> b.state().created().compareTo(a.state().created()));
        return runs;
    }

    private Summary summary(RunState s) throws KubeException {
        List<Claim> claims = new ArrayList<>();
        if (s.status() == RunStatus.ACTIVE) {
            for (String ns : s.namespaces()) {
                NamespaceClaims.read(engine.kube(), ns).filter(c -> c.runId().equals(s.runId())).ifPresent(claims::add);
            }
        }
        return new Summary(s, claims, stale(s, claims));
    }

    /**
     * An active run nobody works on any more: every claim it holds has expired, and no process of it is known to be
     * alive. (A run whose claims are all gone was cut short before or after claiming; it is stale too.)
     */
    private static boolean stale(RunState s, List<Claim> claims) {
        if (s.status() != RunStatus.ACTIVE) {
            return false;
        }
        Instant now = Instant.now();
        boolean processAlive = s.process() != null && !s.process().knownDead() && claims.stream()
                .anyMatch(c -> !c.expired(now));
        return !processAlive && claims.stream().allMatch(c -> c.expired(now));
    }

    /**
     * Recovers run {@code runId} kept in {@code homeNamespace} (or in {@code stateFile}).
     *
     * @param force recover even though its claims have not expired (the caller knows its process is gone)
     * @throws RunRefusedException when there is no such run, or it may still be worked on and {@code force} is off
     */
    public Recovered recover(String runId, String homeNamespace, Path stateFile, boolean force, Path reportDir)
            throws ClaimException, KubeException, IOException {
        RunState s = load(runId, homeNamespace, stateFile);
        if (s.status() == RunStatus.COMPLETED || s.status() == RunStatus.RECOVERED) {
            int released = releaseLeftoverClaims(s);
            String note = "run " + s.runId() + " is " + s.status().lower() + " (finished " + s.finished()
                    + "): nothing to recover" + (released == 0 ? "" : "; released " + released + " leftover claim"
                    + (released == 1 ? "" : "s"));
            console.println("kanister-hooks: " + note);
            return new Recovered(s.runId(), null, true, note);
        }
        if (!force) {
            checkNobodyWorksOn(s);
        }
        PlanRequest request = PlanRequest.builder().homeNamespace(s.plan().homeNamespace())
                .blueprintNamespace(s.plan().blueprintNamespace()).build();
        try (HookRun run = HookRun.open(engine, HookRun.Step.RECOVER, request,
                new HookRun.Where(s.runId(), stateFile), HookRun.Settings.DEFAULT, Cancellation.none(), console)) {
            console.println("kanister-hooks: recovering run " + s.runId() + ": deleting its leftover hook pods, then "
                    + "onFailure and always where its preHook started");
            RunOutcome outcome = run.recover();
            boolean hooksOk = postHooksSucceeded(run.state());
            run.finish(hooksOk, reportDir, "runs recover " + s.runId());
            String note = "run " + s.runId() + " recovered" + (hooksOk ? "" : "; a hook failed (see above)");
            console.println("kanister-hooks: " + note);
            return new Recovered(s.runId(), outcome, hooksOk, note);
        }
    }

    /** Recovers every stale run kept in {@code homeNamespace} ({@code runs recover --stale}). */
    public List<Recovered> recoverAllStale(String homeNamespace, Path reportDir)
            throws ClaimException, KubeException, IOException {
        List<Recovered> done = new ArrayList<>();
        for (Summary run : list(homeNamespace, null)) {
            if (run.stale()) {
                done.add(recover(run.state().runId(), homeNamespace, null, true, reportDir));
            }
        }
        return done;
    }

    /** Recovers the unfinished runs of a Jenkins build ({@code runs recover --build-tag}, the kanisterRecover step). */
    public List<Recovered> recoverBuild(String homeNamespace, String buildTag, Path reportDir)
            throws ClaimException, KubeException, IOException {
        List<Recovered> done = new ArrayList<>();
        String selector = SecretRunStateStore.LABEL_BUILD + "=" + RunIds.buildLabel(buildTag) + ","
                + SecretRunStateStore.LABEL_STATUS + " in (" + RunStatus.ACTIVE.lower() + ","
                + RunStatus.ABANDONED.lower() + ")";
        for (Summary run : list(homeNamespace, selector)) {
            if (run.state().status() == RunStatus.ABANDONED) {
                // its caller chose no hooks after the abort: a build's recovery respects that
                console.println("kanister-hooks: run " + run.state().runId() + " was abandoned after an abort (hooks "
                        + "on abort were off): not recovered; `kanister-hooks runs recover " + run.state().runId()
                        + "` would run its onFailure and always");
                continue;
            }
            done.add(recover(run.state().runId(), homeNamespace, null, true, reportDir));
        }
        return done;
    }

    /**
     * A new run found {@code stale} holding one of its namespaces: recover the stale run where its state is. A claim
     * whose run state is gone is only given back.
     */
    void recoverStale(Claim stale) throws ClaimException {
        try {
            Path file = null;
            if (stale.stateFile() != null) {
                int colon = stale.stateFile().indexOf(':');
                String host = stale.stateFile().substring(0, Math.max(0, colon));
                file = Path.of(stale.stateFile().substring(colon + 1));
                if (!host.equals(RunProcess.current("", "").host()) || !Files.exists(file)) {
                    throw new ClaimException("namespace " + stale.namespace() + " is claimed by the stale "
                            + stale.describeHolder() + ", whose state is in the file " + file + " on host " + host
                            + "; recover it there with `kanister-hooks runs recover " + stale.runId() + " --state "
                            + file + "`");
                }
            } else if (stale.homeNamespace() == null || SecretRunStateStore.open(engine.kube(),
                    stale.homeNamespace(), stale.runId()).isEmpty()) {
                NamespaceClaims.forget(engine.kube(), stale);
                console.println("kanister-hooks: the stale claim of run " + stale.runId() + " on namespace "
                        + stale.namespace() + " has no run state left; released it");
                return;
            }
            Recovered r = recover(stale.runId(), stale.homeNamespace(), file, true, null);
            if (r.outcome() == null) {
                NamespaceClaims.forget(engine.kube(), stale); // the run had finished; its claim was left over
            }
        } catch (KubeException | IOException | StateException e) {
            throw new ClaimException("cannot recover the stale " + stale.describeHolder() + " that holds namespace "
                    + stale.namespace() + ": " + e.getMessage());
        }
    }

    /** Claims a finished run still holds (its process was killed between its end and giving them back). */
    private int releaseLeftoverClaims(RunState s) throws KubeException {
        int released = 0;
        for (String ns : s.namespaces()) {
            Optional<Claim> c = NamespaceClaims.read(engine.kube(), ns).filter(x -> x.runId().equals(s.runId()));
            if (c.isPresent()) {
                NamespaceClaims.forget(engine.kube(), c.get());
                released++;
            }
        }
        return released;
    }

    private static boolean postHooksSucceeded(RunState s) {
        for (String ns : s.namespaces()) {
            for (HookSlot slot : List.of(HookSlot.ON_FAILURE, HookSlot.ALWAYS)) {
                Optional<SlotRecord> r = s.record(ns, slot.key());
                if (r.isPresent() && (r.get().status() == SlotStatus.FAILED || r.get().status() == SlotStatus.ABORTED)) {
                    return false;
                }
            }
        }
        return true;
    }

    private RunState load(String runId, String homeNamespace, Path stateFile) throws KubeException {
        try {
            Optional<RunState> s = stateFile != null ? FileRunStateStore.read(stateFile)
                    : SecretRunStateStore.open(engine.kube(), homeNamespace, runId).map(st -> st.state());
            if (s.isEmpty()) {
                throw new RunRefusedException("no run " + runId + (stateFile != null ? " in " + stateFile
                        : " in namespace " + homeNamespace + " (Secret " + SecretRunStateStore.secretName(runId)
                        + "); runs are kept in the home namespace: see --home-namespace"));
            }
            if (runId != null && !s.get().runId().equals(runId)) {
                throw new RunRefusedException(stateFile + " holds run " + s.get().runId() + ", not " + runId);
            }
            return s.get();
        } catch (StateException e) {
            throw new RunRefusedException(e.getMessage());
        }
    }

    /** Without --force: refuse a run whose process may be alive (claims still valid, or a live local process). */
    private void checkNobodyWorksOn(RunState s) throws KubeException {
        if (s.process() != null && s.process().isAlive()) {
            throw new RunRefusedException("run " + s.runId() + " is being worked on by " + s.process().describe()
                    + " (alive); stop that process first");
        }
        Instant now = Instant.now();
        for (String ns : s.namespaces()) {
            Optional<Claim> c = NamespaceClaims.read(engine.kube(), ns).filter(x -> x.runId().equals(s.runId()));
            if (c.isPresent() && !c.get().expired(now) && (s.process() == null || !s.process().knownDead())) {
                throw new RunRefusedException("run " + s.runId() + " still holds a valid claim on namespace " + ns
                        + " (until " + c.get().expires() + "): its process may still be working on it"
                        + (s.process() == null ? ", or its next step (hooks post) may still come" : " ("
                        + s.process().describe() + ")") + "; recover it anyway with --force when you know it is gone");
            }
        }
    }
}
