/**
 * Go's {@code strconv}: number and boolean parsing with Go's {@code *NumError} texts ({@link
 * io.kanisterhooks.golang.strconv.GoStrconv}), quoting and unquoting of Go literals and {@code IsPrint} ({@link
 * io.kanisterhooks.golang.strconv.GoQuote}), and the shortest and fixed float formatting {@code fmt} and {@code
 * encoding/json} print with ({@link io.kanisterhooks.golang.strconv.FloatFormat}).
 */
package io.kanisterhooks.golang.strconv;
