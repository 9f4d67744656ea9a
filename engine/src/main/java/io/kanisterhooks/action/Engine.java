package io.kanisterhooks.action;

import io.kanisterhooks.functions.FunctionRegistry;
import io.kanisterhooks.kube.Kube;
import io.kanisterhooks.kube.KubeClients;
import io.kanisterhooks.kube.KubeConfigException;
import io.kanisterhooks.kube.KubeConfigSource;
import io.kanisterhooks.secrets.SecretValues;
import java.time.Duration;

/**
 * The engine wired for one invocation: the cluster connection, Kanister's functions, the action runner and the
 * registry of the Secret values read so far (for masking).
 */
public final class Engine implements AutoCloseable {

    private final Kube kube;
    private final FunctionRegistry functions = FunctionRegistry.standard();
    private final SecretValues secrets = new SecretValues();
    private final ActionRunner actions;

    private Engine(Kube kube, Duration podReadyTimeout) {
        this.kube = kube;
        this.actions = new ActionRunner(kube, functions, secrets, podReadyTimeout);
    }

    /** @param podReadyTimeout how long a job pod may stay Pending (Kanister's {@code TIMEOUT_WORKER_POD_READY}) */
    public static Engine connect(KubeConfigSource source, Duration podReadyTimeout) throws KubeConfigException {
        return new Engine(new Kube(KubeClients.connect(source)), podReadyTimeout);
    }

    public Kube kube() {
        return kube;
    }

    public FunctionRegistry functions() {
        return functions;
    }

    public SecretValues secrets() {
        return secrets;
    }

    public ActionRunner actions() {
        return actions;
    }

    @Override
    public void close() {
        kube.close();
    }
}
