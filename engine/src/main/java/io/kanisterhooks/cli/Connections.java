package io.kanisterhooks.cli;

import io.kanisterhooks.action.Engine;
import io.kanisterhooks.kube.KubeConfigException;
import io.kanisterhooks.kube.KubeConfigSource;
import java.time.Duration;

/** The engine of one command, connected to the cluster the options name. */
final class Connections {

    /** Kanister's {@code TIMEOUT_WORKER_POD_READY} (minutes), honoured under the same name. */
    static final String POD_READY_TIMEOUT_ENV = "TIMEOUT_WORKER_POD_READY";

    private Connections() {
    }

    static Engine engine(ClusterOptions options) {
        Duration podReady = podReadyTimeout();
        try {
            return Engine.connect(KubeConfigSource.fromEnvironment(options.kubeconfig, options.context), podReady);
        } catch (KubeConfigException e) {
            throw new UserInputException(e.getMessage());
        }
    }

    private static Duration podReadyTimeout() {
        String minutes = System.getenv(POD_READY_TIMEOUT_ENV);
        try {
            return minutes == null ? Duration.ofMinutes(15) : Duration.ofMinutes(Long.parseLong(minutes.trim()));
        } catch (NumberFormatException e) {
            throw new UserInputException(POD_READY_TIMEOUT_ENV + " must be a number of minutes, not \"" + minutes
                    + "\"");
        }
    }
}
