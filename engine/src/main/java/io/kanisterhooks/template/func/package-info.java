/**
 * Template functions: {@link io.kanisterhooks.template.func.FuncMap} (Go's {@code template.FuncMap}) and
 * {@link io.kanisterhooks.template.func.TemplateFunction}, a Java body with a declared Go signature.
 *
 * <p>The signature, written in Go's own notation ({@code "func(int, string) string"}), lets the executor do
 * what text/template does before a call: check the arity ({@code wrong number of args for upper: want 1 got 0}),
 * convert constants ({@code repeat 2.0 "ab"} works, {@code repeat 2.5 "ab"} fails with
 * {@code expected integer; found 2.5}), check assignability of evaluated values
 * ({@code wrong type for value; expected int; got int64}, {@code cannot assign nil to string},
 * {@code invalid value; expected string}). The Java body therefore receives arguments already converted to the
 * declared types and can cast them. A body throws {@link io.kanisterhooks.golang.errors.GoError} where the Go
 * function returns an error or panics; the template fails with {@code error calling NAME: MESSAGE}.
 */
package io.kanisterhooks.template.func;
