package io.kanisterhooks.cluster.kubelet;

import io.kanisterhooks.cluster.process.ProcessGroups;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What every process of a container gets — its own run, exec'd commands and probes alike: the environment, the working
 * directory (also {@code HOME}) and the identity.
 */
record ContainerConfig(Map<String, String> env, Path workDir, RunAs runAs) {

    /** A process of the container, leader of a session and process group of its own. */
    ProcessBuilder process(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(ProcessGroups.inNewSession(runAs.wrap(command)))
                .directory(workDir.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        return builder;
    }
}
