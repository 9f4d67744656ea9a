package io.kanisterhooks.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The table of malformed inputs, {@code malformed/cases.txt}: one case a line, {@code KIND | in|sub | EXIT |
 * EXPECTED ;; EXPECTED ... | ARGS}. ARGS are words (quote with '...' or "..."); {@code {f}} is the directory of the
 * input files ({@code malformed/files/} plus the generated ones of {@link #materialize}), {@code {kube}} the
 * kubeconfig of the counting listener, {@code %%N*TEXT%%} TEXT repeated N times, {@code {HB}} and {@code {AB}}
 * valid hook and run-action options. A line starting with {@code @HOOK}
 * is one case per hook command ({@code hooks pre}, {@code plan}, {@code wrap ... -- true}), with {@code @RUN} one
 * per command that runs hooks ({@code hooks pre}, {@code wrap}). Commands that talk to
 * the cluster get {@code --kubeconfig {kube}} unless the case names a kubeconfig itself. {@code sub} cases run in
 * their own JVM (hostile input: stack and heap).
 */
final class MalformedCases {

    private static final Set<String> CLUSTER_COMMANDS = Set.of("hooks", "wrap", "plan", "run-action", "runs");
    private static final List<String> HOOK_COMMANDS = List.of("hooks pre", "plan", "wrap");
    /** The hook commands that run hooks: they have the options of a run. */
    private static final List<String> RUN_COMMANDS = List.of("hooks pre", "wrap");
    /** {@code {HB}}: hook options that are valid, for cases that spoil one more. */
    private static final String HOOK_BASE = "--blueprint {f}/bp.yaml --pre-hook bp/a -n ns1";
    /** {@code {AB}}: run-action options that are valid. */
    private static final String ACTION_BASE = "--blueprint {f}/bp.yaml --action a -n ns1";

    record Case(String name, String kind, boolean subprocess, int exitCode, List<String> expected, List<String> args) {
    }

    private MalformedCases() {
    }

    static List<Case> load(Map<String, String> placeholders) throws IOException {
        List<Case> cases = new ArrayList<>();
        List<String> lines;
        try (InputStream in = MalformedCases.class.getResourceAsStream("/malformed/cases.txt")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split(" \\| ", 5);
            if (cols.length != 5) {
                throw new IllegalStateException("cases.txt:" + (i + 1) + ": expected 5 columns separated by ' | '");
            }
            List<String> expected = Arrays.stream(cols[3].split(";;")).map(String::strip).filter(s -> !s.isEmpty())
                    .map(s -> substitute(s, placeholders)).toList();
            String command = cols[4].replace("{HB}", HOOK_BASE).replace("{AB}", ACTION_BASE);
            for (List<String> args : expand(words(command))) {
                List<String> resolved = withKubeconfig(args.stream().map(a -> substitute(a, placeholders)).toList(),
                        placeholders.get("{kube}"));
                String name = String.format("%03d %s: %s", i + 1, cols[0].strip(), abbreviate(String.join(" ",
                        args)));
                cases.add(new Case(name, cols[0].strip(), cols[1].strip().equals("sub"),
                        Integer.parseInt(cols[2].strip()), expected, resolved));
            }
        }
        return cases;
    }

    private static List<List<String>> expand(List<String> words) {
        if (words.isEmpty() || !words.get(0).equals("@HOOK") && !words.get(0).equals("@RUN")) {
            return List.of(words);
        }
        List<List<String>> result = new ArrayList<>();
        for (String command : words.get(0).equals("@RUN") ? RUN_COMMANDS : HOOK_COMMANDS) {
            List<String> args = new ArrayList<>(List.of(command.split(" ")));
            args.addAll(words.subList(1, words.size()));
            if (command.equals("wrap") && !args.contains("--")) {
                args.addAll(List.of("--", "true"));
            }
            result.add(args);
        }
        return result;
    }

    private static List<String> withKubeconfig(List<String> args, String kubeconfig) {
        if (args.size() < 2 || !CLUSTER_COMMANDS.contains(args.get(0))
                || args.stream().anyMatch(a -> a.equals("--kubeconfig") || a.startsWith("--kubeconfig="))) {
            return args;
        }
        List<String> result = new ArrayList<>(args);
        int end = result.indexOf("--");
        result.addAll(end < 0 ? result.size() : end, List.of("--kubeconfig", kubeconfig));
        return result;
    }

    private static String substitute(String word, Map<String, String> placeholders) {
        String result = word;
        for (Map.Entry<String, String> e : placeholders.entrySet()) {
            result = result.replace(e.getKey(), e.getValue());
        }
        int start = result.indexOf("%%");
        while (start >= 0) {
            int star = result.indexOf('*', start);
            int end = result.indexOf("%%", star);
            int times = Integer.parseInt(result.substring(start + 2, star));
            result = result.substring(0, start) + result.substring(star + 1, end).repeat(times)
                    + result.substring(end + 2);
            start = result.indexOf("%%");
        }
        return result;
    }

    /** Splits on blanks; '...' and "..." quote (no escapes). */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                word = word == null ? new StringBuilder() : word;
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    private static String abbreviate(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "..." : s;
    }

    /**
     * Copies {@code malformed/files/} to {@code target} and adds the inputs that are better generated than kept:
     * deeply nested templates and data, an unreadable file, a file where a directory is expected.
     */
    static Path materialize(Path target) throws IOException {
        Path source;
        try {
            URL url = MalformedCases.class.getResource("/malformed/files");
            source = Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Files.createDirectories(target);
        try (Stream<Path> all = Files.walk(source)) {
            all.forEach(p -> copy(p, target.resolve(source.relativize(p).toString())));
        }
        for (int depth : new int[] {5_000, 20_000}) {
            blueprint(target.resolve("deep-if-" + depth + ".yaml"), "{{ if true }}".repeat(depth) + "x"
                    + "{{ end }}".repeat(depth));
            blueprint(target.resolve("deep-parens-" + depth + ".yaml"), "{{ " + "(".repeat(depth) + "1"
                    + ")".repeat(depth) + " }}");
            Files.writeString(target.resolve("deep-list-" + depth + ".json"), "[".repeat(depth) + "]".repeat(depth));
            Files.writeString(target.resolve("deep-map-" + depth + ".json"), "{\"a\":".repeat(depth) + "1"
                    + "}".repeat(depth));
            Files.writeString(target.resolve("deep-flow-" + depth + ".yaml"), "a: " + "[".repeat(depth)
                    + "]".repeat(depth) + "\n");
        }
        Files.writeString(target.resolve("big.yaml"), "a: '" + "x".repeat(20 * 1024 * 1024) + "'\n");
        Files.writeString(target.resolve("afile"), "a file, not a directory\n");
        Path unreadable = Files.writeString(target.resolve("unreadable.yaml"), "kind: [unclosed\n");
        MalformedInputTest.makeUnreadable(unreadable);
        return target;
    }

    private static void blueprint(Path file, String template) throws IOException {
        Files.writeString(file, """
                apiVersion: cr.kanister.io/v1alpha1
                kind: Blueprint
                metadata: {name: deep}
                actions:
                  a:
                    phases:
                    - func: KubeTask
                      name: p
                      args:
                        image: busybox
                        command: [sh, -c, "%s"]
                """.formatted(template.replace("\"", "\\\"")));
    }

    private static void copy(Path from, Path to) {
        try {
            if (Files.isDirectory(from)) {
                Files.createDirectories(to);
            } else {
                Files.copy(from, to);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
