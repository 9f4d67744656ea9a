package io.kanisterhooks.cluster.kubelet.server;

import io.kanisterhooks.cluster.kubelet.ContainerLog;
import java.io.IOException;
import java.util.List;

/** What the kubelet's HTTPS endpoints need from the simulated node. */
public interface ContainerAccess {
    /** The log of the container's current (or previous) run. */
    ContainerLog log(String namespace, String pod, String container, boolean previous) throws AccessException;

    /** Runs a command in a running container's environment (its env, working directory, process bookkeeping). */
    ExecTarget execTarget(String namespace, String pod, String container) throws AccessException;

    /** Starts exec'd commands and tells the pod when they end (so that deleting the pod ends them too). */
    interface ExecTarget {
        Process start(List<String> command, boolean stdin, boolean mergeStderr) throws IOException;

        void ended(Process process);
    }

    /** A request the node cannot serve, with the HTTP status to answer. */
    final class AccessException extends Exception {
        private final int status;

        public AccessException(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
