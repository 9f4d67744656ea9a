package io.kanisterhooks.kube;

import io.kanisterhooks.cancel.Cancellation;
import io.kanisterhooks.cancel.CancelledException;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.util.WebSockets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;

/**
 * A command run in a container of a running pod ({@code pods/exec}, no stdin, no TTY) over the WebSocket channel
 * protocol of client-java ({@link WebSockets}), ending the way client-go's remote command reports it: nothing when the
 * command exited 0, else {@code command terminated with exit code N}, the message of a failure Status, or the API
 * server's refusal ({@code pods "x" not found}). Output is delivered line by line as it arrives, on the connection's
 * own thread, so waiting for many execs at once costs no thread each.
 *
 * <p>Unlike client-java's {@code Exec}, a missing container is not replaced by the pod's first one: the request goes
 * without it, and the API server refuses it for pods with several containers (what Kanister's exec gets).
 */
public final class PodExec {

    static final int STDOUT = 1;
    private static final int STDERR = 2;
    static final int STATUS = 3;

    private final CompletableFuture<String> ended;
    private final Cancellation cancellation;
    private volatile WebSocket socket;

    private PodExec(CompletableFuture<String> ended, Cancellation cancellation) {
        this.ended = ended;
        this.cancellation = cancellation;
    }

    /**
     * Starts the command. Cancellation closes the connection, which makes the kubelet stop the command.
     *
     * @param container empty or null for none
     * @param stdout    receives each stdout line (without its line end)
     * @param stderr    receives each stderr line
     */
    public static PodExec start(ApiClient streams, String namespace, String pod, String container,
                                List<String> command, Consumer<String> stdout, Consumer<String> stderr,
                                Cancellation cancellation) {
        Session session = new Session(stdout, stderr);
        PodExec exec = new PodExec(session.result, cancellation);
        Request request;
        try {
            request = streams.buildRequest(streams.getBasePath(), path(namespace, pod, container, command), "GET",
                    List.of(), List.of(), null,
                    new HashMap<>(Map.of(WebSockets.STREAM_PROTOCOL_HEADER, WebSockets.K8S_STREAM_PROTOCOL)),
                    new HashMap<>(), new HashMap<>(), new String[] {"BearerToken"}, null);
        } catch (ApiException e) {
            session.result.complete(ApiMessages.reason(e));
            return exec;
        }
        Runnable unregister = cancellation.onCancel(exec::cancel);
        session.result.whenComplete((r, e) -> unregister.run());
        exec.socket = streams.getHttpClient().newWebSocket(request, new Upgrade(session));
        if (cancellation.isCancelled()) {
            exec.cancel();
        }
        return exec;
    }

    /**
     * Waits until the command has ended and all its output was delivered.
     *
     * @return null when it exited 0, else the error as client-go words it
     */
    public String await() throws CancelledException {
        String error;
        try {
            error = ended.get();
        } catch (InterruptedException e) {
            cancel();
            Thread.currentThread().interrupt();
            throw new CancelledException("interrupted");
        } catch (ExecutionException e) {
            error = String.valueOf(e.getCause());
        }
        cancellation.check();
        return error;
    }

    /** Closes the connection at once. */
    public void cancel() {
        WebSocket s = socket;
        if (s != null) {
            s.cancel();
        }
    }

    private static String path(String namespace, String pod, String container, List<String> command) {
        StringBuilder p = new StringBuilder(Kube.path("", "v1", "pods", namespace, pod))
                .append("/exec?stdout=true&stderr=true");
        if (container != null && !container.isEmpty()) {
            p.append("&container=").append(encode(container));
        }
        for (String arg : command == null ? List.<String>of() : command) {
            p.append("&command=").append(encode(arg));
        }
        return p.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Keeps the API server's answer when the connection upgrade is refused (client-java's listener drops it). */
    private static final class Upgrade extends WebSockets.Listener {
        private final Session session;

        Upgrade(Session session) {
            super(session);
            this.session = session;
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            if (response != null && response.code() != 101) {
                session.refused(refusal(response));
            }
            super.onFailure(webSocket, t, response);
        }

        private static String refusal(Response response) {
            String body;
            try {
                body = response.body() == null ? "" : response.body().string().trim();
            } catch (IOException e) {
                body = "";
            }
            if (body.startsWith("{")) {
                try {
                    Object message = JsonObjects.parse(body).get("message");
                    if (message instanceof String m) {
                        return m;
                    }
                } catch (RuntimeException notStatus) {
                    // fall through: not a Status
                }
            }
            return "unable to upgrade connection: " + (body.isEmpty() ? "HTTP " + response.code() : body);
        }
    }

    /** The channels of one connection: stdout and stderr split into lines, the status channel kept whole. */
    static final class Session implements WebSockets.SocketListener {
        final CompletableFuture<String> result = new CompletableFuture<>();
        private final Lines stdout;
        private final Lines stderr;
        private final ByteArrayOutputStream status = new ByteArrayOutputStream();
        private String failure;

        Session(Consumer<String> stdout, Consumer<String> stderr) {
            this.stdout = new Lines(stdout);
            this.stderr = new Lines(stderr);
        }

        synchronized void refused(String message) {
            failure = message;
        }

        @Override
        public void open(String protocol, WebSocket socket) {
            // nothing to send: no stdin
        }

        @Override
        public void bytesMessage(InputStream in) {
            try {
                int channel = in.read();
                channel(channel, in.readAllBytes());
            } catch (IOException | RuntimeException e) {
                failure(e);
            }
        }

        @Override
        public void textMessage(Reader in) {
            // the binary channel protocols send no text frames; read one like a binary frame all the same
            try {
                int channel = in.read();
                StringBuilder text = new StringBuilder();
                char[] buffer = new char[8192];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    text.append(buffer, 0, n);
                }
                channel(channel, text.toString().getBytes(StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                failure(e);
            }
        }

        private void channel(int channel, byte[] data) {
            switch (channel) {
                case STDOUT -> stdout.add(data);
                case STDERR -> stderr.add(data);
                case STATUS -> status.writeBytes(data);
                default -> { } // resize and close signals: nothing to do without stdin and TTY
            }
        }

        @Override
        public synchronized void failure(Throwable t) {
            if (failure == null) {
                failure = t.getMessage() == null ? t.toString() : t.getMessage();
            }
        }

        @Override
        public void close() {
            if (result.isDone()) {
                return;
            }
            stdout.end();
            stderr.end();
            String error;
            synchronized (this) {
                // The status comes after all output, in one message: once it is here, the command's outcome is known,
                // and a connection that fails afterwards (the server closing before our close reply went out) does
                // not change it.
                error = status.size() > 0 || failure == null ? ExecStatus.error(status.toString(StandardCharsets.UTF_8))
                        : failure;
            }
            result.complete(error);
        }
    }

    /** Bytes of one stream cut into lines at {@code \n} (a {@code \r} before it is dropped), decoded as UTF-8. */
    private static final class Lines {
        private final Consumer<String> sink;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        Lines(Consumer<String> sink) {
            this.sink = sink;
        }

        void add(byte[] data) {
            int start = 0;
            for (int i = 0; i < data.length; i++) {
                if (data[i] == '\n') {
                    pending.write(data, start, i - start);
                    emit();
                    start = i + 1;
                }
            }
            pending.write(data, start, data.length - start);
        }

        void end() {
            if (pending.size() > 0) {
                emit();
            }
        }

        private void emit() {
            byte[] bytes = pending.toByteArray();
            pending.reset();
            int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
            sink.accept(new String(bytes, 0, len, StandardCharsets.UTF_8));
        }
    }

    /** client-go's reading of the status channel (its {@code errorDecoderV4}). */
    static final class ExecStatus {
        private ExecStatus() {
        }

        /** @return null for success or an empty channel, else the error text */
        static String error(String json) {
            if (json.isEmpty()) {
                return null;
            }
            Map<String, Object> status;
            try {
                status = JsonObjects.parse(json);
            } catch (RuntimeException e) {
                return "error stream protocol error: " + e.getMessage() + " in \"" + json + "\"";
            }
            Object state = status.get("status");
            if ("Success".equals(state)) {
                return null;
            }
            if (!"Failure".equals(state)) {
                return "error stream protocol error: unknown error";
            }
            if (!"NonZeroExitCode".equals(status.get("reason"))) {
                return String.valueOf(status.getOrDefault("message", ""));
            }
            if (!(status.get("details") instanceof Map<?, ?> details)) {
                return "error stream protocol error: details must be set";
            }
            List<Object> causes = details.get("causes") instanceof List<?> l ? new ArrayList<>(l) : List.of();
            for (Object c : causes) {
                if (c instanceof Map<?, ?> cause && "ExitCode".equals(cause.get("reason"))) {
                    String code = String.valueOf(cause.get("message"));
                    try {
                        int rc = Integer.parseInt(code);
                        if (rc < 0 || rc > 255) {
                            throw new NumberFormatException();
                        }
                        return "command terminated with exit code " + rc;
                    } catch (NumberFormatException e) {
                        return "error stream protocol error: invalid exit code value \"" + code + "\"";
                    }
                }
            }
            return "error stream protocol error: no ExitCode cause given";
        }
    }
}
