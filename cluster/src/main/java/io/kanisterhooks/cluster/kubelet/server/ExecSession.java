package io.kanisterhooks.cluster.kubelet.server;

import io.kanisterhooks.cluster.kubelet.LogQuery;
import io.kanisterhooks.cluster.kubelet.server.ContainerAccess.AccessException;
import io.kanisterhooks.cluster.kubelet.server.ContainerAccess.ExecTarget;
import io.kanisterhooks.cluster.process.ProcessGroups;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code /exec/{namespace}/{pod}/{container}} over the Kubernetes WebSocket channel protocol, versions 4 and 5 (what
 * kubectl 1.30+ and client-java 24 speak): channel 0 stdin, 1 stdout, 2 stderr, 3 a {@code Status} with the exit code,
 * 4 resize (ignored: there is no terminal), and in v5 the 255 "close channel" signal (for stdin's end). SPDY, the older
 * transport, is not served; WebSocket clients do not fall back to it.
 */
final class ExecSession {
    static final String V5 = "v5.channel.k8s.io";
    static final String V4 = "v4.channel.k8s.io";
    private static final int STDIN = 0;
    private static final int STDOUT = 1;
    private static final int STDERR = 2;
    private static final int ERROR = 3;
    private static final int CLOSE = 255;
    /**
     * How long the client may take to answer our close frame. The Java client turns a connection that ends before
     * its close reply into a failure and overwrites the exit status it already received with -1975219, so this must
     * outlast a loaded machine's scheduling delays (2 s did not: a CI run saw exactly that); a client that never
     * answers costs one waiting thread for this long.
     */
    private static final long CLOSE_WAIT_SECONDS = 30;

    private ExecSession() {}

    static void serve(HttpRequest request, ContainerAccess access, InputStream in, OutputStream out, Executor executor)
            throws IOException {
        List<String> segments = request.segmentsAfter("/exec/");
        List<String> command = request.query().getOrDefault("command", List.of());
        if (segments.size() != 3 || command.isEmpty()) {
            HttpResponses.text(out, 400, "expected /exec/{namespace}/{pod}/{container}?command=...");
            return;
        }
        if (!"websocket".equalsIgnoreCase(request.header("Upgrade"))) {
            HttpResponses.text(out, 400, "the kanister-hooks kubelet simulator serves exec over WebSocket ("
                    + V5 + ", " + V4 + ") only, not over SPDY");
            return;
        }
        List<String> offered = request.headerTokens("Sec-WebSocket-Protocol");
        String protocol = offered.contains(V5) ? V5 : offered.contains(V4) ? V4 : null;
        if (protocol == null) {
            HttpResponses.text(out, 400, "no supported streaming protocol offered; supported: " + V5 + ", " + V4);
            return;
        }
        boolean stdin = flag(request, "stdin", "input");
        boolean tty = flag(request, "tty", "tty");
        ExecTarget target;
        Process process;
        try {
            target = access.execTarget(segments.get(0), segments.get(1), segments.get(2));
            process = target.start(command, stdin, tty);
        } catch (AccessException e) {
            HttpResponses.text(out, e.status(), e.getMessage());
            return;
        } catch (IOException e) {
            HttpResponses.text(out, 500, "cannot start " + command.get(0) + ": " + e.getMessage());
            return;
        }
        try {
            WebSocket socket = WebSocket.accept(request, protocol, in, out);
            CompletableFuture<Void> stdoutDone = CompletableFuture.runAsync(
                    () -> pump(process.getInputStream(), socket, flag(request, "stdout", "output") ? STDOUT : -1),
                            executor);
            CompletableFuture<Void> stderrDone =
                    tty ? CompletableFuture.completedFuture(null) : CompletableFuture.runAsync(
                    () -> pump(process.getErrorStream(), socket, flag(request, "stderr", "error") ? STDERR : -1),
                            executor);
            CompletableFuture<Void> clientDone = CompletableFuture.runAsync(
                    () -> readClient(socket, process, stdin, protocol.equals(V5)), executor);
            int exitCode = process.waitFor();
            CompletableFuture.allOf(stdoutDone, stderrDone).get();
            byte[] status = status(exitCode).getBytes(StandardCharsets.UTF_8);
            socket.sendChannel(ERROR, status, 0, status.length);
            socket.close();
            // closing handshake: let the client answer our close frame before the connection goes
            clientDone.get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException e) {
            // the client did not answer the close frame; closing the connection is all that is left
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        } finally {
            ProcessGroups.signal(process.pid(), "KILL");
            target.ended(process);
        }
    }

    /** Copies process output to a channel ({@code -1}: read and drop). A client gone away only stops the copying. */
    private static void pump(InputStream from, WebSocket socket, int channel) {
        byte[] buffer = new byte[8192];
        boolean clientGone = false;
        try (from) {
            int n;
            while ((n = from.read(buffer)) > 0) {
                if (channel >= 0 && !clientGone) {
                    try {
                        socket.sendChannel(channel, buffer, 0, n);
                    } catch (IOException e) {
                        clientGone = true;
                    }
                }
            }
        } catch (IOException e) {
            // the process's pipe broke: it is gone
        }
    }

    /** Feeds stdin; ends the process when the client goes away before it ended. */
    private static void readClient(WebSocket socket, Process process, boolean stdin, boolean v5) {
        OutputStream processIn = process.getOutputStream();
        try {
            byte[] message;
            while ((message = socket.readMessage()) != null) {
                if (message.length == 0) {
                    continue;
                }
                int channel = message[0] & 0xff;
                if (channel == STDIN && stdin) {
                    processIn.write(message, 1, message.length - 1);
                    processIn.flush();
                } else if (channel == CLOSE && v5 && message.length > 1 && message[1] == STDIN) {
                    processIn.close();
                }
            }
        } catch (IOException e) {
            // connection closed (normally by our own close after the exit status)
        }
        try {
            processIn.close();
        } catch (IOException ignored) {
            // the process may be gone already
        }
        if (process.isAlive()) {
            ProcessGroups.signal(process.pid(), "TERM");
        }
    }

    static String status(int exitCode) {
        if (exitCode == 0) {
            return "{\"metadata\":{},\"status\":\"Success\"}";
        }
        return "{\"metadata\":{},\"status\":\"Failure\","
                + "\"message\":\"command terminated with non-zero exit code: exit status " + exitCode + "\","
                + "\"reason\":\"NonZeroExitCode\","
                + "\"details\":{\"causes\":[{\"reason\":\"ExitCode\",\"message\":\"" + exitCode + "\"}]}}";
    }

    /**
     * The API server passes the streams as {@code input}, {@code output} and {@code error}; clients use the long names.
     */
    private static boolean flag(HttpRequest request, String name, String apiServerName) {
        return LogQuery.flag(request.query(), name) || LogQuery.flag(request.query(), apiServerName);
    }
}
