package io.kanisterhooks.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How to reach the cluster, as kubectl does. */
final class ClusterOptions {

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Default: KUBECONFIG (several files are "
            + "merged), then ~/.kube/config, then the in-cluster service account.")
    Path kubeconfig;

    @Option(names = "--context", paramLabel = "NAME", description = "kubeconfig context. Default: the current one.")
    String context;
}
