package io.kanisterhooks.cli;

import io.kanisterhooks.action.Engine;
import io.kanisterhooks.kube.KubeConfigException;
import io.kanisterhooks.kube.KubeConfigSource;
import io.kanisterhooks.yaml.Problems;
import io.kanisterhooks.yaml.SourcePosition;
import java.time.Duration;

/** The engine of one command, connected to the cluster the options name. */
final class Connections {

    /** Kanister's {@code TIMEOUT_WORKER_POD_READY} (minutes), honoured under the same name. */
    static final String POD_READY_TIMEOUT_ENV = "TIMEOUT_WORKER_POD_READY";

    private Connections() {
    }

    /** The engine, or a bad-input exception for an unusable kubeconfig. Sends no request. */
    static Engine engine(ClusterOptions options) {
        Problems problems = new Problems();
        Engine engine = engine(options, problems);
        if (engine == null) {
            throw new UserInputException(problems.sorted().get(0).toString());
        }
        return engine;
    }

    /**
     * The engine; null, with the problem in {@code problems}, when the kubeconfig (or an environment setting) cannot
     * be used. Reads the kubeconfig only: no request is sent.
     */
    static Engine engine(ClusterOptions options, Problems problems) {
        Duration podReady = podReadyTimeout(problems);
        try {
            return Engine.connect(KubeConfigSource.fromEnvironment(options.kubeconfig, options.context), podReady);
        } catch (KubeConfigException e) {
            problems.error(e.position(), e.getMessage());
            return null;
        }
    }

    private static Duration podReadyTimeout(Problems problems) {
        String minutes = System.getenv(POD_READY_TIMEOUT_ENV);
        try {
            return minutes == null ? Duration.ofMinutes(15) : Duration.ofMinutes(Long.parseLong(minutes.trim()));
        } catch (NumberFormatException e) {
            problems.error(SourcePosition.ofFile(POD_READY_TIMEOUT_ENV), POD_READY_TIMEOUT_ENV + " must be a number "
                    + "of minutes, not \"" + minutes + "\"");
            return Duration.ofMinutes(15);
        }
    }
}
