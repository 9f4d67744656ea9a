package io.kanisterhooks.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanisterhooks.golang.json.GoJson;
import io.kanisterhooks.golang.value.Signature;
import io.kanisterhooks.template.func.FuncMap;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the render-mode cases of the differential corpus (recorded with Go 1.19 text/template) that need no sprig
 * function body and no TemplateParams mirror, and compares with Go's results: output byte-identical, error
 * presence identical; error-message equality is measured and reported.
 *
 * <p>Sprig functions are present as stubs with their real Go signatures, so a case still runs when it fails
 * before any sprig body would run (arity and argument-conversion errors); it is skipped once a stub is called.
 * The Go-version-sensitive cases are checked against Go 1.24+ behaviour instead of the recording.
 */
class TemplateConformanceTest {
    private static final String DIR = "/template/conformance/";

    /**
     * Go-version-sensitive cases whose Go 1.19 recording differs from newer Go, with the newer output. Other
     * cases tagged {@code goVersionSensitive} are skipped.
     */
    private static final Map<String, String> NEWER_GO_OUTPUT = Map.of(
            // Go 1.24 ranges over integers: {{range 3}}{{.}}{{end}} prints 0, 1, 2
            "tt-range-018", "012",
            // Go 1.23 accepts {{else with}}: {{with .zero}}x{{else with .n}}n={{.}}{{end}}
            "tt-with-007", "n=3");

    private static List<Map<String, Object>> cases;
    private static Map<String, Map<String, Object>> expected;
    private static FuncMap sprigStubs;

    private static final class NeedsSprig extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NeedsSprig(String name) {
            super("sprig function " + name + " is not part of this package", null, false, false);
        }
    }

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() throws IOException {
        Map<String, Object> corpus = (Map<String, Object>) GoJson.decode(read("corpus.json"), GoJson.NumberMode.INT64);
        cases = (List<Map<String, Object>>) (List<?>) corpus.get("cases");
        Map<String, Object> exp = (Map<String, Object>) GoJson.decode(read("expected.json"), GoJson.NumberMode.INT64);
        expected = new LinkedHashMap<>();
        for (Object r : (List<Object>) exp.get("results")) {
            Map<String, Object> result = (Map<String, Object>) r;
            expected.put((String) result.get("id"), result);
        }
        Map<String, Object> funcs = (Map<String, Object>) GoJson.decode(read("ksprig-v2.22-funcs.json"),
                GoJson.NumberMode.INT64);
        sprigStubs = new FuncMap();
        for (Object f : (List<Object>) funcs.get("funcs")) {
            Map<String, Object> fn = (Map<String, Object>) f;
            String name = (String) fn.get("name");
            // named types of sprig's world are not part of this package; only their presence matters here
            String signature = ((String) fn.get("signature")).replace("*semver.Version", "interface {}")
                    .replace("time.Time", "interface {}").replace("sprig.certificate", "interface {}");
            sprigStubs.define(name, Signature.parse(signature), args -> {
                throw new NeedsSprig(name);
            });
        }
    }

    private static String read(String file) throws IOException {
        try (InputStream in = TemplateConformanceTest.class.getResourceAsStream(DIR + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void renderCasesMatchGo() {
        List<String> failures = new ArrayList<>();
        Map<String, Integer> skipped = new TreeMap<>();
        int passed = 0;
        int errorCases = 0;
        int sameMessage = 0;
        List<String> differentMessages = new ArrayList<>();
        for (Map<String, Object> c : cases) {
            String id = (String) c.get("id");
            String skipReason = skipReason(c);
            if (skipReason != null) {
                skipped.merge(skipReason, 1, Integer::sum);
                continue;
            }
            Outcome actual = run(c);
            if (actual.needsSprig) {
                skipped.merge("calls a sprig function", 1, Integer::sum);
                continue;
            }
            Map<String, Object> exp = expected.get(id);
            String expError = (String) exp.get("error");
            String expOutput = (String) exp.get("output");
            if (NEWER_GO_OUTPUT.containsKey(id)) {
                expError = "";
                expOutput = NEWER_GO_OUTPUT.get(id);
            }
            if (!expError.isEmpty()) {
                errorCases++;
                if (actual.error == null) {
                    failures.add(id + ": expected error " + expError + " but got output " + actual.output);
                    continue;
                }
                if (actual.error.equals(expError)) {
                    sameMessage++;
                } else {
                    differentMessages.add(id + ":\n    go:   " + expError + "\n    java: " + actual.error);
                }
                passed++;
            } else if (actual.error != null) {
                failures.add(id + ": unexpected error " + actual.error);
            } else if (!actual.output.equals(expOutput)) {
                failures.add(id + ": output differs\n    go:   " + expOutput + "\n    java: " + actual.output);
            } else {
                passed++;
            }
        }
        System.out.printf("template conformance: %d passed, %d failed, skipped %s%n", passed, failures.size(),
                skipped);
        System.out.printf("error messages identical: %d of %d%n", sameMessage, errorCases);
        differentMessages.forEach(m -> System.out.println("message differs " + m));
        assertThat(failures).isEmpty();
        assertThat(passed).isGreaterThan(250);
    }

    private static String skipReason(Map<String, Object> c) {
        String mode = (String) c.getOrDefault("mode", "render");
        if (!mode.equals("render")) {
            return mode + " mode";
        }
        if ("tp".equals(c.get("dataMode"))) {
            return "TemplateParams data";
        }
        if (Boolean.TRUE.equals(c.get("goVersionSensitive")) && !NEWER_GO_OUTPUT.containsKey(c.get("id"))) {
            return "Go-version-sensitive, newer result unknown";
        }
        return null;
    }

    private static final class Outcome {
        String output;
        String error;
        boolean needsSprig;
    }

    private static Outcome run(Map<String, Object> c) {
        Outcome o = new Outcome();
        String funcs = (String) c.getOrDefault("funcs", "ksprig");
        TemplateOptions options = TemplateOptions.defaults()
                .withMissingKey(MissingKey.parse((String) c.getOrDefault("missingkey", "error")))
                .withFuncs(funcs.equals("builtin") ? new FuncMap() : sprigStubs);
        Object data = c.get("data");
        if ("float64".equals(c.get("numbers"))) {
            data = GoJson.decode(GoJson.marshal(data), GoJson.NumberMode.FLOAT64);
        }
        try {
            Template t = Template.parse("config", (String) c.get("template"), options);
            o.output = t.execute(data);
        } catch (TemplateException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof NeedsSprig) {
                    o.needsSprig = true;
                }
            }
            o.error = e.getMessage();
        }
        return o;
    }
}
