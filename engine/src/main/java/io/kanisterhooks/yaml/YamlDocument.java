package io.kanisterhooks.yaml;

/**
 * One document of a YAML file.
 *
 * @param index 1-based number of the document within its file
 * @param root  the document's root node; null for an empty document (e.g. a lone {@code ---})
 */
public record YamlDocument(String file, int index, SourcePosition start, YamlNode root) {
}
