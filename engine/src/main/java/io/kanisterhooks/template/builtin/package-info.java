/**
 * text/template's builtin functions: comparisons ({@link io.kanisterhooks.template.builtin.GoCompare}, also
 * used by Kubernetes JSONPath filters), the escapers, {@code index}, {@code slice}, {@code len} and the rest.
 */
package io.kanisterhooks.template.builtin;
