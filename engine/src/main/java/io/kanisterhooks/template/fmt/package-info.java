/**
 * Go's {@code fmt} printing ({@link io.kanisterhooks.template.fmt.GoFmt}) and the parts of {@code strconv} it
 * rests on: float formatting ({@link io.kanisterhooks.template.fmt.FloatFormat}) and quoting
 * ({@link io.kanisterhooks.template.fmt.GoQuote}).
 */
package io.kanisterhooks.template.fmt;
