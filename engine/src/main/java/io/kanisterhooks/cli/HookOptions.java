package io.kanisterhooks.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The one option vocabulary of {@code hooks pre|post}, {@code wrap} and {@code plan}. */
final class HookOptions {

    @Option(names = "--hooks-file", paramLabel = "FILE[#ACTION]", description = "Hooks in K10's shape: a hooks: "
            + "document, a K10 Policy (choose its backup/export/restore hooks with #ACTION) or a K10 Action.")
    String hooksFile;

    @Option(names = "--pre-hook", paramLabel = "BLUEPRINT/ACTION", description = "Run before the stage.")
    String preHook;

    @Option(names = "--on-success", paramLabel = "BLUEPRINT/ACTION", description = "Run after the stage succeeded.")
    String onSuccess;

    @Option(names = "--on-failure", paramLabel = "BLUEPRINT/ACTION",
            description = "Run after the stage (or a hook) failed; never retried.")
    String onFailure;

    @Option(names = "--always", paramLabel = "BLUEPRINT/ACTION",
            description = "Run last, whatever happened; never retried.")
    String always;

    @Option(names = "--blueprint", paramLabel = "FILE|NAME", description = "A blueprint file (or directory) to load, "
            + "or the name of a Blueprint in --blueprint-namespace. Repeatable. Hooks whose blueprint is in no file "
            + "are looked up in the cluster.")
    List<String> blueprints = new ArrayList<>();

    @Option(names = "--blueprint-namespace", paramLabel = "NS", defaultValue = "kasten-io",
            description = "Where Blueprint objects (and the pod-spec-override ConfigMap) live. Default: ${DEFAULT-VALUE}.")
    String blueprintNamespace;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "A namespace the hooks run for. Repeatable.")
    List<String> namespaces = new ArrayList<>();

    @Option(names = "--namespace-selector", paramLabel = "SELECTOR",
            description = "Label selector of the namespaces the hooks run for (resolved once, when the run starts).")
    String namespaceSelector;

    @Option(names = "--subject", paramLabel = "KIND/NAME", description = "Subject of hooks that name none: namespace, "
            + "statefulset/NAME, deployment/NAME, deploymentconfig/NAME or pvc/NAME, in each hook's namespace.")
    String subject;

    @Option(names = "--option", paramLabel = "KEY=VALUE", description = "A value for .Options (repeatable); a hook's "
            + "own options win.")
    Map<String, String> options = new LinkedHashMap<>();

    @Option(names = "--parallelism", paramLabel = "N", defaultValue = "8",
            description = "Namespaces handled at once. Default: ${DEFAULT-VALUE}.")
    int parallelism;

    @Option(names = "--retries", paramLabel = "N", description = "wrap: how often the command is retried after it "
            + "failed (hooks that succeeded are not run again).")
    Integer retries;

    @Option(names = "--timeout", paramLabel = "DURATION", description = "Timeout of each hook attempt that sets none "
            + "itself (Go duration, e.g. 90s, 20m). Default: 20m, K10's hook timeout.")
    String timeout;

    @Option(names = "--force-root-in-hooks", paramLabel = "BOOL", arity = "1", defaultValue = "true",
            description = "Run hook pods as root (K10's forceRootInKanisterHooks). false: use the phase's own "
                    + "podOverride securityContext, or an empty one. Default: ${DEFAULT-VALUE}.")
    boolean forceRootInHooks;

    @Option(names = "--home-namespace", paramLabel = "NS", description = "Where KubeTask and MultiContainerRun pods "
            + "without a namespace argument run. Default: the blueprint namespace.")
    String homeNamespace;

    @Option(names = "--report-dir", paramLabel = "DIR", description = "Write kanister-hooks-result.json, "
            + "kanister-hooks-junit.xml and kanister-hooks-report.html here.")
    Path reportDir;

    @Option(names = "--state", paramLabel = "FILE", defaultValue = ".kanister-hooks/state.json",
            description = "The run-state file that connects hooks pre and hooks post. Default: ${DEFAULT-VALUE}.")
    Path state;

    @Mixin
    ClusterOptions cluster = new ClusterOptions();

    @Option(names = "--no-hooks-on-abort", description = "On SIGTERM/SIGINT, do not run onFailure and always.")
    boolean noHooksOnAbort;

    String homeNamespace() {
        return homeNamespace != null ? homeNamespace : blueprintNamespace;
    }
}
