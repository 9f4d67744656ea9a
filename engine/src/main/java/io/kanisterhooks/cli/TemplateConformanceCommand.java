package io.kanisterhooks.cli;

import io.kanisterhooks.conformance.CorpusCase;
import io.kanisterhooks.conformance.CorpusResult;
import io.kanisterhooks.conformance.CorpusRunner;
import io.kanisterhooks.golang.json.GoJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code kanister-hooks template conformance CORPUS.json}: renders every case of a template conformance corpus and prints
 * the results in the format {@code compare.py} reads.
 */
@Command(name = "conformance",
        mixinStandardHelpOptions = true,
        description = "Render every case of a conformance corpus; print {\"results\":[...]} for compare.py.")
final class TemplateConformanceCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CORPUS", description = "The corpus file ({\"cases\":[...]}).")
    Path corpus;

    @Override
    public Integer call() throws IOException {
        List<Map<String, Object>> results = new ArrayList<>();
        for (CorpusResult r : new CorpusRunner().runAll(
                CorpusCase.readCorpus(Files.readString(corpus, StandardCharsets.UTF_8)))) {
            results.add(r.toJson());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(GoJson.marshal(Map.of("results", results)));
        out.flush();
        return 0;
    }
}
