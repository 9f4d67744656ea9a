package io.kanisterhooks.yaml;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads YAML files into position-carrying nodes, with bounded resources (see {@link YamlLimits}). Uses SnakeYAML only
 * to compose the node graph (safe: no object construction); typing and alias expansion are done by {@link NodeConverter}.
 */
public final class YamlReader {

    private final YamlLimits limits;

    public YamlReader(YamlLimits limits) {
        this.limits = limits;
    }

    public YamlReader() {
        this(YamlLimits.DEFAULT);
    }

    /** All documents of a file; an empty list when it holds nothing but comments and blank lines. */
    public List<YamlDocument> read(Path file) throws YamlException {
        String name = file.toString();
        try {
            return parse(name, decode(name, InputFile.read(file, limits.maxBytes(), "YAML file")));
        } catch (InputException e) {
            throw new YamlException(e.position(), e.getMessage());
        }
    }

    /** All documents of YAML text (already decoded). */
    public List<YamlDocument> parse(String name, String text) throws YamlException {
        if (text.length() > limits.maxBytes()) {
            throw new YamlException(SourcePosition.ofFile(name),
                    "document is larger than " + limits.maxBytes() + " characters");
        }
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(limits.maxCollectionAliases());
        options.setNestingDepthLimit(limits.maxDepth());
        options.setCodePointLimit(limits.maxBytes());
        options.setAllowRecursiveKeys(false);
        options.setProcessComments(false);
        // The composer alone, as Yaml.composeAll builds it: a Yaml object would also build a constructor and a
        // representer this reader never uses, and their start-up (java.util.logging's included) is paid per CLI run.
        Composer composer = new Composer(new ParserImpl(new StreamReader(new StringReader(text)), options),
                new Resolver(), options);
        NodeConverter converter = new NodeConverter(name, limits);
        List<YamlDocument> documents = new ArrayList<>();
        try {
            while (composer.checkNode()) {
                Node node = composer.getNode();
                int index = documents.size() + 1;
                SourcePosition start = converter.position(node.getStartMark());
                documents.add(new YamlDocument(name, index, start, converter.convertDocument(node)));
            }
        } catch (MarkedYAMLException e) {
            throw new YamlException(positionOf(name, e), describe(e));
        } catch (ReaderException e) {
            throw new YamlException(SourcePosition.atOffset(name, text, e.getPosition()),
                    String.format("control character U+%04X is not allowed in YAML", e.getCodePoint()));
        } catch (YAMLException e) {
            String m = e.getMessage() == null ? "" : e.getMessage();
            SourcePosition at = m.contains("Nesting Depth") ? tooDeep(name, text) : SourcePosition.ofFile(name);
            throw new YamlException(at, aliasLimitMessage(e));
        }
        return documents;
    }

    /** Where nesting first goes deeper than the limit, found by walking the parser's events (which do not recurse). */
    private SourcePosition tooDeep(String name, String text) {
        int depth = 0;
        try {
            ParserImpl parser = new ParserImpl(new StreamReader(new StringReader(text)), new LoaderOptions());
            while (parser.peekEvent() != null) {
                Event event = parser.getEvent();
                if (event instanceof CollectionStartEvent && ++depth > limits.maxDepth()) {
                    Mark m = event.getStartMark();
                    return new SourcePosition(name, m.getLine() + 1, m.getColumn() + 1);
                }
                if (event instanceof CollectionEndEvent) {
                    depth--;
                }
            }
        } catch (YAMLException ignored) {
            // a syntax error after the deep part: the file as a whole is the best place we have
        }
        return SourcePosition.ofFile(name);
    }

    private String aliasLimitMessage(YAMLException e) {
        String m = e.getMessage() == null ? "invalid YAML" : e.getMessage();
        if (m.contains("Number of aliases")) {
            return "too many aliases to maps or lists (more than " + limits.maxCollectionAliases()
                    + "); refusing a possible alias bomb";
        }
        if (m.contains("Nesting Depth")) {
            return "maps and lists nested deeper than " + limits.maxDepth() + " levels";
        }
        if (m.contains("code points")) {
            return "document is larger than " + limits.maxBytes() + " characters";
        }
        return m;
    }

    private static String describe(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
        Mark context = e.getContextMark();
        if (e.getContext() != null && context != null) {
            return problem + " (" + e.getContext() + " at line " + (context.getLine() + 1) + ")";
        }
        return problem;
    }

    private static SourcePosition positionOf(String name, MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        return mark == null ? SourcePosition.ofFile(name)
                : new SourcePosition(name, mark.getLine() + 1, mark.getColumn() + 1);
    }

    /** Decodes UTF-8 strictly (a byte-order mark is allowed); UTF-16 when a UTF-16 byte-order mark says so. */
    static String decode(String name, byte[] bytes) throws YamlException {
        int offset = 0;
        var charset = StandardCharsets.UTF_8;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            offset = 3;
        } else if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            offset = 2;
        } else if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            offset = 2;
        }
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isUnderflow()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int bad = in.position();
            String before = new String(bytes, offset, bad - offset, charset);
            throw new YamlException(SourcePosition.atOffset(name, before, before.length()),
                    String.format("invalid %s byte 0x%02X: YAML files must be UTF-8 encoded",
                            charset == StandardCharsets.UTF_8 ? "UTF-8" : "UTF-16", bytes[bad] & 0xff));
        }
        return out.flip().toString();
    }
}
