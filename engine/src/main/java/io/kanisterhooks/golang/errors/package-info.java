/**
 * Go's {@code error} and panics as Java exceptions, the bottom of the Go runtime port: {@link
 * io.kanisterhooks.golang.errors.GoError} is an error or recovered panic whose message is Go's text (what template
 * functions throw), {@link io.kanisterhooks.golang.errors.GoPanic} a runtime panic ({@code runtime error: index out
 * of range [3] with length 2}), {@link io.kanisterhooks.golang.errors.GoException} the checked form of a Go function's
 * non-nil {@code error} result, for callers that decide what it becomes.
 */
package io.kanisterhooks.golang.errors;
