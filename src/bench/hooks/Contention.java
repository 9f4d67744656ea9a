package io.kanisterhooks.bench.hooks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Reliability run (d): pairs of {@code wrap} runs started on the same namespace within a second of each other. The
 * hooks and the command write their events to a ledger; the two runs interleave when the ledger does not show one
 * run's events (quiesce … unquiesce, always) wholly before the other's. In odd pairs the second run fails fast when
 * the namespace is claimed (it must then have run no hook); in even pairs both wait ({@code --lock-wait}) and both
 * must run, one after the other.
 *
 * <pre>Contention --cluster-dir DIR [--root .] [--work DIR] [--runs 20] [--seed N]</pre>
 */
public final class Contention {

    private static final String HOME = "khc-home";
    private static final String TARGET = "khc-app";

    public static void main(String[] args) throws Exception {
        int pairs = Workbench.intOption(args, "--runs", 20);
        Random random = new Random(Long.parseLong(Workbench.option(args, "--seed", "1")));
        Path work = Files.createDirectories(Path.of(Workbench.option(args, "--work", "target/bench-hooks/work")));
        Ledger ledger = new Ledger(work.resolve("ledger.txt"));
        Map<String, String> actions = new LinkedHashMap<>();
        actions.put("quiesce", ledger.append("quiesce-start") + "; sleep 1; " + ledger.append("quiesce-end"));
        actions.put("unquiesce", ledger.append("unquiesce"));
        actions.put("last", ledger.append("always"));
        Workbench w = new Workbench(args, HOME, "contention", actions);
        w.cluster.namespace(TARGET, Map.of(), false);
        String prefix = "kc" + Long.toString(System.currentTimeMillis() / 1000 % 100000, 36) + "-";
        int interleavings = 0;
        int unexpected = 0;
        int bothRan = 0;
        int oneRefused = 0;
        int bClaimedFirst = 0;
        List<Long> waits = new ArrayList<>();
        for (int pair = 1; pair <= pairs; pair++) {
            boolean wait = pair % 2 == 0;
            String a = prefix + pair + "a";
            String b = prefix + pair + "b";
            CliProcess first = start(w, ledger, a, true);
            Thread.sleep(random.nextLong(1000));
            CliProcess second = start(w, ledger, b, wait);
            int exitA = first.await(600);
            int exitB = second.await(600);
            List<String> order = new ArrayList<>();
            for (String tag : ledger.tags()) {
                if ((tag.equals(a) || tag.equals(b)) && (order.isEmpty() || !order.get(order.size() - 1).equals(tag))) {
                    order.add(tag);
                }
            }
            boolean interleaved = order.size() > 2;
            interleavings += interleaved ? 1 : 0;
            boolean ok = !interleaved;
            if (wait) {
                ok &= exitA == 0 && exitB == 0 && order.size() == 2;
                bothRan += exitA == 0 && exitB == 0 ? 1 : 0;
                if (order.size() == 2) {
                    waits.add(Math.max(first.elapsedMillis(), second.elapsedMillis()));
                }
            } else {
                // a (with --lock-wait) usually claims first: b, without it, is refused and runs nothing. On a loaded
                // machine b's JVM may claim first: then a waits for it and runs after it — one after the other
                boolean refused = exitA == 0 && exitB == 1 && order.size() == 1;
                boolean bFirst = exitA == 0 && exitB == 0 && order.equals(List.of(b, a));
                ok &= refused || bFirst;
                oneRefused += refused ? 1 : 0;
                bClaimedFirst += bFirst ? 1 : 0;
            }
            unexpected += ok ? 0 : 1;
            if (!ok) {
                Workbench.log("pair %d: exit codes %d and %d, ledger order %s — see %s", pair, exitA, exitB, order,
                        w.work);
            }
        }
        Workbench.log("| pairs | second without --lock-wait: refused, ran nothing | ... or it claimed first and the "
                + "other waited | both with --lock-wait: one after the other | interleavings | unexpected outcomes |");
        Workbench.log("|---|---|---|---|---|---|");
        Workbench.log("| %d | %d of %d | %d of %d | %d of %d | %d | %d |", pairs, oneRefused, (pairs + 1) / 2,
                bClaimedFirst, (pairs + 1) / 2, bothRan, pairs / 2, interleavings, unexpected);
        System.exit(interleavings == 0 && unexpected == 0 ? 0 : 1);
    }

    private static CliProcess start(Workbench w, Ledger ledger, String id, boolean lockWait) throws Exception {
        Path dir = Files.createDirectories(w.work.resolve(id));
        List<String> args = w.command(dir, "wrap");
        args.addAll(List.of("--run", id, "--option", "tag=" + id, "--pre-hook", "contention/quiesce",
                "--on-success", "contention/unquiesce", "--on-failure", "contention/unquiesce", "--always",
                "contention/last", "-n", TARGET));
        if (lockWait) {
            args.addAll(List.of("--lock-wait", "5m"));
        }
        args.addAll(List.of("--", "sh", "-c", "echo \"" + id + " " + TARGET + " stage\" >> " + ledger.file
                + "; sleep 1"));
        return CliProcess.start(w.root, dir, null, args);
    }
}
