package io.kanisterhooks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A template error raised while a {@code .Secrets} value is an argument never shows the value: each sprig function
 * that can echo its input (in its error, or through {@code fail}) gets a secret, and every line the command prints is
 * searched for the secret and for any piece of it of six characters or more.
 */
class TemplateSecretMaskingTest {

    /** Secrets that make URL, regexp and semver parsers fail, one with characters that quoting escapes. */
    private static final List<String> SECRETS = List.of("s3cr%zz(et-Value[", "pa\"ss\\wo(rd%zz");
    private static final String S = "(index .Secrets.db.Data \"password\" | toString)";

    @TempDir
    Path dir;

    static Stream<Arguments> echoes() {
        List<String> templates = List.of(
                "urlParse " + S,
                "semverCompare " + S + " \"1.0.0\"",
                "regexFind " + S + " \"x\"",
                "regexFindAll " + S + " \"x\" -1",
                "regexReplaceAll " + S + " \"x\" \"y\"",
                "regexReplaceAllLiteral " + S + " \"x\" \"y\"",
                "regexSplit " + S + " \"x\" -1",
                "fail " + S,
                S + " | quote | fail",
                S + " | squote | fail",
                S + " | toJson | fail",
                S + " | toPrettyJson | fail",
                "printf \"%q\" " + S + " | fail",
                "printf \"%v|%s|%x\" " + S + " " + S + " " + S + " | fail",
                "print " + S + " | fail",
                "cat \"a\" " + S + " | fail",
                S + " | trim | fail",
                S + " | indent 2 | fail",
                "replace \"x\" \"y\" " + S + " | fail",
                "list " + S + " | toString | fail",
                "dict \"k\" " + S + " | toJson | fail",
                "index (dict \"k\" " + S + ") \"k\" | fail",
                "splitList \"%\" " + S + " | join \"%\" | fail",
                S + " | toString | fail",
                "default " + S + " \"\" | fail",
                "ternary " + S + " \"x\" true | fail",
                "coalesce \"\" " + S + " | fail");
        return SECRETS.stream().flatMap(secret -> templates.stream().map(t -> Arguments.of(secret, "{{ " + t + " }}")));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("echoes")
    void aSecretArgumentNeverShowsInTheError(String secret, String template) throws IOException {
        Path params = Files.writeString(dir.resolve("tp.yaml"), "Secrets:\n  db:\n    metadata: {name: db}\n"
                + "    data: {password: " + Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8))
                + "}\n");
        CliRun r = CliRun.of("template", "render", "--params", params.toString(), template);
        String all = r.out() + r.err();
        assertThat(r.exitCode()).as(all).isEqualTo(2);
        assertThat(all).as(all).contains("template: ");
        for (int start = 0; start + 6 <= secret.length(); start++) {
            assertThat(all).as("piece of the secret in:\n" + all).doesNotContain(secret.substring(start, start + 6));
        }
    }
}
