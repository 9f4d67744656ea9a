package io.kanisterhooks.cluster.kubelet.server;

import io.kanisterhooks.cluster.control.Pki;
import io.kanisterhooks.cluster.kubelet.ContainerLog;
import io.kanisterhooks.cluster.kubelet.LogQuery;
import io.kanisterhooks.cluster.kubelet.server.ContainerAccess.AccessException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * The simulated kubelet's HTTPS endpoint on 127.0.0.1, which the API server proxies {@code pods/log} and
 * {@code pods/exec} to. A small HTTP/1.1 server on raw sockets, because exec needs the connection after the upgrade.
 */
public final class KubeletServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(KubeletServer.class.getName());
    private static final int IDLE_TIMEOUT_MS = 5 * 60 * 1000;

    private final SSLServerSocket serverSocket;
    private final ContainerAccess access;
    private final ExecutorService executor;
    private final Thread acceptor;
    private volatile boolean closed;

    private KubeletServer(SSLServerSocket serverSocket, ContainerAccess access, ExecutorService executor) {
        this.serverSocket = serverSocket;
        this.access = access;
        this.executor = executor;
        this.acceptor = new Thread(this::acceptLoop, "kubelet-https");
        this.acceptor.setDaemon(true);
    }

    public static KubeletServer start(ContainerAccess access, Pki.Issued certificate, ExecutorService executor)
            throws IOException {
        try {
            char[] password = "kubelet".toCharArray();
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(certificate.keyStore(password), password);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(keys.getKeyManagers(), null, null);
            SSLServerSocket socket = (SSLServerSocket) tls.getServerSocketFactory()
                    .createServerSocket(0, 128, InetAddress.getLoopbackAddress());
            // TLS 1.3 closes with a user_canceled alert, which Go's proxy reports as an error; 1.2 closes quietly
            socket.setEnabledProtocols(new String[] {"TLSv1.2"});
            KubeletServer server = new KubeletServer(socket, access, executor);
            server.acceptor.start();
            return server;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS for the kubelet simulator", e);
        }
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = serverSocket.accept();
                executor.execute(() -> serve(socket));
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(Level.WARNING, "kubelet accept failed", e);
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout(IDLE_TIMEOUT_MS);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            HttpRequest request;
            while ((request = HttpRequest.read(in)) != null) {
                if (request.path().startsWith("/exec/")) {
                    socket.setSoTimeout(0);
                    ExecSession.serve(request, access, in, out, executor);
                    return; // an upgraded (or refused) exec connection is not reused
                }
                route(request, out);
            }
        } catch (SocketException e) {
            // the API server closed the connection
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                LOG.log(Level.FINE, "kubelet request failed", e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void route(HttpRequest request, OutputStream out) throws IOException, InterruptedException {
        if (request.path().equals("/healthz")) {
            HttpResponses.text(out, 200, "ok");
        } else if (request.path().startsWith("/containerLogs/")) {
            containerLogs(request, out);
        } else {
            HttpResponses.text(out, 404, "the kanister-hooks kubelet simulator does not serve " + request.path());
        }
    }

    private void containerLogs(HttpRequest request, OutputStream out) throws IOException, InterruptedException {
        List<String> segments = request.segmentsAfter("/containerLogs/");
        if (segments.size() != 3) {
            HttpResponses.text(out, 400, "expected /containerLogs/{namespace}/{pod}/{container}");
            return;
        }
        LogQuery query;
        ContainerLog log;
        try {
            query = LogQuery.parse(request.query(), Instant.now());
            log = access.log(segments.get(0), segments.get(1), segments.get(2), query.previous());
        } catch (IllegalArgumentException e) {
            HttpResponses.text(out, 400, e.getMessage());
            return;
        } catch (AccessException e) {
            HttpResponses.text(out, e.status(), e.getMessage());
            return;
        }
        OutputStream body = new BufferedOutputStream(HttpResponses.chunked(out, "text/plain"), 16 * 1024);
        log.copyTo(query, body);
        body.close();
    }

    @Override
    public void close() {
        closed = true;
        try {
            serverSocket.close();
        } catch (IOException ignored) {
            // nothing listens any more either way
        }
    }
}
