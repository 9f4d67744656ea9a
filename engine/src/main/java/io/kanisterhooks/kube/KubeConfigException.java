package io.kanisterhooks.kube;

import io.kanisterhooks.yaml.SourcePosition;

/**
 * The connection settings are unusable (missing file, unknown context, malformed kubeconfig), with the place: the
 * kubeconfig file and line, or the option ({@code --kubeconfig}, {@code --context}). Never holds secrets.
 */
public final class KubeConfigException extends Exception {

    private final SourcePosition position;

    public KubeConfigException(String message) {
        this(SourcePosition.ofFile("--kubeconfig"), message);
    }

    public KubeConfigException(SourcePosition position, String message) {
        super(message);
        this.position = position;
    }

    public SourcePosition position() {
        return position;
    }
}
