package io.kanisterhooks.bench.hooks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hooks benchmark: {@code hooks pre} with a KubeTask {@code true} preHook in N namespaces at parallelism P, against
 * the ideal {@code ceil(N/P) × one hook's time}, where one hook's time is the median of single-namespace runs made
 * right before, on the same cluster. Repeated (default 3 times: a shared machine is noisy), with the median ratio.
 * The CLI runs with the launcher's JVM options and {@code -Xmx}; its peak heap comes from its GC log, its peak RSS
 * and CPU from {@code /proc}. Its CPU per hook after start-up is the N-namespace run's minus the single-namespace
 * runs' median, over N - 1; its share is of the CPU it and the local cluster's processes used during the N-namespace
 * run.
 *
 * <pre>HooksBenchmark --cluster-dir DIR [--root .] [--work DIR] [--namespaces 200] [--parallelism 16] [--heap 256m]
 *                [--single-runs 5] [--repeat 3] [--pods-in home|target]</pre>
 */
public final class HooksBenchmark {

    private static final String HOME = "khb-home";
    private static final String LABEL = "kanister-hooks.io/bench";
    private static final Pattern GC_PAUSE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
    private static final Pattern EXIT_USED = Pattern.compile("gc,heap,exit.*used (\\d+)K");

    public static void main(String[] args) throws Exception {
        int namespaces = Workbench.intOption(args, "--namespaces", 200);
        int parallelism = Workbench.intOption(args, "--parallelism", 16);
        String heap = Workbench.option(args, "--heap", "256m");
        int singleRuns = Workbench.intOption(args, "--single-runs", 5);
        int repeat = Workbench.intOption(args, "--repeat", 3);
        boolean inTargets = Workbench.option(args, "--pods-in", "home").equals("target");
        // KubeTask pods run in the home namespace, or (--pods-in target) each in the namespace it runs for
        Workbench w = new Workbench(args, HOME, "bench", Map.of("pre", "true"),
                inTargets ? "'{{ .Namespace.Name }}'" : null);
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= namespaces; i++) {
            names.add(String.format("khb-%03d", i));
            w.cluster.namespace(names.get(i - 1), Map.of(LABEL, "true"), inTargets);
        }

        Workbench.log("| run | namespaces | parallelism | one hook (median of %d) | ideal = %d × one hook | hooks took "
                + "(first start → last end) | ratio | whole run (report) | CLI process (wall) | median hook in the "
                + "run | peak heap (-Xmx%s) | peak RSS | outcome | pods left | API requests per hook | of them run "
                + "state (secrets) + claims (leases) per run | hooks post without hooks: run state + claims | CLI CPU "
                + "(single-namespace run, median) | CLI CPU per hook after start-up | cluster CPU | CLI's share of the "
                + "CPU | load average (1 min) |", singleRuns,
                (namespaces + parallelism - 1) / parallelism, heap);
        Workbench.log("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        List<Double> ratios = new ArrayList<>();
        boolean ok = true;
        for (int rep = 1; rep <= repeat; rep++) {
            List<Duration> single = new ArrayList<>();
            List<Long> singleCpu = new ArrayList<>();
            for (int i = 1; i <= singleRuns; i++) {
                Run r = run(w, rep + "-single-" + i, heap, List.of("-n", names.get(0)));
                finish(w, rep + "-single-" + i, r);
                single.add(r.report.attemptDurations("preHook").get(0));
                singleCpu.add(r.cpuMillis);
            }
            Duration hook = median(single);
            long startCpu = singleCpu.stream().sorted().toList().get(singleRuns / 2);
            List<String> every = new ArrayList<>(List.of("--parallelism", String.valueOf(parallelism)));
            names.forEach(n -> every.addAll(List.of("-n", n)));
            Map<String, Double> before = ApiRequests.snapshot(w.cluster);
            long clusterCpuBefore = ProcessCpu.treeMillis(w.cluster.supervisorPid());
            Run all = run(w, rep + "-all", heap, every);
            long clusterCpu = ProcessCpu.treeMillis(w.cluster.supervisorPid()) - clusterCpuBefore;
            String load = ProcessCpu.loadAverage();
            Map<String, Double> afterPre = ApiRequests.snapshot(w.cluster);
            Map<String, Long> requests = ApiRequests.difference(before, afterPre);
            finish(w, rep + "-all", all);
            Map<String, Long> post = ApiRequests.difference(afterPre, ApiRequests.snapshot(w.cluster));
            long leaked = w.cluster.hookPods().size();
            Duration ideal = hook.multipliedBy((namespaces + parallelism - 1) / parallelism);
            Duration span = all.report.hookSpan();
            double ratio = span.toMillis() / (double) ideal.toMillis();
            ratios.add(ratio);
            ok &= all.exit == 0 && leaked == 0 && all.report.outcome().equals("success");
            Workbench.log("| %d | %d | %d | %s | %s | %s | %.2f× | %s | %s | %s | %s | %d MB | %s | %d | %.1f | %d + "
                    + "%d | %d + %d | %.2f s (%.2f s) | %.2f ms | %.2f s | %.0f%% | %s |", rep, namespaces, parallelism,
                    seconds(hook), seconds(ideal), seconds(span), ratio,
                    seconds(all.report.duration()), seconds(all.wall),
                    seconds(median(all.report.attemptDurations("preHook"))), all.heap, all.peakRssKb / 1024,
                    all.report.outcome(), leaked, ApiRequests.total(requests) / (double) namespaces,
                    ApiRequests.of(requests, "secrets"), ApiRequests.of(requests, "leases"),
                    ApiRequests.of(post, "secrets"), ApiRequests.of(post, "leases"), all.cpuMillis / 1000.0,
                    startCpu / 1000.0, (all.cpuMillis - startCpu) / (double) (namespaces - 1), clusterCpu / 1000.0,
                    100.0 * all.cpuMillis / (all.cpuMillis + clusterCpu), load);
            Workbench.log("<!-- run %d requests by verb and resource: %s; hooks post: %s -->", rep, requests, post);
        }
        Workbench.log("%nhook pods in %s; median ratio over %d runs: %.2f× (each run: %s)",
                inTargets ? "each target namespace" : "the home namespace", repeat,
                ratios.stream().sorted().toList().get(repeat / 2), ratios.stream()
                        .map(r -> String.format("%.2f", r)).toList());
        System.exit(ok ? 0 : 1);
    }

    private record Run(int exit, HookReport report, Duration wall, Heap heap, long peakRssKb, long cpuMillis) {
    }

    /** From the GC log: the most the heap held (before a collection, or at exit), and the most that survived one. */
    private record Heap(long peakMb, long liveMb, int collections) {
        @Override
        public String toString() {
            return peakMb + " MB (live ≤ " + liveMb + " MB, " + collections + " GCs)";
        }
    }

    private static Run run(Workbench w, String name, String heap, List<String> more) throws Exception {
        Path dir = Files.createDirectories(w.work.resolve(name));
        Path gcLog = dir.resolve("gc.log");
        // the launcher's default options (bin/kanister-hooks), which these replace, with the heap cap and a GC log
        String javaOpts = "-Xmx" + heap + " -XX:+UseSerialGC -Xshare:auto -XX:TieredStopAtLevel=1 "
                + "-XX:+IgnoreUnrecognizedVMOptions -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0 "
                + "-Xlog:gc,gc+heap+exit:file=" + gcLog;
        List<String> args = w.command(dir, "hooks", "pre");
        args.addAll(List.of("--pre-hook", "bench/pre"));
        args.addAll(more);
        CliProcess cli = CliProcess.start(w.root, dir, javaOpts, args);
        int exit = cli.await(1800);
        Duration wall = Duration.ofMillis(cli.elapsedMillis());
        if (exit != 0) {
            throw new IllegalStateException(name + " failed with exit code " + exit + ":\n" + cli.stderr());
        }
        return new Run(exit, HookReport.read(dir.resolve("reports")), wall, heap(gcLog), cli.peakRssKb(),
                cli.cpuMillis());
    }

    /** {@code hooks post} without hooks: ends the run and releases its claims, so that the next run may start. */
    private static void finish(Workbench w, String name, Run pre) throws Exception {
        Path dir = w.work.resolve(name).resolve("post");
        List<String> args = w.command(dir, "hooks", "post");
        args.addAll(List.of("--run", pre.report.runId(), "--outcome", "success"));
        CliProcess cli = CliProcess.start(w.root, dir, null, args);
        int exit = cli.await(1800);
        if (exit != 0) {
            throw new IllegalStateException(name + " hooks post failed with exit code " + exit + ":\n" + cli.stderr());
        }
    }

    private static Heap heap(Path gcLog) throws IOException {
        long peak = 0;
        long live = 0;
        int collections = 0;
        long exitUsedKb = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher pause = GC_PAUSE.matcher(line);
            if (pause.find()) {
                peak = Math.max(peak, Long.parseLong(pause.group(1)));
                live = Math.max(live, Long.parseLong(pause.group(2)));
                collections++;
            }
            Matcher exit = EXIT_USED.matcher(line);
            if (exit.find()) {
                exitUsedKb += Long.parseLong(exit.group(1));
            }
        }
        return new Heap(Math.max(peak, exitUsedKb / 1024), live, collections);
    }

    private static Duration median(List<Duration> values) {
        List<Duration> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String seconds(Duration d) {
        return String.format("%.2f s", d.toMillis() / 1000.0);
    }
}
