/**
 * text/template's builtin functions: comparisons ({@link io.kanisterhooks.template.builtin.GoCompare}, also
 * used by Kubernetes JSONPath filters), the escapers, {@code index}, {@code slice}, {@code len} and the rest, and
 * text/template's notion of truth ({@link io.kanisterhooks.template.builtin.Truth}).
 */
package io.kanisterhooks.template.builtin;
