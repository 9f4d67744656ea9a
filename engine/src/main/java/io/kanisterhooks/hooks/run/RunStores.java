package io.kanisterhooks.hooks.run;

import io.kanisterhooks.hooks.claims.NamespaceClaims;
import io.kanisterhooks.hooks.state.FileRunStateStore;
import io.kanisterhooks.hooks.state.RunProcess;
import io.kanisterhooks.hooks.state.RunState;
import io.kanisterhooks.hooks.state.RunStateStore;
import io.kanisterhooks.hooks.state.SecretRunStateStore;
import io.kanisterhooks.hooks.state.StateException;
import io.kanisterhooks.kube.Kube;
import io.kanisterhooks.kube.KubeException;
import java.nio.file.Path;

/**
 * Where an invocation finds and keeps its run: a Secret in the home namespace (the default), or {@code --state FILE}.
 */
final class RunStores {

    private final Kube kube;
    private final String homeNamespace;
    private final Path stateFile;
    private final String buildLabel;

    RunStores(Kube kube, String homeNamespace, Path stateFile, String buildTag) {
        this.kube = kube;
        this.homeNamespace = homeNamespace;
        this.stateFile = stateFile;
        this.buildLabel = buildTag == null || buildTag.isBlank() ? null : RunIds.buildLabel(buildTag);
    }

    /** The stored run: the state file's, or run {@code runId}'s Secret; null when there is none (or no id). */
    RunStateStore find(String runId) throws KubeException {
        try {
            if (stateFile != null) {
                return FileRunStateStore.read(stateFile).map(s -> (RunStateStore) FileRunStateStore.of(stateFile, s))
                        .orElse(null);
            }
            return runId == null ? null : SecretRunStateStore.open(kube, homeNamespace, runId).orElse(null);
        } catch (StateException e) {
            throw new RunRefusedException(e.getMessage());
        }
    }

    RunStateStore create(RunState state) {
        return stateFile != null ? FileRunStateStore.of(stateFile, state)
                : SecretRunStateStore.create(kube, homeNamespace, state, buildLabel);
    }

    /** Where the run would be, for messages. */
    String describe(String runId) {
        return stateFile != null ? "the run-state file " + stateFile
                : "run " + runId + " (Secret " + SecretRunStateStore.secretName(runId) + " in namespace "
                + homeNamespace + ")";
    }

    /** Who claims namespaces for {@code runId}, and where a recovery finds the run's state. */
    NamespaceClaims.Holder holder(String runId) {
        RunProcess me = RunProcess.current("", "");
        return new NamespaceClaims.Holder(runId, stateFile == null ? homeNamespace : null,
                stateFile == null ? null : me.host() + ":" + stateFile.toAbsolutePath(), me.host(), me.buildUrl());
    }
}
