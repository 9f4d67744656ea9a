package io.kanisterhooks.yaml;

/**
 * Bounds that keep hostile or broken input from exhausting memory or time.
 *
 * @param maxBytes             size of one file
 * @param maxCollectionAliases aliases that refer to maps or lists (each may multiply the document: billion laughs)
 * @param maxNodes             nodes after alias expansion, per document
 * @param maxDepth             nesting of maps and lists
 */
public record YamlLimits(int maxBytes, int maxCollectionAliases, int maxNodes, int maxDepth) {

    /** Generous for blueprints and K10 objects (the largest Kanister example is under 20 KiB). */
    public static final YamlLimits DEFAULT = new YamlLimits(4 * 1024 * 1024, 64, 200_000, 64);
}
