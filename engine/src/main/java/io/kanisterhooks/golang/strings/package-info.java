/**
 * Go's {@code strings}, {@code unicode} and {@code unicode/utf8} on Java strings: Go string semantics (length in UTF-8
 * bytes, byte order) and the {@code strings} functions that differ from Java's ({@link
 * io.kanisterhooks.golang.strings.GoStrings}, including {@code EqualFold}), {@code unicode}'s predicates and simple
 * case mappings ({@link io.kanisterhooks.golang.strings.GoUnicode}) and case-folding orbits ({@code SimpleFold},
 * {@link io.kanisterhooks.golang.strings.CaseOrbits}), UTF-8 decoding with Go's error handling ({@link
 * io.kanisterhooks.golang.strings.GoUtf8}), and byte strings held one char per byte ({@link
 * io.kanisterhooks.golang.strings.Latin1}) for code that indexes Go strings by byte.
 */
package io.kanisterhooks.golang.strings;
