/**
 * Go's template lexer and parser and the syntax tree they produce. {@link io.kanisterhooks.template.parse.Parser}
 * builds one {@link io.kanisterhooks.template.parse.Tree} per template (top level, {@code define}, {@code block})
 * with Go's grammar and error texts. Nodes render as Go renders them in error messages and can be walked
 * ({@link io.kanisterhooks.template.parse.Node#walk}) to inspect templates, e.g. to find field chains.
 */
package io.kanisterhooks.template.parse;
