package io.kanisterhooks.template.sprig;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanisterhooks.golang.json.GoJson;
import io.kanisterhooks.golang.time.GoLocation;
import io.kanisterhooks.golang.time.GoTimeException;
import io.kanisterhooks.golang.time.UtcLocalZone;
import io.kanisterhooks.template.MissingKey;
import io.kanisterhooks.template.Template;
import io.kanisterhooks.template.TemplateException;
import io.kanisterhooks.template.TemplateOptions;
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
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the differential corpus (recorded with Go 1.19 text/template + sprig v2.22 + Kanister's ksprig) with the
 * real ksprig function map: every {@code sprig:*} case must match Go (byte-identical output, or an error where Go
 * has one), and so must every other render-mode case on plain JSON data. Error-message equality is reported.
 * TemplateParams ({@code dataMode=tp}), Wait, WaitV2 and JSONPath cases belong to other packages.
 */
@ExtendWith(UtcLocalZone.class)
class SprigConformanceTest {

    private static final String DIR = "/template/conformance/";

    /** Cases whose Go 1.19 recording differs from newer Go, with the newer behaviour (Go changed them later; we follow the newer Go). */
    private static final Map<String, String> NEWER_GO_OUTPUT = Map.of("tt-range-017", "012", "tt-range-018", "012",
            "tt-with-007", "n=3");

    private static List<Map<String, Object>> cases;
    private static Map<String, Map<String, Object>> expected;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() throws IOException {
        Map<String, Object> corpus = (Map<String, Object>) GoJson.decode(read("corpus.json"), GoJson.NumberMode.INT64);
        cases = (List<Map<String, Object>>) (List<?>) corpus.get("cases");
        Map<String, Object> exp = (Map<String, Object>) GoJson.decode(read("expected.json"), GoJson.NumberMode.INT64);
        expected = new LinkedHashMap<>();
        for (Object r : (List<Object>) exp.get("results")) {
            expected.put((String) ((Map<String, Object>) r).get("id"), (Map<String, Object>) r);
        }
    }


    private static String read(String file) throws IOException {
        try (InputStream in = SprigConformanceTest.class.getResourceAsStream(DIR + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Per-category tallies. */
    private static final class Tally {
        int passed;
        int failed;
        int errorCases;
        int sameMessage;
    }

    @Test
    void casesMatchGo() throws GoTimeException {
        Map<String, Tally> tallies = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        List<String> differentMessages = new ArrayList<>();
        for (Map<String, Object> c : cases) {
            if (!inScope(c)) {
                continue;
            }
            String id = (String) c.get("id");
            String category = (String) c.get("category");
            Tally tally = tallies.computeIfAbsent(category, k -> new Tally());
            String[] actual = run(c);
            Map<String, Object> exp = expected.get(id);
            String expError = (String) exp.get("error");
            String expOutput = (String) exp.get("output");
            if (NEWER_GO_OUTPUT.containsKey(id)) {
                expError = "";
                expOutput = NEWER_GO_OUTPUT.get(id);
            }
            String failure = compare(id, expOutput, expError, actual);
            if (failure != null) {
                tally.failed++;
                failures.add(failure);
                continue;
            }
            tally.passed++;
            if (!expError.isEmpty()) {
                tally.errorCases++;
                if (expError.equals(actual[1])) {
                    tally.sameMessage++;
                } else {
                    differentMessages.add(id + "\n    go:   " + expError + "\n    java: " + actual[1]);
                }
            }
        }
        report(tallies, differentMessages, failures);
        assertThat(failures).isEmpty();
        assertThat(tallies.keySet()).contains("sprig:strings", "sprig:date", "sprig:url-misc");
    }

    private static void report(Map<String, Tally> tallies, List<String> differentMessages, List<String> failures) {
        int passed = 0;
        int errors = 0;
        int same = 0;
        for (Map.Entry<String, Tally> e : tallies.entrySet()) {
            Tally t = e.getValue();
            System.out.printf("%-28s %3d passed, %d failed; error messages identical %d of %d%n", e.getKey(),
                    t.passed, t.failed, t.sameMessage, t.errorCases);
            passed += t.passed;
            errors += t.errorCases;
            same += t.sameMessage;
        }
        System.out.printf("ksprig conformance: %d passed, %d failed; error messages identical %d of %d%n", passed,
                failures.size(), same, errors);
        differentMessages.forEach(m -> System.out.println("message differs " + m));
        failures.forEach(f -> System.out.println("FAILED " + f));
    }

    private static String compare(String id, String expOutput, String expError, String[] actual) {
        if (!expError.isEmpty()) {
            return actual[1] == null ? id + ": expected error " + expError + " but got output " + actual[0] : null;
        }
        if (actual[1] != null) {
            return id + ": unexpected error " + actual[1];
        }
        if (!actual[0].equals(expOutput)) {
            return id + ": output differs\n    go:   " + expOutput + "\n    java: " + actual[0];
        }
        return null;
    }

    /** Render mode on plain JSON data with ksprig or builtins only. */
    private static boolean inScope(Map<String, Object> c) {
        return c.getOrDefault("mode", "render").equals("render") && !"tp".equals(c.get("dataMode"));
    }

    /** {output, error}; error null on success. */
    private static String[] run(Map<String, Object> c) throws GoTimeException {
        GoLocation.setLocal(GoLocation.load((String) c.getOrDefault("tz", "UTC")));
        boolean builtinOnly = "builtin".equals(c.get("funcs"));
        TemplateOptions options = TemplateOptions.defaults()
                .withMissingKey(MissingKey.parse((String) c.getOrDefault("missingkey", "error")))
                .withFuncs(builtinOnly ? new FuncMap() : KanisterSprig.funcMap());
        Object data = c.get("data");
        if ("float64".equals(c.get("numbers"))) {
            data = GoJson.decode(GoJson.marshal(data), GoJson.NumberMode.FLOAT64);
        }
        try {
            Template t = Template.parse("config", (String) c.get("template"), options);
            return new String[] {t.execute(data), null};
        } catch (TemplateException e) {
            return new String[] {null, e.getMessage()};
        }
    }
}
