package io.kanisterhooks.bench.hooks;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Reliability run (b): {@code wrap} (preHook, command, onSuccess or onFailure, always; two namespaces) is sent SIGTERM
 * at a random point between its start and its usual end. No hook pod may exist once it has exited; the exit code must
 * be 143 (128 + SIGTERM), or 0 when the run had finished before the signal (or finished its work and was exiting when
 * the signal came: then the result is complete and successful).
 *
 * <pre>Aborts --cluster-dir DIR [--root .] [--work DIR] [--runs 100] [--seed N]</pre>
 */
public final class Aborts {

    private static final String HOME = "kha-home";
    private static final List<String> TARGETS = List.of("kha-app-1", "kha-app-2");

    public static void main(String[] args) throws Exception {
        int runs = Workbench.intOption(args, "--runs", 100);
        Random random = new Random(Long.parseLong(Workbench.option(args, "--seed", "1")));
        Workbench w = new Workbench(args, HOME, "abort", Map.of(
                "pre", "echo pre; sleep 2",
                "post", "echo post; sleep 1",
                "last", "echo always"));
        for (String t : TARGETS) {
            w.cluster.namespace(t, Map.of(), false);
        }
        long full = calibrate(w);
        Workbench.log("a run without abort takes %.1f s; the signal comes at a uniformly random point of it%n",
                full / 1000.0);
        Map<String, Integer> byWhen = new TreeMap<>();
        Map<Integer, Integer> byExit = new TreeMap<>();
        int leaked = 0;
        int unexpected = 0;
        for (int run = 1; run <= runs; run++) {
            Path dir = Files.createDirectories(w.work.resolve("abort-" + run));
            CliProcess cli = CliProcess.start(w.root, dir, null, command(w, dir));
            long at = random.nextLong(full);
            Thread.sleep(at);
            boolean sent = cli.signal("TERM");
            int exit = cli.await(300);
            int left = w.cluster.hookPods().size();
            String when = !sent ? "finished first" : exit == 0 && finished(dir) ? "exit" : phaseAtAbort(dir);
            boolean ok = left == 0 && (sent && !when.equals("exit") ? exit == 143 : exit == 0);
            leaked += left;
            unexpected += ok ? 0 : 1;
            byWhen.merge(when, 1, Integer::sum);
            byExit.merge(exit, 1, Integer::sum);
            if (!ok) {
                Workbench.log("run %d: signal at %.2f s (%s): exit %d, %d pods left — see %s", run, at / 1000.0, when,
                        exit, left, dir);
            }
        }
        Workbench.log("| runs | aborted during | exit codes | hook pods left after exit | unexpected outcomes |");
        Workbench.log("|---|---|---|---|---|");
        Workbench.log("| %d | %s | %s | %d | %d |", runs, byWhen, byExit, leaked, unexpected);
        System.exit(leaked == 0 && unexpected == 0 ? 0 : 1);
    }

    private static List<String> command(Workbench w, Path dir) {
        List<String> args = w.command(dir, "wrap");
        args.addAll(List.of("--pre-hook", "abort/pre", "--on-success", "abort/post", "--on-failure", "abort/post",
                "--always", "abort/last"));
        TARGETS.forEach(t -> args.addAll(List.of("-n", t)));
        args.addAll(List.of("--", "sleep", "2"));
        return args;
    }

    /** One run without a signal: how long a whole run takes, JVM start included. */
    private static long calibrate(Workbench w) throws Exception {
        Path dir = Files.createDirectories(w.work.resolve("calibration"));
        CliProcess cli = CliProcess.start(w.root, dir, null, command(w, dir));
        if (cli.await(300) != 0) {
            throw new IllegalStateException("the calibration run failed:\n" + cli.stderr());
        }
        return cli.elapsedMillis();
    }

    /** The run had completed (the signal came while the JVM was exiting, after the result had been written). */
    private static boolean finished(Path dir) throws Exception {
        try {
            return HookReport.read(dir.resolve("reports")).outcome().equals("success");
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /** Where the run was when the signal came, from its report: the slot that was aborted, or the command. */
    private static String phaseAtAbort(Path dir) throws Exception {
        HookReport report;
        try {
            report = HookReport.read(dir.resolve("reports"));
        } catch (NoSuchFileException e) {
            return "start-up";
        }
        List<String> slots = report.slots();
        for (String slot : List.of("preHook", "onSuccess", "always")) {
            if (slots.stream().anyMatch(s -> s.contains(" " + slot + " aborted"))) {
                return slot;
            }
        }
        return slots.stream().anyMatch(s -> s.contains(" preHook succeeded")) ? "command" : "start-up";
    }
}
