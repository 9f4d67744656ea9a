package io.kanisterhooks.hooks.run;

import io.kanisterhooks.action.Engine;
import io.kanisterhooks.hooks.claims.Claim;
import io.kanisterhooks.hooks.claims.ClaimException;
import io.kanisterhooks.hooks.claims.NamespaceClaims;
import io.kanisterhooks.hooks.state.RunStatus;
import io.kanisterhooks.hooks.state.SecretRunStateStore;
import io.kanisterhooks.hooks.state.StateException;
import io.kanisterhooks.kube.KubeException;
import java.io.PrintStream;

/** How a run deals with other runs' claims on its namespaces: stale runs are recovered, leftover claims given back. */
final class OtherRuns implements NamespaceClaims.OtherClaims {

    private final Engine engine;
    private final HookRun.Settings settings;
    private final PrintStream console;

    OtherRuns(Engine engine, HookRun.Settings settings, PrintStream console) {
        this.engine = engine;
        this.settings = settings;
        this.console = console;
    }

    @Override
    public void stale(Claim stale) throws ClaimException {
        if (!settings.recoverStale()) {
            throw new ClaimException("namespace " + stale.namespace() + " is claimed by the stale "
                    + stale.describeHolder() + " (not renewed since " + stale.renewed() + "); recover it with "
                    + "`kanister-hooks runs recover " + stale.runId() + "`, or drop --no-recover");
        }
        console.println("kanister-hooks: namespace " + stale.namespace() + " is claimed by the stale "
                + stale.describeHolder() + " (not renewed since " + stale.renewed() + "); recovering it first");
        new RunRecovery(engine, console).recoverStale(stale);
    }

    /** A claim of a run that finished (its process was killed between its end and giving its claims back). */
    @Override
    public boolean leftover(Claim claim) throws ClaimException {
        if (claim.homeNamespace() == null) {
            return false; // its state is in a file: only a recovery with that file can tell
        }
        try {
            var store = SecretRunStateStore.open(engine.kube(), claim.homeNamespace(), claim.runId());
            if (store.isPresent() && store.get().state().status() == RunStatus.ACTIVE) {
                return false;
            }
            NamespaceClaims.forget(engine.kube(), claim);
            console.println("kanister-hooks: namespace " + claim.namespace() + " was still claimed by run "
                    + claim.runId() + ", which " + (store.isPresent() ? "is " + store.get().state().status().lower()
                    : "has no run state") + "; released the leftover claim");
            return true;
        } catch (KubeException | StateException e) {
            return false; // cannot tell: the claim stands
        }
    }
}
