/**
 * The parts of Go's {@code math} whose last-bit results sprig depends on: {@code Pow10} as Go computes it, and
 * {@code Modf}.
 */
package io.kanisterhooks.golang.math;
