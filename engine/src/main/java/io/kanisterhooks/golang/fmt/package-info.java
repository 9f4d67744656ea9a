/**
 * Go's {@code fmt} printing ({@link io.kanisterhooks.golang.fmt.GoFmt}) and the parts of {@code strconv} it
 * rests on: float formatting ({@link io.kanisterhooks.golang.strconv.FloatFormat}) and quoting
 * ({@link io.kanisterhooks.golang.strconv.GoQuote}).
 */
package io.kanisterhooks.golang.fmt;
