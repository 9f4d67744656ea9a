package io.kanisterhooks.cluster.kubelet;

/**
 * A container cannot be set up yet or at all: a missing Secret, ConfigMap or key, a security context the node refuses,
 * a volume that is not ready. The pod's containers wait with {@link #reason()} and the message (safe to show: names
 * only, never values) and setting up is retried, as the kubelet retries.
 */
final class ContainerConfigException extends RuntimeException {
    private final String reason;

    /** The kubelet's {@code CreateContainerConfigError}. */
    ContainerConfigException(String message) {
        this("CreateContainerConfigError", message);
    }

    ContainerConfigException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** A volume the containers need is not there yet: they keep waiting in {@code ContainerCreating}. */
    static ContainerConfigException volume(String message) {
        return new ContainerConfigException("ContainerCreating", message);
    }

    String reason() {
        return reason;
    }
}
