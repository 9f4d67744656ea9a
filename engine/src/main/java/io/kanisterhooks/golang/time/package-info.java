/**
 * Go's {@code time}: instants with a location ({@link io.kanisterhooks.golang.time.GoTime}), durations and their
 * {@code String}/{@code ParseDuration} forms ({@link io.kanisterhooks.golang.time.GoDuration}), zones read from the
 * system's TZif files ({@link io.kanisterhooks.golang.time.GoLocation}), and {@code Format}/{@code Parse} with Go's
 * reference layouts and error texts. {@link io.kanisterhooks.golang.time.GoTimeTypes} gives them their Go types and
 * methods in the value model.
 */
package io.kanisterhooks.golang.time;
