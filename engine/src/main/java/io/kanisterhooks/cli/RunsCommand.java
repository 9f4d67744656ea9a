package io.kanisterhooks.cli;

import io.kanisterhooks.action.Engine;
import io.kanisterhooks.hooks.HookSlot;
import io.kanisterhooks.hooks.claims.Claim;
import io.kanisterhooks.hooks.run.RunRecovery;
import io.kanisterhooks.hooks.state.RunState;
import io.kanisterhooks.hooks.state.RunStatus;
import io.kanisterhooks.hooks.state.SlotRecord;
import io.kanisterhooks.yaml.Problems;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kanister-hooks runs list|recover}: the runs kept in the cluster, and recovery of unfinished ones. */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = {"The hook runs kept in the home namespace (one Secret per run), and recovery of runs their own "
                + "process could not finish (killed, a lost Jenkins agent, a Jenkins timeout)."},
        subcommands = {RunsCommand.ListRuns.class, RunsCommand.Recover.class})
final class RunsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "runs needs a subcommand: list or recover");
    }

    /** Where the runs are kept. */
    static final class Home {
        @Option(names = "--blueprint-namespace", paramLabel = "NS", defaultValue = "kasten-io",
                description = "The blueprint namespace; the home namespace defaults to it. Default: ${DEFAULT-VALUE}.")
        String blueprintNamespace;

        @Option(names = "--home-namespace", paramLabel = "NS",
                description = "Where the runs' state is kept (as given to the hook commands). Default: the blueprint "
                        + "namespace.")
        String homeNamespace;

        String namespace() {
            return homeNamespace != null ? homeNamespace : blueprintNamespace;
        }

        void check(Problems problems) {
            OptionChecks.namespace("--blueprint-namespace", blueprintNamespace, problems);
            OptionChecks.namespace("--home-namespace", homeNamespace, problems);
        }
    }

    /** {@code runs list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"The runs kept in the home namespace, newest first: id, status, namespaces, what each hook "
                    + "slot did, who holds the run, age, and whether it is stale (active, but nothing renewed its "
                    + "claims within their time to live: `runs recover --stale` finishes it).",
                "Exit 0; 1 when the runs cannot be read."})
    static final class ListRuns implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        Home home = new Home();

        @Mixin
        ClusterOptions cluster = new ClusterOptions();

        @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
                description = "table (default) or json.")
        String output;

        @Override
        public Integer call() throws Exception {
            Problems problems = new Problems();
            if (!output.equals("table") && !output.equals("json")) {
                problems.error(OptionChecks.at("--output"), "--output must be table or json, not " + output);
            }
            home.check(problems);
            Engine connected = Connections.engine(cluster, problems);
            InputProblems.report(problems, spec.commandLine().getErr(), "nothing was read");
            try (Engine engine = connected) {
                List<RunRecovery.Summary> runs = new RunRecovery(engine, System.err).list(home.namespace(), null);
                var out = spec.commandLine().getOut();
                if (output.equals("json")) {
                    List<Object> list = new ArrayList<>();
                    runs.forEach(r -> list.add(json(r)));
                    out.println(ResultFormat.render(ResultFormat.json, list));
                } else {
                    out.println(table(runs, home.namespace()));
                }
                out.flush();
                return ExitCodes.OK;
            }
        }

        private static Map<String, Object> json(RunRecovery.Summary r) {
            RunState s = r.state();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("runId", s.runId());
            m.put("status", s.status().lower());
            m.put("stale", r.stale());
            m.put("created", s.created());
            m.put("finished", s.finished());
            m.put("namespaces", s.namespaces());
            m.put("slots", slots(s));
            m.put("holder", s.process() == null ? null : s.process().describe());
            List<Object> claims = new ArrayList<>();
            for (Claim c : r.claims()) {
                claims.add(Map.of("namespace", c.namespace(), "expires", c.expires().toString()));
            }
            m.put("claims", claims);
            return m;
        }

        private static String table(List<RunRecovery.Summary> runs, String namespace) {
            if (runs.isEmpty()) {
                return "no runs in namespace " + namespace;
            }
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"RUN", "STATUS", "NAMESPACES", "HOOKS", "HOLDER", "AGE"});
            for (RunRecovery.Summary r : runs) {
                RunState s = r.state();
                List<String> slots = new ArrayList<>();
                slots(s).forEach((slot, counts) -> slots.add(slot + " " + counts));
                rows.add(new String[] {s.runId(), s.status().lower() + (r.stale() ? " (stale)" : ""),
                    s.namespaces().size() == 1 ? s.namespaces().get(0) : s.namespaces().size() + " namespaces",
                    String.join(", ", slots), s.process() == null ? "-" : s.process().describe(),
                    age(s.created())});
            }
            int[] width = new int[rows.get(0).length];
            rows.forEach(row -> {
                for (int i = 0; i < row.length; i++) {
                    width[i] = Math.max(width[i], row[i].length());
                }
            });
            StringBuilder sb = new StringBuilder();
            for (String[] row : rows) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < row.length; i++) {
                    line.append(i == 0 ? "" : "  ").append(row[i]).append(" ".repeat(width[i] - row[i].length()));
                }
                sb.append(line.toString().stripTrailing()).append('\n');
            }
            return sb.toString().stripTrailing();
        }

        /** Per slot the run uses: how many namespaces ended how, e.g. {@code succeeded 2, failed 1}. */
        private static Map<String, String> slots(RunState s) {
            Map<String, String> result = new LinkedHashMap<>();
            for (HookSlot slot : HookSlot.values()) {
                if (!s.plan().hooks().containsKey(slot.key())) {
                    continue;
                }
                Map<String, Integer> counts = new TreeMap<>();
                for (String ns : s.namespaces()) {
                    String status = s.record(ns, slot.key()).map(SlotRecord::status)
                            .map(st -> st.name().toLowerCase(Locale.ROOT))
                            .orElse(s.status() == RunStatus.ACTIVE ? "pending" : "not run");
                    counts.merge(status, 1, Integer::sum);
                }
                List<String> parts = new ArrayList<>();
                counts.forEach((status, n) -> parts.add(s.namespaces().size() == 1 ? status : status + " " + n));
                result.put(slot.key(), String.join("/", parts));
            }
            return result;
        }

        private static String age(String created) {
            Duration d = Duration.between(Instant.parse(created), Instant.now());
            if (d.toDays() > 0) {
                return d.toDays() + "d";
            }
            if (d.toHours() > 0) {
                return d.toHours() + "h";
            }
            return d.toMinutes() > 0 ? d.toMinutes() + "m" : d.toSeconds() + "s";
        }
    }

    /** {@code runs recover}. */
    @Command(name = "recover", mixinStandardHelpOptions = true,
            description = {"Finish runs their own process could not finish: delete their leftover hook pods, run "
                    + "onFailure then always (with the preHook's artifacts) in every namespace whose preHook started "
                    + "and that has no completed onSuccess or onFailure (always alone where one completed), release "
                    + "their claims, and mark them recovered. Runs anywhere: a run's state holds everything it needs. "
                    + "A run abandoned after an abort (--no-hooks-on-abort) is recovered only when named as RUN.",
                "Exit 0 when every recovered run's hooks succeeded (or there was nothing to recover), 1 when a hook "
                        + "failed, 2 for bad input (no such run; a run that may still be running without --force)."})
    static final class Recover implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        /** Which runs. */
        static final class Which {
            @Parameters(arity = "1", paramLabel = "RUN", description = "The run id.")
            String runId;

            @Option(names = "--stale", required = true, description = "Every stale run in the home namespace.")
            boolean stale;

            @Option(names = "--build-tag", required = true, paramLabel = "TAG", description = "The unfinished runs "
                    + "of the Jenkins build with this BUILD_TAG (what the kanisterRecover step does).")
            String buildTag;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        Which which;

        @Mixin
        Home home = new Home();

        @Mixin
        ClusterOptions cluster = new ClusterOptions();

        @Option(names = "--state", paramLabel = "FILE", description = "The run's state is in this file (it was "
                + "started with --state FILE).")
        Path state;

        @Option(names = "--force", description = "Recover even though the run's claims have not expired (its process "
                + "may still be alive: use it when you know it is gone).")
        boolean force;

        @Option(names = "--report-dir", paramLabel = "DIR", description = "Write the recovery's reports here.")
        Path reportDir;

        @Override
        public Integer call() throws Exception {
            Problems problems = new Problems();
            if (state != null && which.runId == null) {
                problems.error(OptionChecks.at("--state"), "--state goes with a RUN id");
            }
            home.check(problems);
            OptionChecks.runId("RUN", which.runId, problems);
            OptionChecks.stateFile(state, problems);
            OptionChecks.outputDirectory("--report-dir", reportDir, problems);
            if (which.buildTag != null && which.buildTag.isBlank()) {
                problems.error(OptionChecks.at("--build-tag"), "--build-tag is empty");
            }
            Engine connected = Connections.engine(cluster, problems);
            InputProblems.report(problems, spec.commandLine().getErr());
            try (Engine engine = connected) {
                RunRecovery recovery = new RunRecovery(engine, System.err);
                List<RunRecovery.Recovered> done;
                if (which.runId != null) {
                    done = List.of(recovery.recover(which.runId, home.namespace(), state, force, reportDir));
                } else if (which.stale) {
                    done = recovery.recoverAllStale(home.namespace(), reportDir);
                } else {
                    done = recovery.recoverBuild(home.namespace(), which.buildTag, reportDir);
                }
                boolean ok = true;
                List<Object> results = new ArrayList<>();
                for (RunRecovery.Recovered r : done) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("runId", r.runId());
                    m.put("recovered", r.outcome() != null);
                    m.put("hooksSucceeded", r.hooksSucceeded());
                    m.put("note", r.note());
                    results.add(m);
                    ok &= r.hooksSucceeded();
                }
                if (done.isEmpty()) {
                    System.err.println("kanister-hooks: no run to recover");
                }
                spec.commandLine().getOut().println(ResultFormat.render(ResultFormat.json, results));
                spec.commandLine().getOut().flush();
                return ok ? ExitCodes.OK : ExitCodes.FAILURE;
            }
        }
    }
}
