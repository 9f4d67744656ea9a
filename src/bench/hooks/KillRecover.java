package io.kanisterhooks.bench.hooks;

import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoordinationV1Api;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

/**
 * Reliability run (c): {@code wrap} (preHook, command, onSuccess or onFailure, always; two namespaces; state in the
 * cluster) is killed with SIGKILL at a uniformly random point of its run, then {@code runs recover} runs from a fresh
 * directory, as another process would after a lost agent. The invariant, checked on what the hooks really did (each
 * writes a line to a ledger) and on the run's state: every namespace whose preHook started ends with exactly one
 * completed onSuccess or onFailure and one always; no hook pod and no claim is left. One namespace is the demo's
 * ({@code shop}, a real MariaDB): there the preHook quiesces the database (FLUSH TABLES, read_only on) and
 * onSuccess/onFailure release it, so after every recovery the application's write must be accepted — the promise
 * measured on a real database.
 *
 * <p>A hook can run twice for real: a kill after its command ended but before its end was recorded leaves no record,
 * and the recovery runs it again (hooks must be idempotent, as in K10). Such re-runs are counted and shown apart.
 *
 * <pre>KillRecover --cluster-dir DIR [--root .] [--work DIR] [--runs 100] [--seed N]</pre>
 */
public final class KillRecover {

    private static final String HOME = "khk-home";
    private static final List<String> TARGETS = List.of(DemoDatabase.NAMESPACE, "khk-app-2");

    public static void main(String[] args) throws Exception {
        int runs = Workbench.intOption(args, "--runs", 100);
        long seed = Long.parseLong(Workbench.option(args, "--seed", "1"));
        Random random = new Random(seed);
        Path work = Files.createDirectories(Path.of(Workbench.option(args, "--work", "target/bench-hooks/work")));
        Ledger ledger = new Ledger(work.resolve("ledger.txt"));
        DemoDatabase db = DemoDatabase.deploy(new BenchCluster(Path.of(Workbench.option(args, "--cluster-dir", null)),
                Path.of(Workbench.option(args, "--root", "."))));
        String quiesce = "if [ \"{{ .Namespace.Name }}\" = " + DemoDatabase.NAMESPACE + " ]; then " + db.quiesce()
                + "; fi; ";
        String release = quiesce.replace(db.quiesce(), db.release());
        Map<String, String> actions = new LinkedHashMap<>();
        actions.put("pre", ledger.append("preHook-start") + "; " + quiesce + "sleep 2; " + ledger.append("preHook"));
        actions.put("success", "sleep 1; " + release + ledger.append("onSuccess"));
        actions.put("failure", "sleep 1; " + release + ledger.append("onFailure"));
        actions.put("last", ledger.append("always"));
        Workbench w = new Workbench(args, HOME, "kill", actions);
        for (String t : TARGETS) {
            w.cluster.namespace(t, Map.of(), false);
        }
        String prefix = "kr" + Long.toString(System.currentTimeMillis() / 1000 % 100000, 36) + "-";
        long full = calibrate(w, prefix + "calibration");
        Workbench.log("a run without a kill takes %.1f s; SIGKILL comes at a uniformly random point of it%n",
                full / 1000.0);
        Map<String, Integer> byWhen = new TreeMap<>();
        Map<Integer, Integer> recoverExits = new TreeMap<>();
        int started = 0;
        int kept = 0;
        int reruns = 0;
        int podsLeft = 0;
        int claimsLeft = 0;
        int unexpected = 0;
        int writable = 0;
        int readOnlyAfterKill = 0;
        for (int run = 1; run <= runs; run++) {
            String id = prefix + run;
            Path dir = Files.createDirectories(w.work.resolve("kill-" + run));
            CliProcess cli = CliProcess.start(w.root, dir, null, command(w, dir, id));
            long at = random.nextLong(full);
            Thread.sleep(at);
            boolean killed = cli.signal("KILL");
            cli.await(300);
            Optional<JsonObject> before = RunStates.read(w.cluster, HOME, id);
            String when = killed ? phase(before) : "finished first";
            readOnlyAfterKill += db.acceptsWrite(id + " after the kill") ? 0 : 1;
            Path elsewhere = Files.createDirectories(w.work.resolve("recover-" + run));
            CliProcess recover = CliProcess.start(w.root, elsewhere, null, List.of("runs", "recover", id,
                    "--kubeconfig", w.cluster.kubeconfig.toString(), "--blueprint-namespace", HOME));
            int exit = recover.await(300);
            Optional<JsonObject> after = RunStates.read(w.cluster, HOME, id);
            int pods = w.cluster.hookPods().size();
            int claims = claims(w.cluster);
            boolean accepted = db.acceptsWrite(id);
            writable += accepted ? 1 : 0;
            if (!accepted) {
                Workbench.log("run %s: the database refuses the application's writes after the recovery", id);
                db.forceRelease();
            }
            boolean ok = accepted && pods == 0 && claims == 0 && (exit == 0 || before.isEmpty() && exit == 2);
            for (String ns : TARGETS) {
                boolean preStarted = ledger.count(id, ns, "preHook-start") > 0 || after.isPresent()
                        && RunStates.slot(after.get(), ns, "preHook") != null
                        && !"skipped".equals(RunStates.slot(after.get(), ns, "preHook"));
                if (!preStarted) {
                    continue;
                }
                started++;
                long decided = ledger.count(id, ns, "onSuccess") + ledger.count(id, ns, "onFailure");
                long always = ledger.count(id, ns, "always");
                boolean recordedOnce = after.isPresent() && exactlyOneCompleted(after.get(), ns);
                if (decided >= 1 && always >= 1 && recordedOnce) {
                    kept++;
                    reruns += (int) (decided - 1 + always - 1);
                } else {
                    ok = false;
                    Workbench.log("run %s, %s: %d onSuccess/onFailure, %d always in the ledger; state %s", id, ns,
                            decided, always, after.map(s -> s.getAsJsonObject("records").toString()).orElse("none"));
                }
            }
            podsLeft += pods;
            claimsLeft += claims;
            unexpected += ok ? 0 : 1;
            byWhen.merge(when, 1, Integer::sum);
            recoverExits.merge(exit, 1, Integer::sum);
            if (!ok) {
                Workbench.log("run %d (%s): SIGKILL at %.2f s (%s): recover exit %d, %d pods and %d claims left — "
                        + "see %s and %s", run, id, at / 1000.0, when, exit, pods, claims, dir, elsewhere);
            }
        }
        Workbench.log("| runs | killed during | `runs recover` exit codes | namespaces whose preHook started | of them "
                + "with exactly one onSuccess/onFailure and one always | hook side effects run twice | pods left | "
                + "claims left | database read-only after the kill | database accepts writes after recovery | "
                + "unexpected outcomes |");
        Workbench.log("|---|---|---|---|---|---|---|---|---|---|---|");
        Workbench.log("| %d | %s | %s | %d | %d | %d | %d | %d | %d | %d of %d | %d |", runs, byWhen, recoverExits,
                started, kept, reruns, podsLeft, claimsLeft, readOnlyAfterKill, writable, runs, unexpected);
        System.exit(unexpected == 0 && podsLeft == 0 && claimsLeft == 0 && kept == started && writable == runs ? 0
                : 1);
    }

    /**
     * Per namespace, the state records exactly one completed decision: onSuccess succeeded, or onFailure finished
     * (succeeded or failed: it never retries), and always finished.
     */
    private static boolean exactlyOneCompleted(JsonObject state, String ns) {
        String success = RunStates.slot(state, ns, "onSuccess");
        String failure = RunStates.slot(state, ns, "onFailure");
        String always = RunStates.slot(state, ns, "always");
        boolean successDone = "succeeded".equals(success);
        boolean failureDone = failure != null && !failure.equals("running") && !failure.equals("skipped");
        return successDone ^ failureDone && always != null && !always.equals("running");
    }

    private static List<String> command(Workbench w, Path dir, String id) {
        List<String> args = w.command(dir, "wrap");
        args.addAll(List.of("--run", id, "--option", "tag=" + id, "--pre-hook", "kill/pre", "--on-success",
                "kill/success", "--on-failure", "kill/failure", "--always", "kill/last"));
        TARGETS.forEach(t -> args.addAll(List.of("-n", t)));
        args.addAll(List.of("--", "sleep", "2"));
        return args;
    }

    /** Where the run was when it was killed, from its state. */
    private static String phase(Optional<JsonObject> state) {
        if (state.isEmpty()) {
            return "start-up";
        }
        JsonObject s = state.get();
        if (!"active".equals(RunStates.status(s))) {
            return "after the end";
        }
        for (String slot : List.of("always", "onFailure", "onSuccess")) {
            for (String ns : TARGETS) {
                if (RunStates.slot(s, ns, slot) != null) {
                    return "post hooks";
                }
            }
        }
        return s.has("preDone") && !s.get("preDone").isJsonNull() ? "command" : "preHook";
    }

    /** Claims left in the target namespaces. */
    private static int claims(BenchCluster cluster) throws ApiException {
        CoordinationV1Api leases = new CoordinationV1Api(cluster.client);
        int n = 0;
        for (String ns : TARGETS) {
            n += leases.listNamespacedLease(ns).execute().getItems().size();
        }
        return n;
    }

    private static long calibrate(Workbench w, String id) throws Exception {
        Path dir = Files.createDirectories(w.work.resolve("calibration"));
        CliProcess cli = CliProcess.start(w.root, dir, null, command(w, dir, id));
        if (cli.await(300) != 0) {
            throw new IllegalStateException("the calibration run failed:\n" + cli.stderr());
        }
        return cli.elapsedMillis();
    }
}
