/**
 * Go's {@code sort.SliceStable}, step for step: with a comparison that is not a strict weak order (as apimachinery
 * uses) only Go's exact sequence of comparisons and swaps gives Go's result.
 */
package io.kanisterhooks.golang.sort;
