package io.kanisterhooks.jenkins.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.codenarc.CodeNarcRunner;
import org.codenarc.analyzer.FilesystemSourceAnalyzer;
import org.codenarc.results.Results;
import org.codenarc.rule.Violation;
import org.junit.jupiter.api.Test;

/** CodeNarc's jenkins ruleset over the library (vars/, src/) and the example Jenkinsfiles: no violation allowed. */
class CpsLintTest {
    private static final Path ROOT = Path.of(System.getProperty("kanisterhooks.root", "../..")).toAbsolutePath().normalize();

    @Test
    void libraryAndJenkinsfilesFollowTheCpsRules() {
        Results results = lint("plugin/vars/**/*.groovy,plugin/src/**/*.groovy,jenkinsfile-examples/**/*.Jenkinsfile");
        List<String> violations = new ArrayList<>();
        collect(results, violations);
        assertThat(results.getTotalNumberOfFiles(true)).as("files analysed").isGreaterThanOrEqualTo(20);
        assertThat(violations).as("CodeNarc jenkins rules").isEmpty();
    }

    @Test
    void theRulesCatchCpsPitfallsInLibraryFiles() {
        List<String> violations = new ArrayList<>();
        collect(lint("plugin/codenarc/src/test/resources/pitfalls/*.groovy"), violations);
        assertThat(violations).anyMatch(v -> v.contains("ClassNotSerializable") && v.contains("StateHolder"));
        assertThat(violations).anyMatch(v -> v.contains("ForbiddenCallInCpsMethod") && v.contains("sort"));
    }

    private static Results lint(String includes) {
        FilesystemSourceAnalyzer analyzer = new FilesystemSourceAnalyzer();
        analyzer.setBaseDirectory(ROOT.toString());
        analyzer.setIncludes(includes);
        CodeNarcRunner runner = new CodeNarcRunner();
        runner.setRuleSetFiles("jenkins-library-rules.groovy");
        runner.setSourceAnalyzer(analyzer);
        runner.setReportWriters(List.of());
        return runner.execute();
    }

    private static void collect(Results results, List<String> into) {
        for (Object o : results.getViolations()) {
            Violation v = (Violation) o;
            into.add(results.getPath() + ":" + v.getLineNumber() + ": " + v.getRule().getName() + ": " + v.getMessage());
        }
        for (Object child : results.getChildren()) {
            collect((Results) child, into);
        }
    }
}
