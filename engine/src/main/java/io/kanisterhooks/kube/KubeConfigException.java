package io.kanisterhooks.kube;

/** The connection settings are unusable (missing file, unknown context, malformed kubeconfig). Never holds secrets. */
public final class KubeConfigException extends Exception {

    public KubeConfigException(String message) {
        super(message);
    }
}
