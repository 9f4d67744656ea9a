package io.kanisterhooks.bench.hooks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What every harness shares: the cluster, a work directory, the home namespace (blueprint namespace; hook pods run
 * there) and a blueprint file of KubeTask actions, and the command line of one CLI invocation.
 */
final class Workbench {

    final BenchCluster cluster;
    final Path root;
    final Path work;
    final String home;
    final Path blueprint;

    /**
     * @param actions action name → shell command of its one KubeTask phase (named as the action)
     */
    Workbench(String[] args, String home, String blueprintName, Map<String, String> actions) throws Exception {
        this(args, home, blueprintName, actions, null);
    }

    /** @param podNamespace the KubeTask {@code namespace} argument (a template), or null for the home namespace */
    Workbench(String[] args, String home, String blueprintName, Map<String, String> actions, String podNamespace)
            throws Exception {
        this.root = Path.of(option(args, "--root", "."));
        this.cluster = new BenchCluster(Path.of(option(args, "--cluster-dir", null)), root);
        this.work = Files.createDirectories(Path.of(option(args, "--work", "target/bench-hooks/work")));
        this.home = home;
        cluster.namespace(home, Map.of(), true);
        StringBuilder bp = new StringBuilder("apiVersion: cr.kanister.io/v1alpha1\nkind: Blueprint\nmetadata:\n  name: "
                + blueprintName + "\nactions:\n");
        actions.forEach((action, command) -> bp.append("  ").append(action).append(":\n    phases:\n")
                .append("    - func: KubeTask\n      name: ").append(action).append("\n      args:\n")
                .append(podNamespace == null ? "" : "        namespace: " + podNamespace + "\n")
                .append("        image: busybox\n        command: [sh, -c, '").append(command.replace("'", "''"))
                .append("']\n"));
        this.blueprint = Files.writeString(work.resolve(blueprintName + ".yaml"), bp.toString());
    }

    /**
     * {@code verb...} with the cluster, blueprint and report options of a run whose files go to {@code runDir}; its
     * state is kept where the CLI keeps it by default (a Secret in the home namespace).
     */
    List<String> command(Path runDir, String... verb) {
        List<String> args = new ArrayList<>(List.of(verb));
        args.addAll(List.of("--kubeconfig", cluster.kubeconfig.toString(), "--blueprint", blueprint.toString(),
                "--blueprint-namespace", home, "--report-dir", runDir.resolve("reports").toString()));
        return args;
    }

    /** "4 × succeeded/1" when every slot is the same, else the list. */
    static String summary(List<String> slots) {
        List<String> states = slots.stream().map(s -> s.substring(s.lastIndexOf(' ') + 1)).distinct().toList();
        return states.size() == 1 ? slots.size() + " × " + states.get(0) : String.join(", ", slots);
    }

    /** "4, 1 each" when every count is 1, else the map. */
    static String summary(Map<String, Integer> counts) {
        return counts.values().stream().allMatch(n -> n == 1) ? counts.size() + ", 1 each" : counts.toString();
    }

    static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        if (fallback == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return fallback;
    }

    static int intOption(String[] args, String name, int fallback) {
        return Integer.parseInt(option(args, name, String.valueOf(fallback)));
    }

    static void log(String format, Object... values) {
        System.out.printf(format + "%n", values);
        System.out.flush();
    }
}
