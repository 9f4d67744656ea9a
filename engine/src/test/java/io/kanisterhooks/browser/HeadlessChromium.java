package io.kanisterhooks.browser;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Debian's {@code chromium}, headless, driven through the DevTools protocol over the JDK's WebSocket client: no
 * WebDriver, nothing beyond the JDK. {@code Runtime.evaluate} runs in the page's context whatever the page's
 * Content-Security-Policy allows its own scripts, so a test can read computed styles and geometry of a page that may
 * run no script. Chromium reaches nothing but loopback: every other host name resolves to nothing.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
    private final List<JsonObject> events = new CopyOnWriteArrayList<>();
    private final Map<String, CompletableFuture<JsonObject>> waiting = new ConcurrentHashMap<>();

    private HeadlessChromium(Process process, Path profile, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    /** The {@code chromium} on the PATH, if any. */
    public static Optional<Path> executable() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(d -> !d.isEmpty()).map(d -> Path.of(d, "chromium")).filter(Files::isExecutable).findFirst();
    }

    /** Starts Chromium with a fresh profile and connects to its first page, with a viewport {@code width} wide. */
    public static HeadlessChromium start(Path executable, int width) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("kh-chromium-");
        Process p = new ProcessBuilder(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--remote-debugging-port=0",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", "--hide-scrollbars",
                "--window-size=" + width + ",900", "about:blank")
                .redirectErrorStream(true).redirectOutput(profile.resolve("chromium.log").toFile()).start();
        try {
            String port = devToolsPort(profile, p);
            HttpClient http = HttpClient.newHttpClient();
            String targets = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            String pageSocket = null;
            for (JsonElement t : JsonParser.parseString(targets).getAsJsonArray()) {
                if (t.getAsJsonObject().get("type").getAsString().equals("page")) {
                    pageSocket = t.getAsJsonObject().get("webSocketDebuggerUrl").getAsString();
                    break;
                }
            }
            if (pageSocket == null) {
                throw new IOException("chromium has no page target: " + targets);
            }
            Listener listener = new Listener();
            WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create(pageSocket), listener)
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            HeadlessChromium chromium = new HeadlessChromium(p, profile, ws);
            listener.chromium = chromium;
            chromium.send("Page.enable", new JsonObject());
            chromium.send("Log.enable", new JsonObject());
            chromium.send("Runtime.enable", new JsonObject());
            return chromium;
        } catch (IOException | InterruptedException | RuntimeException e) {
            stop(p);
            throw e;
        } catch (Exception e) {
            stop(p);
            throw new IOException("cannot connect to chromium: " + e, e);
        }
    }

    /** Chromium writes the port it listens on into its profile once it is ready. */
    private static String devToolsPort(Path profile, Process p) throws IOException, InterruptedException {
        Path file = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file);
                if (!lines.isEmpty() && !lines.get(0).isBlank()) {
                    return lines.get(0).strip();
                }
            }
            if (!p.isAlive()) {
                throw new IOException("chromium ended with " + p.exitValue() + ": "
                        + Files.readString(profile.resolve("chromium.log")));
            }
            Thread.sleep(50);
        }
        throw new IOException("chromium did not open its DevTools port within " + TIMEOUT);
    }

    /** Loads {@code url} and waits for its load event. */
    public void load(String url) throws Exception {
        events.clear();
        CompletableFuture<JsonObject> loaded = event("Page.loadEventFired");
        JsonObject params = new JsonObject();
        params.addProperty("url", url);
        JsonObject result = send("Page.navigate", params);
        if (result.has("errorText")) {
            throw new IOException("cannot load " + url + ": " + result.get("errorText").getAsString());
        }
        loaded.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * Evaluates a JavaScript expression in the page and returns its value (JSON-serialisable values only; null for
     * null or undefined).
     */
    public JsonElement evaluate(String expression) throws Exception {
        JsonObject params = new JsonObject();
        params.addProperty("expression", expression);
        params.addProperty("returnByValue", true);
        JsonObject result = send("Runtime.evaluate", params);
        if (result.has("exceptionDetails")) {
            throw new AssertionError("the page could not evaluate " + expression + ": "
                    + result.get("exceptionDetails"));
        }
        JsonElement value = result.getAsJsonObject("result").get("value");
        return value == null || value.isJsonNull() ? null : value;
    }

    /** The messages the page's console got (Chromium reports blocked styles and scripts there). */
    public List<String> consoleMessages() {
        List<String> messages = new ArrayList<>();
        for (JsonObject e : events) {
            if (e.get("method").getAsString().equals("Log.entryAdded")) {
                JsonObject entry = e.getAsJsonObject("params").getAsJsonObject("entry");
                messages.add(entry.get("level").getAsString() + ": " + entry.get("text").getAsString());
            }
        }
        return messages;
    }

    /** A PNG of the whole page (the viewport grown to the page's height). */
    public byte[] screenshot(int width) throws Exception {
        JsonObject metrics = send("Page.getLayoutMetrics", new JsonObject());
        int height = (int) Math.ceil(metrics.getAsJsonObject("cssContentSize").get("height").getAsDouble());
        JsonObject viewport = new JsonObject();
        viewport.addProperty("width", width);
        viewport.addProperty("height", height);
        viewport.addProperty("deviceScaleFactor", 1);
        viewport.addProperty("mobile", false);
        send("Emulation.setDeviceMetricsOverride", viewport);
        JsonObject params = new JsonObject();
        params.addProperty("format", "png");
        params.addProperty("captureBeyondViewport", true);
        String data = send("Page.captureScreenshot", params).get("data").getAsString();
        send("Emulation.clearDeviceMetricsOverride", new JsonObject());
        return Base64.getDecoder().decode(data);
    }

    private JsonObject send(String method, JsonObject params) throws Exception {
        int id = ids.incrementAndGet();
        JsonObject message = new JsonObject();
        message.addProperty("id", id);
        message.addProperty("method", method);
        message.add("params", params);
        CompletableFuture<JsonObject> reply = new CompletableFuture<>();
        pending.put(id, reply);
        socket.sendText(message.toString(), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        JsonObject response = reply.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (response.has("error")) {
            throw new IOException(method + " failed: " + response.get("error"));
        }
        return response.getAsJsonObject("result");
    }

    private CompletableFuture<JsonObject> event(String method) {
        CompletableFuture<JsonObject> f = new CompletableFuture<>();
        waiting.put(method, f);
        return f;
    }

    private void received(JsonObject message) {
        if (message.has("id")) {
            CompletableFuture<JsonObject> reply = pending.remove(message.get("id").getAsInt());
            if (reply != null) {
                reply.complete(message);
            }
            return;
        }
        events.add(message);
        CompletableFuture<JsonObject> w = waiting.remove(message.get("method").getAsString());
        if (w != null) {
            w.complete(message);
        }
    }

    /** Collects a message's fragments, then hands the whole message over. */
    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();
        private volatile HeadlessChromium chromium;

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                JsonObject message = JsonParser.parseString(text.toString()).getAsJsonObject();
                text.setLength(0);
                if (chromium != null) {
                    chromium.received(message);
                }
            }
            ws.request(1);
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the browser is stopped below anyway
        }
        stop(process);
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(f -> f.toFile().delete());
        }
    }

    /** Stops the browser and the processes it started (renderers, GPU and zygote helpers). */
    private static void stop(Process p) {
        List<ProcessHandle> all = new ArrayList<>(p.descendants().toList());
        all.add(p.toHandle());
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
        }
    }
}
