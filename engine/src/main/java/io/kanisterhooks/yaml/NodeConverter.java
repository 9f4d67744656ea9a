package io.kanisterhooks.yaml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Turns SnakeYAML's composed node graph into {@link YamlNode}s: types scalars like Kubernetes does, expands aliases
 * (counting every produced node, so an alias bomb stops at {@link YamlLimits#maxNodes()}), applies merge keys and rejects
 * duplicate keys with the place of both definitions.
 */
final class NodeConverter {

    private static final Resolver SNAKE_RESOLVER = new Resolver();

    private final String file;
    private final YamlLimits limits;
    private int produced;

    NodeConverter(String file, YamlLimits limits) {
        this.file = file;
        this.limits = limits;
    }

    SourcePosition position(Mark mark) {
        return new SourcePosition(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    YamlNode convertDocument(Node root) throws YamlException {
        produced = 0;
        if (root instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag()) && scalar.getValue().isEmpty()) {
            return null;
        }
        return convert(root, 0);
    }

    private YamlNode convert(Node node, int depth) throws YamlException {
        if (++produced > limits.maxNodes()) {
            throw new YamlException(position(node.getStartMark()), "aliases expand the document to more than "
                    + limits.maxNodes() + " nodes; refusing a possible alias bomb");
        }
        if (depth > limits.maxDepth()) {
            throw new YamlException(position(node.getStartMark()),
                    "maps and lists nested deeper than " + limits.maxDepth() + " levels (recursive alias?)");
        }
        return switch (node.getNodeId()) {
            case scalar -> scalar((ScalarNode) node);
            case sequence -> sequence((SequenceNode) node, depth);
            case mapping -> mapping((MappingNode) node, depth);
            default -> throw new YamlException(position(node.getStartMark()), "unsupported YAML node");
        };
    }

    private YamlScalar scalar(ScalarNode node) throws YamlException {
        ScalarStyle style = node.getScalarStyle();
        String text = node.getValue();
        boolean plain = style == ScalarStyle.PLAIN;
        boolean block = style == ScalarStyle.LITERAL || style == ScalarStyle.FOLDED;
        Object value = text;
        if (plain && !explicitlyString(node)) {
            value = ScalarResolver.resolvePlain(text);
            if (value == ScalarResolver.NOT_JSON) {
                throw new YamlException(position(node.getStartMark()),
                        "value " + text + " cannot be represented in JSON (Kubernetes objects are JSON)");
            }
        }
        return new YamlScalar(value, text, plain, block, position(node.getStartMark()));
    }

    /** {@code !!str 12} or a custom tag: the author asked for the text as it is. */
    private static boolean explicitlyString(ScalarNode node) {
        Tag tag = node.getTag();
        boolean tagged = !tag.equals(SNAKE_RESOLVER.resolve(NodeId.scalar, node.getValue(), true));
        return tagged && (Tag.STR.equals(tag) || !isCoreScalarTag(tag));
    }

    private static boolean isCoreScalarTag(Tag tag) {
        return Tag.INT.equals(tag) || Tag.FLOAT.equals(tag) || Tag.BOOL.equals(tag) || Tag.NULL.equals(tag)
                || Tag.TIMESTAMP.equals(tag) || Tag.MERGE.equals(tag);
    }

    private YamlSequence sequence(SequenceNode node, int depth) throws YamlException {
        List<YamlNode> items = new ArrayList<>(node.getValue().size());
        for (Node item : node.getValue()) {
            items.add(convert(item, depth + 1));
        }
        return new YamlSequence(items, position(node.getStartMark()));
    }

    private YamlMapping mapping(MappingNode node, int depth) throws YamlException {
        List<YamlMapping.Entry> entries = new ArrayList<>();
        Map<String, SourcePosition> seen = new HashMap<>();
        List<Node> merges = new ArrayList<>();
        for (NodeTuple tuple : node.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (keyNode instanceof ScalarNode k && Tag.MERGE.equals(k.getTag())) {
                merges.add(tuple.getValueNode());
                continue;
            }
            if (!(keyNode instanceof ScalarNode)) {
                throw new YamlException(position(keyNode.getStartMark()),
                        "map keys must be scalars (Kubernetes objects are JSON)");
            }
            YamlScalar key = scalar((ScalarNode) keyNode);
            String name = keyString(key.value());
            SourcePosition first = seen.putIfAbsent(name, key.position());
            if (first != null) {
                throw new YamlException(key.position(),
                        "mapping key \"" + name + "\" already defined at line " + first.line());
            }
            entries.add(new YamlMapping.Entry(name, key.position(), convert(tuple.getValueNode(), depth + 1)));
        }
        for (Node merge : merges) {
            for (YamlMapping.Entry inherited : mergeSources(merge, depth)) {
                if (!seen.containsKey(inherited.key())) {
                    seen.put(inherited.key(), inherited.keyPosition());
                    entries.add(inherited);
                }
            }
        }
        return new YamlMapping(entries, position(node.getStartMark()));
    }

    /** The entries a {@code <<} key brings in: one map, or a list of maps where earlier maps win. */
    private List<YamlMapping.Entry> mergeSources(Node merge, int depth) throws YamlException {
        List<Node> sources = merge instanceof SequenceNode seq ? seq.getValue() : List.of(merge);
        List<YamlMapping.Entry> result = new ArrayList<>();
        Map<String, Boolean> taken = new HashMap<>();
        for (Node source : sources) {
            if (!(source instanceof MappingNode)) {
                throw new YamlException(position(source.getStartMark()), "merge key << needs a map or a list of maps");
            }
            for (YamlMapping.Entry e : mapping((MappingNode) source, depth + 1).entries()) {
                if (taken.putIfAbsent(e.key(), Boolean.TRUE) == null) {
                    result.add(e);
                }
            }
        }
        return result;
    }

    /** Non-string keys become strings the way Kubernetes' YAML→JSON conversion prints them. */
    private static String keyString(Object key) {
        if (key == null) {
            return "null";
        }
        if (key instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e21) {
            return String.valueOf(d.longValue());
        }
        return String.valueOf(key);
    }
}
