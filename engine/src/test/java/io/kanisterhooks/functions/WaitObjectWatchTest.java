package io.kanisterhooks.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.kanisterhooks.cancel.Cancellation;
import io.kanisterhooks.kube.JsonObjects;
import io.kanisterhooks.kube.Kube;
import io.kanisterhooks.kube.KubeClients;
import io.kanisterhooks.kube.KubeConfigSource;
import io.kanisterhooks.kube.KubeException;
import io.kanisterhooks.kube.ObjectWatch;
import io.kanisterhooks.kube.WatchSet;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The watch behind Wait, WaitV2, ScaleWorkload and the deletion waits, against a scripted API server on loopback: it
 * lists, follows the watch, lists again when the resource version has expired (410), and resumes from the last
 * version it saw when the connection drops (an API server restart).
 */
class WaitObjectWatchTest {

    private static final String PATH = "/api/v1/namespaces/ns/configmaps";

    private HttpServer server;
    private final Deque<String> lists = new ArrayDeque<>();
    private final Deque<List<String>> watches = new ArrayDeque<>();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch release = new CountDownLatch(1);
    private Kube kube;

    private static String configMap(String value, String resourceVersion) {
        return "{\"metadata\":{\"name\":\"cm\",\"namespace\":\"ns\",\"resourceVersion\":\"" + resourceVersion
                + "\"},\"data\":{\"v\":\"" + value + "\"}}";
    }

    private static String list(String resourceVersion, String... items) {
        return "{\"kind\":\"ConfigMapList\",\"apiVersion\":\"v1\",\"metadata\":{\"resourceVersion\":\""
                + resourceVersion + "\"},\"items\":[" + String.join(",", items) + "]}";
    }

    private static String event(String type, String object) {
        return "{\"type\":\"" + type + "\",\"object\":" + object + "}";
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(PATH, this::serve);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        Path config = Files.createTempFile("kubeconfig", ".yaml");
        config.toFile().deleteOnExit();
        Files.writeString(config, """
                apiVersion: v1
                kind: Config
                clusters: [{name: fake, cluster: {server: 'http://127.0.0.1:%d'}}]
                users: [{name: fake, user: {token: not-a-secret}}]
                contexts: [{name: fake, context: {cluster: fake, user: fake}}]
                current-context: fake
                """.formatted(server.getAddress().getPort()));
        try {
            kube = new Kube(KubeClients.connect(new KubeConfigSource(config, null, Map.of(), Path.of("/nonexistent"))));
        } catch (io.kanisterhooks.kube.KubeConfigException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stop() {
        release.countDown();
        kube.close();
        server.stop(0);
    }

    private void serve(HttpExchange exchange) throws IOException {
        String query = URLDecoder.decode(exchange.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
        boolean watch = query.contains("watch=true");
        String rv = query.replaceAll(".*resourceVersion=([0-9]*).*", "$1");
        requests.add(watch ? "watch " + rv : "list " + query);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (!watch) {
            byte[] body = next(lists).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
            return;
        }
        List<String> events = next(watches);
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (String e : events) {
                if (e.equals("HOLD")) {
                    await(release);
                    continue;
                }
                out.write((e + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        }
    }

    private synchronized <T> T next(Deque<T> script) {
        return script.isEmpty() ? null : script.removeFirst();
    }

    @Test
    void relistsAfterExpiryAndResumesAfterADroppedConnection() throws Exception {
        synchronized (this) {
            lists.add(list("10", configMap("1", "10")));
            watches.add(List.of(event("MODIFIED", configMap("2", "11")),
                    event("ERROR", "{\"kind\":\"Status\",\"code\":410,\"reason\":\"Expired\"}")));
            lists.add(list("20", configMap("3", "20")));
            // the connection ends after one event, as when the API server restarts
            watches.add(List.of(event("MODIFIED", configMap("4", "21"))));
            watches.add(List.of(event("BOOKMARK", "{\"kind\":\"ConfigMap\",\"metadata\":{\"resourceVersion\":\"25\"}}"),
                    event("DELETED", configMap("4", "26")), "HOLD"));
        }
        try (WatchSet set = new WatchSet(kube)) {
            ObjectWatch cm = set.object("", "v1", "configmaps", "ns", "cm");
            Map<String, Object> seen = set.await(() -> {
                Map<String, Object> o = cm.view().single();
                return o != null && "4".equals(JsonObjects.string(o, "data", "v")) ? o : null;
            }, Duration.ofSeconds(20), Cancellation.none());
            assertThat(seen).isNotNull();
            Boolean deleted = set.await(() -> cm.view().objects().isEmpty() ? true : null, Duration.ofSeconds(20),
                    Cancellation.none());
            assertThat(deleted).isTrue();
            assertThat(requests).startsWith("list fieldSelector=metadata.name=cm", "watch 10",
                    "list fieldSelector=metadata.name=cm", "watch 20", "watch 21");
        }
    }

    @Test
    void listedObjectsLookLikeAGetReturnsThem() throws Exception {
        synchronized (this) {
            lists.add(list("10", configMap("1", "10")));
            watches.add(List.of("HOLD"));
        }
        try (WatchSet set = new WatchSet(kube)) {
            ObjectWatch cm = set.object("", "v1", "configmaps", "ns", "cm");
            Map<String, Object> seen = set.await(() -> cm.view().single(), Duration.ofSeconds(10), Cancellation.none());
            assertThat(seen).containsEntry("kind", "ConfigMap").containsEntry("apiVersion", "v1")
                    .containsEntry("data", Map.of("v", "1"));
        }
    }

    @Test
    void listFailuresAreReportedAndRetried() throws Exception {
        int[] calls = {0};
        replaceHandler(exchange -> {
            calls[0]++;
            if (calls[0] == 1) {
                respond(exchange, 500, "{\"kind\":\"Status\",\"code\":500,\"message\":\"etcd is sulking\"}");
                return;
            }
            synchronized (this) {
                lists.add(list("5"));
                watches.add(List.of("HOLD"));
            }
            serve(exchange);
        });
        try (WatchSet set = new WatchSet(kube)) {
            ObjectWatch cm = set.object("", "v1", "configmaps", "ns", "cm");
            KubeException failure = set.await(() -> cm.view().failure(), Duration.ofSeconds(10), Cancellation.none());
            assertThat(failure.getMessage()).endsWith("etcd is sulking");
            assertThat(failure.status()).isEqualTo(500);
            Boolean recovered = set.await(() -> cm.view().failure() == null && cm.view().synced() ? true : null,
                    Duration.ofSeconds(10), Cancellation.none());
            assertThat(recovered).isTrue();
            assertThat(cm.view().objects()).isEmpty();
        }
    }

    /** Credentials that may list but not watch: the view is refreshed by listing again. */
    @Test
    void pollsByListingWhenWatchingIsForbidden() throws Exception {
        replaceHandler(exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            if (query.contains("watch=true")) {
                respond(exchange, 403, "{\"kind\":\"Status\",\"code\":403,\"message\":\"no watching\"}");
                return;
            }
            respond(exchange, 200, list(Integer.toString(requests.size()), configMap(
                    Integer.toString(requests.size()), "1")));
            requests.add("list");
        });
        try (WatchSet set = new WatchSet(kube)) {
            ObjectWatch cm = set.object("", "v1", "configmaps", "ns", "cm");
            Boolean changed = set.await(() -> {
                Map<String, Object> o = cm.view().single();
                return o != null && "2".equals(JsonObjects.string(o, "data", "v")) ? true : null;
            }, Duration.ofSeconds(10), Cancellation.none());
            assertThat(changed).isTrue();
        }
    }

    /** Credentials that may only get the object: the view is refreshed by GETs, NotFound meaning absent. */
    @Test
    void pollsByGettingWhenListingIsForbidden() throws Exception {
        replaceHandler(exchange -> {
            if (exchange.getRequestURI().getPath().endsWith("/configmaps")) {
                respond(exchange, 403, "{\"kind\":\"Status\",\"code\":403,\"message\":\"no listing\"}");
                return;
            }
            requests.add("get");
            if (requests.size() < 3) {
                respond(exchange, 404, "{\"kind\":\"Status\",\"code\":404,\"message\":\"not found\"}");
            } else {
                respond(exchange, 200, configMap("got", "7"));
            }
        });
        try (WatchSet set = new WatchSet(kube)) {
            ObjectWatch cm = set.object("", "v1", "configmaps", "ns", "cm");
            Boolean absentFirst = set.await(() -> cm.view().synced() && cm.view().single() == null ? true : null,
                    Duration.ofSeconds(10), Cancellation.none());
            assertThat(absentFirst).isTrue();
            Map<String, Object> seen = set.await(() -> cm.view().single(), Duration.ofSeconds(10),
                    Cancellation.none());
            assertThat(seen).containsEntry("data", Map.of("v", "got"));
            assertThat(cm.view().failure()).isNull();
        }
    }

    private void replaceHandler(com.sun.net.httpserver.HttpHandler handler) {
        server.removeContext(PATH);
        server.createContext(PATH, handler);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
