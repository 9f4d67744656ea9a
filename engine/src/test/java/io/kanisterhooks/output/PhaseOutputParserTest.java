package io.kanisterhooks.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PhaseOutputParserTest {

    private static final String MARKER = KandoOutput.MARKER;

    /** Ordinary lines a parser handed out, with a note when characters were cut. */
    private static final class Lines implements LogLineSink {
        final List<String> lines = new ArrayList<>();

        @Override
        public void line(String text, long omittedChars) {
            lines.add(omittedChars == 0 ? text : text + "[+" + omittedChars + "]");
        }
    }

    private static Map<String, String> parse(String text) throws PhaseOutputException {
        return PhaseOutputParser.parse(text);
    }

    @Nested
    class KanisterCases {

        // Kanister's TestParseLogAndCreateOutput (KubeExec turns an empty result into nil).
        @Test
        void singleMarkerLine() throws PhaseOutputException {
            assertThat(parse("###Phase-output###: {\"key\":\"version\",\"value\":\"0.110.0\"}"))
                    .isEqualTo(Map.of("version", "0.110.0"));
        }

        @Test
        void twoMarkerLines() throws PhaseOutputException {
            assertThat(parse("###Phase-output###: {\"key\":\"version\",\"value\":\"0.110.0\"}\n"
                    + "###Phase-output###: {\"key\":\"path\",\"value\":\"/backup/path\"}"))
                    .isEqualTo(Map.of("version", "0.110.0", "path", "/backup/path"));
        }

        @Test
        void markerAfterOtherText() throws PhaseOutputException {
            assertThat(parse("Random message ###Phase-output###: {\"key\":\"version\",\"value\":\"0.110.0\"}"))
                    .isEqualTo(Map.of("version", "0.110.0"));
            assertThat(parse("Random message with newline \n###Phase-output###: {\"key\":\"version\",\"value\":\"0.110.0\"}"))
                    .isEqualTo(Map.of("version", "0.110.0"));
        }

        @Test
        void invalidPayloadFails() {
            assertThatThrownBy(() -> parse("###Phase-output###: Invalid message"))
                    .isInstanceOf(PhaseOutputException.class)
                    .hasMessage("Failed to unmarshal key-value pair: invalid character 'I' looking for beginning of value")
                    .satisfies(e -> assertThat(((PhaseOutputException) e).outputsSoFar()).isEmpty());
        }

        @Test
        void noMarkerNoOutputs() throws PhaseOutputException {
            assertThat(parse("Random message")).isEmpty();
            assertThat(parse("")).isEmpty();
        }

        // KubeTask: sh -c "kando output version 0.119.0", sleep 2, and a 100 000-character value after a plain line.
        @Test
        void kubeTaskOutputs() throws PhaseOutputException {
            assertThat(parse(KandoOutput.formatLine("version", "0.119.0"))).isEqualTo(Map.of("version", "0.119.0"));
            String longValue = "a".repeat(100_000);
            assertThat(parse(longValue + "\n" + KandoOutput.formatLine("longstring", longValue)))
                    .isEqualTo(Map.of("longstring", longValue));
        }
    }

    @Nested
    class Rules {

        @Test
        void laterKeysOverwriteEarlierOnes() throws PhaseOutputException {
            assertThat(parse(KandoOutput.formatLine("k", "1") + KandoOutput.formatLine("j", "x")
                    + KandoOutput.formatLine("k", "2"))).isEqualTo(Map.of("k", "2", "j", "x"));
        }

        @Test
        void onlyTheFirstMarkerOfALineCounts() {
            assertThatThrownBy(() -> parse(KandoOutput.format("a", "1") + " " + KandoOutput.format("b", "2")))
                    .hasMessage("Failed to unmarshal key-value pair: invalid character '#' after top-level value");
        }

        @Test
        void markerInsideAValueIsPartOfTheValue() throws PhaseOutputException {
            assertThat(parse(KandoOutput.format("a", "x " + MARKER + " y"))).isEqualTo(Map.of("a", "x " + MARKER + " y"));
        }

        @Test
        void emptyAndBlankPayloadsAreIgnored() throws PhaseOutputException {
            assertThat(parse(MARKER + "\n" + MARKER + "  \t \u00a0\u3000\n")).isEmpty();
        }

        @Test
        void payloadIsTrimmedOfUnicodeSpace() throws PhaseOutputException {
            assertThat(parse(MARKER + "\u00a0\u2003{\"key\":\"k\",\"value\":\"v\"}\u0085\r\n")).isEqualTo(Map.of("k", "v"));
        }

        @Test
        void keysAreNotValidatedAndJsonIsReadLikeGo() throws PhaseOutputException {
            assertThat(parse(MARKER + " {\"KEY\":\"not-a-kando-key\",\"Value\":\"v\",\"extra\":[1,{}]}"))
                    .isEqualTo(Map.of("not-a-kando-key", "v"));
            assertThat(parse(MARKER + " null")).isEqualTo(Map.of("", ""));
            assertThat(parse(MARKER + " {\"key\":\"k\"}")).isEqualTo(Map.of("k", ""));
        }

        @Test
        void valuesMustBeStrings() {
            assertThatThrownBy(() -> parse(MARKER + " {\"key\":\"replicas\",\"value\":2}")).hasMessage(
                    "Failed to unmarshal key-value pair: json: cannot unmarshal number into Go struct field "
                            + "Output.value of type string");
        }

        @Test
        void failureStopsTheParserAndKeepsEarlierOutputs() throws PhaseOutputException {
            PhaseOutputParser parser = new PhaseOutputParser(null);
            parser.accept(KandoOutput.formatLine("a", "1"));
            assertThatThrownBy(() -> parser.accept(MARKER + " {oops}\n"))
                    .isInstanceOf(PhaseOutputException.class)
                    .satisfies(e -> assertThat(((PhaseOutputException) e).outputsSoFar()).isEqualTo(Map.of("a", "1")));
            assertThatThrownBy(() -> parser.accept(KandoOutput.formatLine("b", "2")))
                    .hasMessageStartingWith("Failed to unmarshal key-value pair");
            assertThatThrownBy(parser::finish).hasMessageStartingWith("Failed to unmarshal key-value pair");
            assertThat(parser.outputs()).isEqualTo(Map.of("a", "1"));
        }

        @Test
        void finishedParsersRefuseInput() throws PhaseOutputException {
            PhaseOutputParser parser = new PhaseOutputParser(null);
            parser.finish();
            assertThatThrownBy(() -> parser.accept("x")).isInstanceOf(IllegalStateException.class);
        }

        @Test
        void payloadsAreBounded() {
            PhaseOutputParser parser = new PhaseOutputParser(null, 10, 100);
            assertThatThrownBy(() -> parser.accept(KandoOutput.format("k", "v".repeat(200))))
                    .hasMessage("Phase output line is longer than 100 characters");
        }

        @Test
        void invalidUtf8BecomesReplacementCharactersLikeGo() throws Exception {
            byte[] prefix = (MARKER + " {\"key\":\"k\",\"value\":\"").getBytes(StandardCharsets.UTF_8);
            byte[] bad = {(byte) 0xE2, (byte) 0x82, 'A', (byte) 0xFF, (byte) 0xED, (byte) 0xA0, (byte) 0x80,
                (byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80};
            byte[] suffix = "\"}\n".getBytes(StandardCharsets.UTF_8);
            byte[] all = new byte[prefix.length + bad.length + suffix.length];
            System.arraycopy(prefix, 0, all, 0, prefix.length);
            System.arraycopy(bad, 0, all, prefix.length, bad.length);
            System.arraycopy(suffix, 0, all, prefix.length + bad.length, suffix.length);
            for (int chunk = 1; chunk <= all.length; chunk++) {
                PhaseOutputParser parser = new PhaseOutputParser(null);
                for (int i = 0; i < all.length; i += chunk) {
                    parser.accept(all, i, Math.min(chunk, all.length - i));
                }
                assertThat(parser.finish()).isEqualTo(Map.of("k", "\uFFFD\uFFFDA\uFFFD\uFFFD\uFFFD\uFFFD\uD83D\uDE00"));
            }
        }

        @Test
        void unfinishedUtf8AtTheEndIsReplaced() throws Exception {
            Lines lines = new Lines();
            byte[] text = {'a', (byte) 0xF0, (byte) 0x9F, (byte) 0x98};
            PhaseOutputParser.parse(new ByteArrayInputStream(text), lines);
            assertThat(lines.lines).containsExactly("a\uFFFD\uFFFD\uFFFD");
        }
    }

    @Nested
    class OrdinaryLines {

        @Test
        void sinkGetsEveryNonOutputLineAndTheTextBeforeMarkers() throws Exception {
            Lines lines = new Lines();
            String log = "first\r\n\nsecond\rstill second\nbefore " + KandoOutput.formatLine("k", "v")
                    + KandoOutput.formatLine("j", "w") + "\n\nlast";
            Map<String, String> out = PhaseOutputParser.parse(
                    new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)), lines);
            assertThat(out).isEqualTo(Map.of("k", "v", "j", "w"));
            assertThat(lines.lines).containsExactly("first", "second\rstill second", "before ", "last");
        }

        @Test
        void longLinesAreCutForTheSinkButStillParsed() throws PhaseOutputException {
            Lines lines = new Lines();
            PhaseOutputParser parser = new PhaseOutputParser(lines, 10, 1000);
            parser.accept("x".repeat(25) + "\n" + "y".repeat(30) + KandoOutput.formatLine("k", "v") + "short\n");
            assertThat(parser.finish()).isEqualTo(Map.of("k", "v"));
            assertThat(lines.lines).containsExactly("xxxxxxxxxx[+15]", "yyyyyyyyyy[+20]", "short");
        }

        @Test
        void aLastLineWithoutLineEndCounts() throws PhaseOutputException {
            Lines lines = new Lines();
            PhaseOutputParser parser = new PhaseOutputParser(lines);
            parser.accept("tail\r");
            parser.finish();
            assertThat(lines.lines).containsExactly("tail\r");
        }
    }

    @Nested
    class MarkerSplitAcrossLines {

        // Kanister keeps the unmatched rest of the marker when a line ends with its beginning, and accepts the next
        // non-empty line as an output when it starts with that rest.
        @Test
        void lineEndingWithTheStartOfTheMarker() throws PhaseOutputException {
            Lines lines = new Lines();
            PhaseOutputParser parser = new PhaseOutputParser(lines);
            parser.accept("progress ###Phase\n\n-output###: {\"key\":\"k\",\"value\":\"v\"}\n");
            assertThat(parser.finish()).isEqualTo(Map.of("k", "v"));
            assertThat(lines.lines).containsExactly("progress ###Phase");
        }

        @Test
        void theShortestMatchingLineEndIsUsed() throws PhaseOutputException {
            // "###" ends with "#": Kanister then expects "##Phase-output###:", so the full marker still works normally.
            assertThat(parse("a ###\n###Phase-output###: {\"key\":\"k\",\"value\":\"v\"}")).isEqualTo(Map.of("k", "v"));
            assertThat(parse("prompt #\n##Phase-output###: {\"key\":\"k\",\"value\":\"v\"}")).isEqualTo(Map.of("k", "v"));
            assertThat(parse("a ###\nPhase-output###: {\"key\":\"k\",\"value\":\"v\"}")).isEmpty();
        }

        @Test
        void aNextLineThatDoesNotContinueTheMarkerIsOrdinary() throws PhaseOutputException {
            Lines lines = new Lines();
            PhaseOutputParser parser = new PhaseOutputParser(lines);
            parser.accept("x ###Pha\n-out\nse ###Phase-output###: {\"key\":\"k\",\"value\":\"v\"}\n");
            assertThat(parser.finish()).isEqualTo(Map.of("k", "v"));
            assertThat(lines.lines).containsExactly("x ###Pha", "-out", "se ");
        }
    }

    @Nested
    class Streaming {

        @Test
        void everySplitOfAShortLogGivesTheSameResult() throws PhaseOutputException {
            String log = "text ###Phase-output###: {\"key\":\"a\",\"value\":\"1\"}\nmore ###Phase-out\n"
                    + "put###: {\"key\":\"b\",\"value\":\"é\"}\n###Phase-output###:{\"key\":\"c\",\"value\":\"3\"}";
            Map<String, String> expected = Map.of("a", "1", "b", "é", "c", "3");
            byte[] bytes = log.getBytes(StandardCharsets.UTF_8);
            for (int first = 0; first <= bytes.length; first++) {
                for (int second = first; second <= bytes.length; second += 7) {
                    PhaseOutputParser parser = new PhaseOutputParser(null);
                    parser.accept(bytes, 0, first);
                    parser.accept(bytes, first, second - first);
                    parser.accept(bytes, second, bytes.length - second);
                    assertThat(parser.finish()).isEqualTo(expected);
                }
            }
        }

        @Test
        void chunkEndingWithThePrefixOfTheMarker() throws PhaseOutputException {
            for (int cut = 1; cut < MARKER.length(); cut++) {
                PhaseOutputParser parser = new PhaseOutputParser(null);
                parser.accept("log line " + MARKER.substring(0, cut));
                parser.accept(MARKER.substring(cut) + " {\"key\":\"k\",\"value\":\"v\"}\n");
                assertThat(parser.finish()).isEqualTo(Map.of("k", "v"));
            }
        }

        @Test
        void hugeLinesWithMarkersInRandomChunks() throws PhaseOutputException {
            Random random = new Random(7);
            StringBuilder log = new StringBuilder();
            Map<String, String> expected = new LinkedHashMap<>();
            for (int i = 0; i < 5; i++) {
                String value = randomText(random, i == 0 ? 500_000 : 10_000);
                log.append(randomText(random, 500_000)).append('\n');
                log.append(KandoOutput.formatLine("key" + i, value));
                expected.put("key" + i, value);
            }
            // A marker in the middle of a half-megabyte line, after ordinary text.
            log.append(randomText(random, 500_000)).append(KandoOutput.formatLine("mid", "line"));
            expected.put("mid", "line");
            log.append(randomText(random, 50_000));
            byte[] bytes = log.toString().getBytes(StandardCharsets.UTF_8);
            Lines lines = new Lines();
            PhaseOutputParser parser = new PhaseOutputParser(lines);
            for (int i = 0; i < bytes.length; ) {
                int n = Math.min(bytes.length - i, 1 + random.nextInt(70_000));
                parser.accept(bytes, i, n);
                i += n;
            }
            Map<String, String> outputs = parser.finish();
            assertThat(outputs.keySet()).containsExactlyElementsOf(expected.keySet());
            assertThat(outputs.equals(expected)).as("values equal").isTrue();
            // Five 500 000-character lines and the text before "mid" are cut for the sink; the last line is not.
            assertThat(lines.lines.stream().map(l -> l.length() > 70_000 ? "long" : l.contains("[+") ? "cut" : "whole"))
                    .containsExactly("cut", "cut", "cut", "cut", "cut", "cut", "whole");
        }

        @Test
        void longStreamsWithoutOutputs() throws PhaseOutputException {
            Random random = new Random(3);
            StringBuilder log = new StringBuilder();
            for (int i = 0; i < 10; i++) {
                log.append(randomText(random, 50_000 + random.nextInt(10_000))).append('\n');
            }
            assertThat(parse(log.toString())).isEmpty();
        }

        private static String randomText(Random random, int length) {
            String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_!=-+*/\\ #é";
            StringBuilder sb = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            return sb.toString();
        }
    }
}
