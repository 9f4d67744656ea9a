package io.kanisterhooks.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Syntax errors, safety limits, encodings and Kubernetes-style scalar typing. */
class YamlReaderTest {

    @TempDir
    Path dir;

    private final YamlReader reader = new YamlReader();

    private static String failure(String yaml) {
        try {
            new YamlReader().parse("f.yaml", yaml);
        } catch (YamlException e) {
            return e.toString();
        }
        throw new AssertionError("expected a YAML error");
    }

    private String fileFailure(byte[] bytes) throws IOException {
        Path f = dir.resolve("f.yaml");
        Files.write(f, bytes);
        try {
            reader.read(f);
        } catch (YamlException e) {
            return e.toString().replace(f.toString(), "f.yaml");
        }
        throw new AssertionError("expected a YAML error");
    }

    @Test
    void unclosedQuote() {
        assertThat(failure("a: b\nc: \"open\nd: e\n")).isEqualTo(
                "f.yaml:4:1: found unexpected end of stream (while scanning a quoted scalar at line 2)");
    }

    @Test
    void tabIndentation() {
        assertThat(failure("a:\n\tb: c\n")).isEqualTo(
                "f.yaml:2:1: found character '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for indentation)");
    }

    @Test
    void badIndentation() {
        assertThat(failure("a:\n  b: c\n d: e\n")).isEqualTo(
                "f.yaml:3:2: expected <block end>, but found '<block mapping start>' (while parsing a block mapping at line 1)");
    }

    @Test
    void mappingValueWhereNotAllowed() {
        assertThat(failure("a: b: c\n")).isEqualTo("f.yaml:1:5: mapping values are not allowed here");
    }

    @Test
    void duplicateKeyPointsAtTheSecondDefinition() {
        assertThat(failure("metadata:\n  name: a\n  name: b\n")).isEqualTo(
                "f.yaml:3:3: mapping key \"name\" already defined at line 2");
    }

    @Test
    void duplicateKeysDifferingOnlyInTypeAreTheSameJsonKey() {
        assertThat(failure("m:\n  1: a\n  \"1\": b\n")).isEqualTo("f.yaml:3:3: mapping key \"1\" already defined at line 2");
    }

    @Test
    void billionLaughsFailsFastOnTheAliasCount() {
        StringBuilder y = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'i'; c++) {
            y.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                y.append(i == 0 ? "" : ",").append('*').append(prev);
            }
            y.append("]\n");
            prev = c;
        }
        long start = System.nanoTime();
        assertThat(failure(y.toString())).isEqualTo(
                "f.yaml: too many aliases to maps or lists (more than 64); refusing a possible alias bomb");
        assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
    }

    @Test
    void aliasExpansionIsBoundedEvenWithFewAliases() {
        StringBuilder y = new StringBuilder("l0: &l0 [x, x]\n");
        for (int i = 1; i <= 25; i++) {
            y.append("l").append(i).append(": &l").append(i).append(" [*l").append(i - 1).append(", *l")
                    .append(i - 1).append("]\n");
        }
        assertThat(failure(y.toString())).matches(
                "f\\.yaml:\\d+:\\d+: aliases expand the document to more than 200000 nodes; refusing a possible alias bomb");
    }

    @Test
    void recursiveAliasIsRejected() {
        assertThat(failure("a: &a\n  b: *a\n")).startsWith("f.yaml");
    }

    @Test
    void nanIsNotJson() {
        assertThat(failure("x: .nan\n")).isEqualTo(
                "f.yaml:1:4: value .nan cannot be represented in JSON (Kubernetes objects are JSON)");
    }

    @Test
    void complexKeysAreNotJson() {
        assertThat(failure("? [a, b]\n: c\n")).isEqualTo(
                "f.yaml:1:3: map keys must be scalars (Kubernetes objects are JSON)");
    }

    @Test
    void controlCharacterIsReportedWithItsPlace() {
        assertThat(failure("a: b\nc: d\u0007\n")).isEqualTo(
                "f.yaml:2:5: control character U+0007 is not allowed in YAML");
    }

    @Test
    void invalidUtf8IsReportedWithItsPlace() throws IOException {
        byte[] bytes = "a: b\nc: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(fileFailure(bytes)).isEqualTo("f.yaml:2:7: invalid UTF-8 byte 0xE9: YAML files must be UTF-8 encoded");
    }

    @Test
    void oversizedFileIsRefusedBeforeReading() throws IOException {
        Path f = dir.resolve("big.yaml");
        Files.write(f, new byte[YamlLimits.DEFAULT.maxBytes() + 1]);
        assertThatThrownBy(() -> reader.read(f)).isInstanceOf(YamlException.class)
                .hasMessage("is larger than 4194304 bytes, the limit for a YAML file")
                .satisfies(e -> assertThat(((YamlException) e).position().file()).isEqualTo(f.toString()));
    }

    @Test
    void byteOrderMarkIsAccepted() throws Exception {
        Path f = dir.resolve("bom.yaml");
        byte[] body = "a: 1\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        Files.write(f, bytes);
        assertThat(reader.read(f).get(0).root().toValue()).isEqualTo(Map.of("a", 1L));
    }

    @Test
    void emptyAndCommentOnlyTextsHaveNoDocuments() throws YamlException {
        assertThat(reader.parse("f.yaml", "")).isEmpty();
        assertThat(reader.parse("f.yaml", "# only a comment\n\n")).isEmpty();
    }

    @Test
    void severalDocumentsKeepTheirIndexAndStart() throws YamlException {
        List<YamlDocument> docs = reader.parse("f.yaml", "a: 1\n---\nb: 2\n---\n");
        assertThat(docs).extracting(YamlDocument::index).containsExactly(1, 2, 3);
        assertThat(docs.get(1).start()).isEqualTo(new SourcePosition("f.yaml", 3, 1));
        assertThat(docs.get(2).root()).isNull();
    }

    @Test
    void scalarsAreTypedLikeKubernetesDoes() throws YamlException {
        Object v = reader.parse("f.yaml", """
                ints: [1, -2, 0x1F, 017, 0o17, 0b101, 1_000, 9223372036854775807]
                floats: [1.5, 1e3, .5, 9223372036854775808]
                bools: [yes, No, on, OFF, y, n, true, False]
                nulls: [~, null, NULL]
                strings: [2024-01-02, "3", '4', 1.2.3, !!str 5, 0x, inf]
                """).get(0).root().toValue();
        assertThat(v).isEqualTo(Map.of(
                "ints", List.of(1L, -2L, 31L, 15L, 15L, 5L, 1000L, Long.MAX_VALUE),
                "floats", List.of(1.5, 1000.0, 0.5, 9.223372036854775808E18),
                "bools", List.of(true, false, true, false, true, false, true, false),
                "nulls", java.util.Arrays.asList(null, null, null),
                "strings", List.of("2024-01-02", "3", "4", "1.2.3", "5", "0x", "inf")));
    }

    @Test
    void mergeKeysCopyMissingEntries() throws YamlException {
        Object v = reader.parse("f.yaml", """
                base: &base {image: busybox, command: [ls]}
                phase:
                  <<: *base
                  command: [pwd]
                """).get(0).root().toValue();
        assertThat(((Map<?, ?>) v).get("phase")).isEqualTo(Map.of("image", "busybox", "command", List.of("pwd")));
    }

    @Test
    void blockScalarLinesMapBackToTheFile() throws YamlException {
        YamlMapping root = (YamlMapping) reader.parse("f.yaml", "a: x\ncmd: |\n  one\n  two\n").get(0).root();
        YamlScalar cmd = (YamlScalar) root.get("cmd").orElseThrow();
        assertThat(cmd.positionOfLine(2)).isEqualTo(new SourcePosition("f.yaml", 4, 1));
    }
}
