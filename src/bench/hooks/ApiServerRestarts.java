package io.kanisterhooks.bench.hooks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Reliability run (a): {@code wrap} with a 10 s preHook in two namespaces, and kube-apiserver killed and restarted in
 * the middle of the hook. Every run must succeed with one pod per namespace, hook and attempt and a single attempt of
 * each hook (the watch ledger, by the run labels), each hook's command must have run once (the pods append to a file),
 * and no pod may be left.
 *
 * <pre>ApiServerRestarts --cluster-dir DIR [--root .] [--work DIR] [--runs 20] [--seed N] [--pods-in home|target]</pre>
 */
public final class ApiServerRestarts {

    private static final String HOME = "khr-home";
    private static final List<String> TARGETS = List.of("khr-app-1", "khr-app-2");

    public static void main(String[] args) throws Exception {
        int runs = Workbench.intOption(args, "--runs", 20);
        Random random = new Random(Long.parseLong(Workbench.option(args, "--seed", "1")));
        // each pod appends "POD NAMESPACE ACTION" to the run's ledger file when its command starts
        String record = "echo \"$HOSTNAME {{ .Namespace.Name }} %s\" >> {{ .Options.ledger }}; ";
        // hook pods in the home namespace, or (--pods-in target) in each target: the first target's pods are then
        // followed by a watch of its own, the second's by the CLI's watch over all namespaces
        boolean inTargets = Workbench.option(args, "--pods-in", "home").equals("target");
        Workbench w = new Workbench(args, HOME, "rel", Map.of(
                "slow", record.formatted("slow") + "echo start; sleep 10; echo end",
                "quick", record.formatted("quick") + "echo done"), inTargets ? "'{{ .Namespace.Name }}'" : null);
        for (String t : TARGETS) {
            w.cluster.namespace(t, Map.of(), inTargets);
        }
        Workbench.log("| run | restart after hook start | restart took | exit | hooks (status/attempts) | pods per "
                + "namespace·hook·attempt | hook commands run | preHook log lines | pods left | verdict |");
        Workbench.log("|---|---|---|---|---|---|---|---|---|---|");
        int passed = 0;
        try (PodLedger ledger = new PodLedger(w.cluster)) {
            for (int run = 1; run <= runs; run++) {
                passed += oneRun(w, ledger, run, random) ? 1 : 0;
            }
            Workbench.log("%nAPI-server restarts: %d of %d runs passed (watch reconnects seen by the ledger: %d)",
                    passed, runs, ledger.reconnects());
        }
        System.exit(passed == runs ? 0 : 1);
    }

    private static boolean oneRun(Workbench w, PodLedger ledger, int run, Random random) throws Exception {
        Path dir = Files.createDirectories(w.work.resolve("restart-" + run));
        Path podsRan = dir.resolve("ledger.txt");
        Files.deleteIfExists(podsRan);
        List<String> args = w.command(dir, "wrap");
        args.addAll(List.of("--pre-hook", "rel/slow", "--on-success", "rel/quick", "--option", "ledger=" + podsRan));
        TARGETS.forEach(t -> args.addAll(List.of("-n", t)));
        args.addAll(List.of("--", "true"));
        CliProcess cli = CliProcess.start(w.root, dir, null, args);
        awaitLines(podsRan, TARGETS.size(), cli);
        long delay = 1000 + random.nextInt(5000);
        Thread.sleep(delay);
        long restartMs = w.cluster.restartApiServer();
        int exit = cli.await(300);

        HookReport report = HookReport.read(dir.resolve("reports"));
        Map<String, Integer> perAttempt = ledger.podsPerAttempt(report.runId());
        Map<String, Integer> commands = new TreeMap<>();
        for (String line : Files.readAllLines(podsRan)) {
            String[] f = line.split(" ");
            commands.merge(f[1] + " " + f[2], 1, Integer::sum);
        }
        List<String> left = new ArrayList<>(w.cluster.hookPods().stream().map(p -> p.getMetadata().getName())
                .toList());
        String console = cli.stderr();
        boolean logsOnce = TARGETS.stream().allMatch(t -> count(console, "[" + t + "/preHook/slow] start\n") == 1
                && count(console, "[" + t + "/preHook/slow] end\n") == 1);
        boolean ok = exit == 0 && report.slots().stream().allMatch(s -> s.endsWith(" succeeded/1"))
                && perAttempt.size() == 2 * TARGETS.size() && perAttempt.values().stream().allMatch(n -> n == 1)
                && perAttempt.keySet().stream().allMatch(k -> k.endsWith(" 1"))
                && commands.size() == 2 * TARGETS.size() && commands.values().stream().allMatch(n -> n == 1)
                && left.isEmpty() && logsOnce;
        Workbench.log("| %d | %.1f s | %.1f s | %d | %s | %s | %s | %s | %d | %s |", run, delay / 1000.0,
                restartMs / 1000.0, exit, Workbench.summary(report.slots()), Workbench.summary(perAttempt),
                Workbench.summary(commands), logsOnce ? "once" : "REPEATED/LOST", left.size(),
                ok ? "ok" : "FAILED (see " + dir + ")");
        return ok;
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    /** Waits until the hook pods have started their commands (their lines are in the ledger file). */
    private static void awaitLines(Path file, int lines, CliProcess cli) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (!Files.exists(file) || Files.readAllLines(file).size() < lines) {
            if (!cli.isAlive() || System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the preHook pods did not start; kanister-hooks printed:\n"
                        + cli.stderr());
            }
            Thread.sleep(50);
        }
    }
}
