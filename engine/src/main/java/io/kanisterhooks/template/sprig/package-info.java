/**
 * The sprig v2.22 function library as Kanister registers it ({@link io.kanisterhooks.template.sprig.KanisterSprig}),
 * with what sprig itself brings along: goutils and xstrings string functions, semver versions and constraints, and
 * the crypto and certificate functions. The Go runtime sprig calls (strings, strconv, regexp, url, path, base64, time,
 * ...) is {@code io.kanisterhooks.golang}.
 */
package io.kanisterhooks.template.sprig;
