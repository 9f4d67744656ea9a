/**
 * The template conformance corpus: cases ({@link io.kanisterhooks.conformance.CorpusCase}) run through exactly the
 * code paths the engine uses for Kanister's call sites ({@link io.kanisterhooks.conformance.CorpusRunner}), results in
 * the format the corpus' {@code compare.py} reads ({@link io.kanisterhooks.conformance.CorpusResult}). Used by the
 * CLI's {@code template conformance} and {@code template render}.
 */
package io.kanisterhooks.conformance;
