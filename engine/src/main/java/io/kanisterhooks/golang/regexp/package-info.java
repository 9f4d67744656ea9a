/**
 * Go's {@code regexp} and {@code regexp/syntax}: {@link io.kanisterhooks.golang.regexp.Re2Parser} checks RE2 syntax
 * with Go's error texts and translates it to java.util.regex (character classes as Go builds them: Unicode tables,
 * case folding, negation), {@link io.kanisterhooks.golang.regexp.GoRegexp} matches, replaces and splits with Go's
 * rules for repeated matches and {@code $1}/{@code ${name}} templates.
 */
package io.kanisterhooks.golang.regexp;
