/**
 * Go's {@code fmt}: {@link io.kanisterhooks.golang.fmt.GoFmt} prints values of the Go value model ({@link
 * io.kanisterhooks.golang.value}) with every verb, flag, width and precision and Go's error texts ({@code
 * %!d(string=a)}). It rests on {@code strconv}'s float formatting and quoting ({@link
 * io.kanisterhooks.golang.strconv}).
 * This is the one {@code %v} of the engine: error messages that show JSON-shaped data print it through {@link
 * io.kanisterhooks.golang.json.UntypedValues}, and safely through {@code io.kanisterhooks.secrets.SafeFormat}.
 */
package io.kanisterhooks.golang.fmt;
