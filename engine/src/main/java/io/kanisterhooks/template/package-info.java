/**
 * Go's {@code text/template} in Java, byte-for-byte compatible with what Kanister renders.
 *
 * <p>{@link io.kanisterhooks.template.Template} parses and executes; {@link io.kanisterhooks.template.TemplateOptions}
 * selects {@code missingkey}, the function map and delimiters; failures are
 * {@link io.kanisterhooks.template.TemplateParseException}s and
 * {@link io.kanisterhooks.template.TemplateExecException}s with Go's messages. Values follow the model in
 * {@link io.kanisterhooks.template.value}; functions are declared with Go signatures in a
 * {@link io.kanisterhooks.template.func.FuncMap}; the syntax tree ({@link io.kanisterhooks.template.parse}) can be
 * inspected.
 *
 * <p>Semantics follow Go 1.24+: {@code {{else with}}} (1.23), {@code range} over integers (1.24). Error texts
 * follow the Go release the conformance corpus was recorded with where newer releases reworded them.
 */
package io.kanisterhooks.template;
