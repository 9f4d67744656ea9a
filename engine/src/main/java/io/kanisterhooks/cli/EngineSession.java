package io.kanisterhooks.cli;

import io.kanisterhooks.action.ActionRunner;
import io.kanisterhooks.functions.FunctionRegistry;
import io.kanisterhooks.kube.Kube;
import io.kanisterhooks.kube.KubeClients;
import io.kanisterhooks.kube.KubeConfigException;
import io.kanisterhooks.kube.KubeConfigSource;
import io.kanisterhooks.secrets.SecretValues;
import java.time.Duration;

/** The engine wired for one CLI invocation: cluster connection, functions, action runner, secret registry. */
final class EngineSession implements AutoCloseable {

    /** Kanister's {@code TIMEOUT_WORKER_POD_READY} (minutes), honoured under the same name. */
    static final String POD_READY_TIMEOUT_ENV = "TIMEOUT_WORKER_POD_READY";

    final Kube kube;
    final FunctionRegistry functions = FunctionRegistry.standard();
    final SecretValues secrets = new SecretValues();
    final ActionRunner actions;

    EngineSession(ClusterOptions options) {
        try {
            this.kube = new Kube(KubeClients.connect(KubeConfigSource.fromEnvironment(options.kubeconfig,
                    options.context)));
        } catch (KubeConfigException e) {
            throw new UserInputException(e.getMessage());
        }
        this.actions = new ActionRunner(kube, functions, secrets, podReadyTimeout());
    }

    private static Duration podReadyTimeout() {
        String minutes = System.getenv(POD_READY_TIMEOUT_ENV);
        try {
            return minutes == null ? Duration.ofMinutes(15) : Duration.ofMinutes(Long.parseLong(minutes.trim()));
        } catch (NumberFormatException e) {
            throw new UserInputException(POD_READY_TIMEOUT_ENV + " must be a number of minutes, not \"" + minutes + "\"");
        }
    }

    @Override
    public void close() {
        kube.close();
    }
}
