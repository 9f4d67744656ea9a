import io.kanisterhooks.conformance.CorpusCase;
import io.kanisterhooks.conformance.CorpusRunner;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Renders the template conformance corpus N times after a warm-up, through the engine's own code path
 * (CorpusRunner: ArgRenderer, WaitCondition, WaitV2Condition, JsonPath), and prints cases per second.
 *
 * <pre>
 * java -cp engine/target/kanister-hooks-engine-0.1.0-cli.jar src/bench/TemplateBench.java CORPUS.json \
 *      [--iterations N] [--warmup N] [--exclude id,id] [--slowest N]
 * </pre>
 *
 * Two rows: "parse each pass" (a fresh runner per pass, so every case is parsed and executed, as Kanister and the Go
 * anchor do) and "parse cache" (one runner, as the engine runs: only execution after the first pass). Each is given
 * for the whole corpus and for the subset the Go anchor can run (render and waitv2 modes).
 */
public final class TemplateBench {

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        int iterations = intOption(args, "--iterations", 50);
        int warmup = intOption(args, "--warmup", 10);
        Set<String> excluded = Set.of(stringOption(args, "--exclude", "").split(","));

        List<CorpusCase> all = new ArrayList<>();
        for (CorpusCase c : CorpusCase.readCorpus(Files.readString(corpus, StandardCharsets.UTF_8))) {
            if (!excluded.contains(c.id())) {
                all.add(c);
            }
        }
        List<CorpusCase> goSubset = all.stream()
                .filter(c -> !c.mode().equals("wait"))
                .filter(c -> !c.mode().equals("jsonpath"))
                .toList();

        System.out.printf("java %s, %d cases (%d excluded), %d in the Go-comparable subset%n",
                Runtime.version(), all.size(), excluded.size() - (excluded.contains("") ? 1 : 0), goSubset.size());
        report("all cases, parse each pass", all, iterations, warmup, false);
        report("go subset, parse each pass", goSubset, iterations, warmup, false);
        report("all cases, parse cache", all, iterations, warmup, true);
        report("go subset, parse cache", goSubset, iterations, warmup, true);
        listSlowest(all, intOption(args, "--slowest", 0));
    }

    /** The cases that take longest per render (parse included), to spot outliers such as key generation. */
    private static void listSlowest(List<CorpusCase> cases, int n) {
        record Timing(String id, long nanos) {
        }
        List<Timing> timings = new ArrayList<>();
        for (CorpusCase c : cases) {
            long start = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                new CorpusRunner().run(c);
            }
            timings.add(new Timing(c.id(), (System.nanoTime() - start) / 20));
        }
        timings.sort((a, b) -> Long.compare(b.nanos(), a.nanos()));
        timings.stream().limit(n).forEach(t -> System.out.printf("  %-32s %10.3f ms%n", t.id(), t.nanos() / 1e6));
    }

    private static void report(String label, List<CorpusCase> cases, int iterations, int warmup, boolean cache) {
        CorpusRunner shared = new CorpusRunner();
        for (int i = 0; i < warmup; i++) {
            (cache ? shared : new CorpusRunner()).runAll(cases);
        }
        long start = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            (cache ? shared : new CorpusRunner()).runAll(cases);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("  %-28s %d x %d in %.3f s = %.0f cases/s%n", label, cases.size(), iterations, seconds,
                cases.size() * (double) iterations / seconds);
    }

    private static int intOption(String[] args, String name, int fallback) {
        return Integer.parseInt(stringOption(args, name, Integer.toString(fallback)));
    }

    private static String stringOption(String[] args, String name, String fallback) {
        for (int i = 1; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
