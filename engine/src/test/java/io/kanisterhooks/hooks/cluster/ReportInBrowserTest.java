package io.kanisterhooks.hooks.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.kanisterhooks.browser.CspFileServer;
import io.kanisterhooks.browser.HeadlessChromium;
import io.kanisterhooks.cluster.junit.KubeTestContext;
import io.kanisterhooks.cluster.junit.LocalClusterExtension;
import io.kanisterhooks.hooks.report.ReportFiles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report of real runs, as a Jenkins user sees it: served with Jenkins' default Content-Security-Policy for
 * archived files and {@code publishHTML} pages, loaded in headless Chromium, and checked on what renders — the
 * stylesheet applied (computed styles), the timeline's bars and labels in place (geometry), the failure reason on top,
 * no policy violation reported. A screenshot of each report goes to {@code target/report-screenshots/}, its files
 * next to it.
 */
@ExtendWith(LocalClusterExtension.class)
class ReportInBrowserTest {

    static final Path SCREENSHOTS = Path.of("target", "report-screenshots");
    private static final int WIDTH = 1200;
    private static final Duration SOON = Duration.ofSeconds(60);
    private static Path chromium;

    @TempDir
    Path dir;

    @BeforeAll
    static void needsChromium() {
        chromium = HeadlessChromium.executable().orElse(null);
        assumeTrue(chromium != null, "chromium is not on the PATH (bin/provision installs Debian's chromium "
                + "package): the HTML report's rendering under Jenkins' Content-Security-Policy is NOT checked");
    }

    @Test
    void success(KubeTestContext k) throws Exception {
        try (HookTestbed t = new HookTestbed(k, dir)) {
            List<String> ns = t.namespaces("shop", "billing");
            CliResult r = t.wrap(hooks(ns), "sh", "-c", "echo \"backing up $0\"; sleep 2; echo 'backup complete: "
                    + "42 tables'", "shop");
            assertThat(r.exitCode()).as(r.toString()).isZero();

            try (Page page = render(t, "1-success")) {
                assertThat(page.banner()).startsWith("Succeeded: every hook succeeded; the stage exited with code 0");
                page.assertBanner("success", "rgb(218, 251, 225)");
                assertThat(page.bars("rect.stage.ok")).hasSize(1);
                assertThat(page.bars("rect.run.ok")).hasSize(6);
            }
            assertThat(Files.readString(t.reports().resolve("logs/" + ns.get(0) + "/preHook-1-quiesce.log")))
                    .isEqualTo("quiesce " + ns.get(0) + "\noutput tag = tok-" + ns.get(0) + "\n");
            JsonObject stage = t.report().root().getAsJsonObject("stage");
            assertThat(stage.get("exitCode").getAsInt()).isZero();
            assertThat(stage.get("command").getAsString()).as("$0 keeps it in single quotes")
                    .isEqualTo("sh -c 'echo \"backing up $0\"; sleep 2; echo '\\''backup complete: 42 tables'\\''' "
                            + "shop");
            assertThat(stage.getAsJsonArray("lastLines").toString())
                    .isEqualTo("[\"backing up shop\",\"backup complete: 42 tables\"]");
        }
    }

    @Test
    void failedStage(KubeTestContext k) throws Exception {
        try (HookTestbed t = new HookTestbed(k, dir)) {
            List<String> ns = t.namespaces("shop", "billing");
            List<String> hooks = hooks(ns);
            hooks.addAll(List.of("--retries", "1"));
            CliResult r = t.wrap(hooks, "sh", "-c", "echo 'dumping database shop'; echo 'pg_dump: error: "
                    + "connection to server at \"db\" (10.0.0.7), port 5432 failed: Connection refused' >&2; exit 3");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);

            try (Page page = render(t, "2-failed-stage")) {
                assertThat(page.banner()).contains("Why this run failed", "failed with exit code 3 after 2 attempts",
                        "dumping database shop", "Connection refused", "Then onFailure hooks/cleanup ran: succeeded in "
                                + ns.get(0) + ", " + ns.get(1));
                page.assertBanner("failure", "rgb(255, 235, 233)");
                assertThat(page.bars("rect.stage.ko")).hasSize(2);
            }
            JsonObject stage = t.report().root().getAsJsonObject("stage");
            assertThat(stage.get("exitCode").getAsInt()).isEqualTo(3);
            assertThat(stage.get("attempts").getAsInt()).isEqualTo(2);
            assertThat(Files.readString(t.reports().resolve(ReportFiles.JUNIT)))
                    .contains("<testcase classname=\"stage\"", "<failure type=\"exit\" message=\"exit code 3 after 2 "
                            + "attempts\">");
        }
    }

    @Test
    void hookFailureAfterASuccessfulStage(KubeTestContext k) throws Exception {
        try (HookTestbed t = new HookTestbed(k, dir)) {
            List<String> ns = t.namespaces("shop", "billing");
            String bad = ns.get(1);
            CliResult r = t.wrap(List.of("-n", ns.get(0), "-n", bad, "--pre-hook", "hooks/quiesce", "--on-success",
                    "hooks/failIn", "--option", "failIn=" + bad, "--on-failure", "hooks/cleanup", "--always",
                    "hooks/notify"), "sh", "-c", "echo 'exporting'; sleep 1; echo 'export done'");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);

            try (Page page = render(t, "3-hook-failed-after-stage")) {
                assertThat(page.banner()).contains("onSuccess hooks/failIn failed in namespace " + bad
                                + " after 3 attempts", "exited with code 1", "failing",
                        "Then onFailure hooks/cleanup ran: succeeded in " + bad);
                page.assertBanner("failure", "rgb(255, 235, 233)");
                assertThat(page.bars("rect.run.ko")).hasSize(3);
                assertThat(page.bars("rect.stage.ok")).hasSize(1);
            }
            assertThat(t.reports().resolve("logs/" + bad + "/onSuccess-3-failIn.log")).hasContent("failing");
        }
    }

    @Test
    void continuedHookFailure(KubeTestContext k) throws Exception {
        try (HookTestbed t = new HookTestbed(k, dir)) {
            List<String> ns = t.namespaces("shop");
            CliResult r = t.wrap(List.of("-n", ns.get(0), "--pre-hook", "hooks/quiesce", "--on-success",
                    "hooks/failIn", "--option", "failIn=" + ns.get(0), "--on-failure", "hooks/cleanup",
                    "--on-error", "Continue"), "sh", "-c", "echo 'exporting'");
            assertThat(r.exitCode()).as("a continued failure does not fail the run: " + r).isZero();
            assertThat(r.stderr()).contains("[WARN] " + ns.get(0) + " onSuccess hooks/failIn failed (onError: "
                    + "Continue, the run goes on) after 3 attempts", "hooks succeeded, 1 failed hook continued");
            assertThat(t.report().root().getAsJsonArray("continuedFailures")).hasSize(1);

            try (Page page = render(t, "6-continued-hook-failure")) {
                assertThat(page.banner()).contains("1 hook failed with onError: Continue, and the run went on",
                        "onSuccess hooks/failIn failed (onError: Continue) in namespace " + ns.get(0));
                page.assertBanner("continued", "rgb(255, 248, 197)");
            }
        }
    }

    @Test
    void abortWhileTheStageRuns(KubeTestContext k) throws Exception {
        try (HookTestbed t = new HookTestbed(k, dir)) {
            List<String> ns = t.namespaces("shop");
            Path started = dir.resolve("started");
            HooksCli.Running wrap = HooksCli.start(dir, t.wrapCommand(hooks(ns), "sh", "-c",
                    "echo 'restoring shop'; touch " + started + "; sleep 60"));
            long deadline = System.nanoTime() + SOON.toNanos();
            while (!Files.exists(started) && System.nanoTime() < deadline && wrap.process().isAlive()) {
                Thread.sleep(50);
            }
            assertThat(started).as(wrap.progress()).exists();
            Thread.sleep(1000);
            wrap.signal("TERM");
            CliResult r = wrap.await(SOON);
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(143);
            assertThat(r.stdout()).as("the stage's output passed through").contains("restoring shop");

            try (Page page = render(t, "4-aborted")) {
                assertThat(page.banner()).contains("Aborted by SIGTERM", "was stopped (aborted by SIGTERM) "
                        + "with exit code 143", "restoring shop", "Then onFailure hooks/cleanup ran: succeeded in "
                        + ns.get(0));
                page.assertBanner("aborted", "rgb(255, 248, 197)");
                assertThat(page.bars("rect.stage.aborted")).hasSize(1);
            }
        }
    }

    /**
     * The Jenkins library's way: {@code hooks pre}, the stage run by the caller, {@code hooks post --outcome failure}.
     * The report shows the stage as the interval between the two (it ran outside), the preHooks as done in the earlier
     * invocation with their logs linked, and the failure as the caller reported it.
     */
    @Test
    void stageRunByTheCallerBetweenHooksPreAndPost(KubeTestContext k) throws Exception {
        try (HookTestbed t = new HookTestbed(k, dir)) {
            List<String> ns = t.namespaces("shop", "billing");
            String[] hooks = hooks(ns).toArray(String[]::new);
            assertThat(t.hooks("pre", hooks).exitCode()).isZero();
            Thread.sleep(1500); // the caller's stage
            List<String> post = new ArrayList<>(List.of(hooks));
            post.addAll(List.of("--outcome", "failure"));
            CliResult r = t.hooks("post", post.toArray(String[]::new));
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);

            try (Page page = render(t, "5-hooks-pre-and-post")) {
                assertThat(page.banner()).contains("The stage failed: the caller ran it and reported hooks post "
                        + "--outcome failure", "Then onFailure hooks/cleanup ran: succeeded in " + ns.get(0));
                page.assertBanner("failure", "rgb(255, 235, 233)");
                JsonArray outside = page.bars("rect.outside");
                assertThat(outside).hasSize(1);
                assertThat(outside.get(0).getAsJsonObject().get("width").getAsDouble()).as("1.5 s and more")
                        .isGreaterThan(100);
                assertThat(page.bars("rect.earlier")).as("the preHooks, run by hooks pre").hasSize(2);
            }
            assertThat(Files.readString(t.reports().resolve(ReportFiles.HTML))).contains("<a href=\"logs/"
                    + ns.get(0) + "/preHook-1-quiesce.log\">");
            JsonObject stage = t.report().root().getAsJsonObject("stage");
            assertThat(stage.get("ran").getAsString()).isEqualTo("outside");
            assertThat(stage.get("succeeded").getAsBoolean()).isFalse();
        }
    }

    /** preHook quiesce, onSuccess unquiesce, onFailure cleanup, always notify in {@code namespaces}. */
    private static List<String> hooks(List<String> namespaces) {
        List<String> args = new ArrayList<>();
        namespaces.forEach(n -> args.addAll(List.of("-n", n)));
        args.addAll(List.of("--pre-hook", "hooks/quiesce", "--on-success", "hooks/unquiesce", "--on-failure",
                "hooks/cleanup", "--always", "hooks/notify"));
        return args;
    }

    /**
     * Serves the run's report with Jenkins' policy, loads it, saves a screenshot (and the report's files) as
     * {@code target/report-screenshots/NAME.png}, and checks what every report must show: first what renders, then
     * that the page asks for nothing the policy blocks.
     */
    private Page render(HookTestbed t, String name) throws Exception {
        Path reports = t.reports();
        CspFileServer server = new CspFileServer(reports);
        HeadlessChromium browser = HeadlessChromium.start(chromium, WIDTH);
        Page page = new Page(server, browser);
        try {
            String url = server.url(ReportFiles.HTML);
            HttpResponse<Void> head = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(head.headers().allValues("Content-Security-Policy")).containsExactly(CspFileServer.JENKINS_CSP);
            browser.load(url);
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), browser.screenshot(WIDTH));
            copy(reports, SCREENSHOTS.resolve(name));
            page.assertStyledUnderJenkinsPolicy();
            String html = Files.readString(reports.resolve(ReportFiles.HTML)).toLowerCase(Locale.ROOT);
            assertThat(html).as("nothing Jenkins' policy blocks").doesNotContain("<style", "style=", "<script",
                    "javascript:").doesNotContainPattern("\\son[a-z]+\\s*=");
            return page;
        } catch (Exception | AssertionError e) {
            page.close();
            throw e;
        }
    }

    private static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** A report loaded in the browser. */
    record Page(CspFileServer server, HeadlessChromium browser) implements AutoCloseable {

        /** What a report must look like, whatever the run did; every check is made, and all failures reported. */
        void assertStyledUnderJenkinsPolicy() throws Exception {
            SoftAssertions soft = new SoftAssertions();
            soft.assertThat(browser.consoleMessages()).as("messages of the page's console")
                    .noneMatch(m -> m.contains("Content Security Policy") || m.contains("Refused"));
            soft.assertThat(string("getComputedStyle(document.body).backgroundColor")).as("the stylesheet applies")
                    .isEqualTo("rgb(238, 241, 244)");
            JsonElement th = browser.evaluate("(() => { const h = document.querySelector('table.summary thead th'); "
                    + "if (!h) return null; const s = getComputedStyle(h); return {bg: s.backgroundColor, border: "
                    + "s.borderTopStyle + ' ' + s.borderTopWidth, width: h.closest('table').getBoundingClientRect()"
                    + ".width}; })()");
            soft.assertThat(th).as("the summary table").isNotNull();
            if (th != null && th.isJsonObject()) {
                JsonObject t = th.getAsJsonObject();
                soft.assertThat(t.get("bg").getAsString()).as("summary table header").isEqualTo("rgb(246, 248, 250)");
                soft.assertThat(t.get("border").getAsString()).as("summary table borders").isEqualTo("solid 1px");
                soft.assertThat(t.get("width").getAsDouble()).as("summary table width").isGreaterThan(800);
            }
            JsonElement box = browser.evaluate("(() => { const s = document.querySelector('svg.timeline'); if (!s) "
                    + "return null; const r = s.getBoundingClientRect(); return {left: r.left, right: r.right}; })()");
            soft.assertThat(box).as("the timeline").isNotNull();
            if (box != null && box.isJsonObject()) {
                timeline(soft, box.getAsJsonObject());
            }
            JsonElement order = browser.evaluate("(() => { const b = document.querySelector('section.banner'); "
                    + "const t = document.querySelector('table.summary'); return b && t ? {banner: "
                    + "b.getBoundingClientRect().top, summary: t.getBoundingClientRect().top} : null; })()");
            soft.assertThat(order).as("the outcome banner and the summary").isNotNull();
            if (order != null && order.isJsonObject()) {
                soft.assertThat(order.getAsJsonObject().get("banner").getAsDouble()).as("the outcome first")
                        .isLessThan(order.getAsJsonObject().get("summary").getAsDouble());
            }
            soft.assertAll();
        }

        /** Bars of non-zero size inside the chart, coloured by the stylesheet; labels inside it, none over another. */
        private void timeline(SoftAssertions soft, JsonObject svg) throws Exception {
            double left = svg.get("left").getAsDouble();
            double right = svg.get("right").getAsDouble();
            soft.assertThat(right - left).as("timeline width").isGreaterThan(800);
            JsonArray bars = bars("rect.run, rect.stage, rect.outside");
            soft.assertThat(bars).as("timeline bars").isNotEmpty();
            for (JsonElement b : bars) {
                JsonObject bar = b.getAsJsonObject();
                soft.assertThat(bar.get("width").getAsDouble()).as("bar %s", bar).isGreaterThan(0);
                soft.assertThat(bar.get("height").getAsDouble()).as("bar %s", bar).isGreaterThan(5);
                soft.assertThat(bar.get("left").getAsDouble()).as("bar %s", bar).isGreaterThanOrEqualTo(left);
                soft.assertThat(bar.get("right").getAsDouble()).as("bar %s", bar).isLessThanOrEqualTo(right);
                soft.assertThat(bar.get("fill").getAsString()).as("bar colour from the stylesheet %s", bar)
                        .isNotIn("rgb(0, 0, 0)", "none");
            }
            JsonArray texts = array("[...document.querySelectorAll('svg.timeline text')].map(t => { const r = "
                    + "t.getBoundingClientRect(); return {text: t.textContent, left: r.left, right: r.right, top: "
                    + "r.top, bottom: r.bottom}; })");
            for (int i = 0; i < texts.size(); i++) {
                JsonObject a = texts.get(i).getAsJsonObject();
                soft.assertThat(a.get("left").getAsDouble()).as("label %s", a).isGreaterThanOrEqualTo(left);
                soft.assertThat(a.get("right").getAsDouble()).as("label %s", a).isLessThanOrEqualTo(right);
                for (int j = i + 1; j < texts.size(); j++) {
                    JsonObject b = texts.get(j).getAsJsonObject();
                    soft.assertThat(overlap(a, b)).as("labels %s and %s overlap", a, b).isFalse();
                }
            }
        }

        void assertBanner(String kind, String background) throws Exception {
            JsonObject banner = object("(() => { const e = document.querySelector('section.banner." + kind + "'); "
                    + "const s = getComputedStyle(e); const r = e.getBoundingClientRect(); return {bg: "
                    + "s.backgroundColor, border: s.borderLeftWidth, height: r.height, width: r.width}; })()");
            assertThat(banner.get("bg").getAsString()).as("banner background").isEqualTo(background);
            assertThat(banner.get("border").getAsString()).as("banner edge").isEqualTo("6px");
            assertThat(banner.get("height").getAsDouble()).isGreaterThan(30);
            assertThat(banner.get("width").getAsDouble()).isGreaterThan(800);
        }

        /** The banner's text, whitespace collapsed. */
        String banner() throws Exception {
            return string("document.querySelector('section.banner').innerText").replaceAll("\\s+", " ").strip();
        }

        /** The bounding boxes and computed fill of the timeline's rects matching {@code selector}. */
        JsonArray bars(String selector) throws Exception {
            return array("[...document.querySelectorAll('svg.timeline')].flatMap(s => [...s.querySelectorAll('"
                    + selector + "')]).map(e => { const r = e.getBoundingClientRect(); return {cls: "
                    + "e.getAttribute('class'), left: r.left, right: r.right, width: r.width, height: r.height, "
                    + "fill: getComputedStyle(e).fill}; })");
        }

        private static boolean overlap(JsonObject a, JsonObject b) {
            double tolerance = 0.5;
            return a.get("left").getAsDouble() < b.get("right").getAsDouble() - tolerance
                    && b.get("left").getAsDouble() < a.get("right").getAsDouble() - tolerance
                    && a.get("top").getAsDouble() < b.get("bottom").getAsDouble() - tolerance
                    && b.get("top").getAsDouble() < a.get("bottom").getAsDouble() - tolerance;
        }

        private String string(String expression) throws Exception {
            JsonElement v = browser.evaluate(expression);
            assertThat(v).as(expression).isNotNull();
            return v.getAsString();
        }

        private JsonObject object(String expression) throws Exception {
            return browser.evaluate(expression).getAsJsonObject();
        }

        private JsonArray array(String expression) throws Exception {
            return browser.evaluate(expression).getAsJsonArray();
        }

        @Override
        public void close() throws Exception {
            try (server) {
                browser.close();
            }
        }
    }
}
