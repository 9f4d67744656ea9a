/**
 * Go's {@code path}: lexical handling of slash-separated paths ({@code Clean}, {@code Base}, {@code Dir}, {@code
 * Ext}).
 */
package io.kanisterhooks.golang.path;
