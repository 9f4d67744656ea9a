/**
 * Go's {@code text/template} in Java, byte-for-byte compatible with what Kanister renders, with the sprig function
 * library ({@link io.kanisterhooks.template.sprig}) and nothing else.
 *
 * <p>{@link io.kanisterhooks.template.Template} parses and executes; {@link io.kanisterhooks.template.TemplateOptions}
 * selects {@code missingkey}, the function map and delimiters; failures are
 * {@link io.kanisterhooks.template.TemplateParseException}s and
 * {@link io.kanisterhooks.template.TemplateExecException}s with Go's messages. Functions are declared with Go
 * signatures in a {@link io.kanisterhooks.template.func.FuncMap}; text/template's own functions (comparisons, {@code
 * index}, the escapers, truth) are in {@link io.kanisterhooks.template.builtin}; the syntax tree ({@link
 * io.kanisterhooks.template.parse}) can be inspected.
 *
 * <p>Values follow Go's value model and everything else Go's runtime gives templates (fmt, strconv, strings, time,
 * encoding/json, regexp, ...) comes from {@code io.kanisterhooks.golang}, the only package outside this one that
 * template code imports.
 *
 * <p>Semantics follow Go 1.24+: {@code {{else with}}} (1.23), {@code range} over integers (1.24). Error texts
 * follow the Go release the conformance corpus was recorded with where newer releases reworded them.
 */
package io.kanisterhooks.template;
