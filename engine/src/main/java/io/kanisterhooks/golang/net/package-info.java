/**
 * Go's {@code net} and {@code net/url}: {@code net.ParseIP} and IP formatting ({@link
 * io.kanisterhooks.golang.net.GoIp}), {@code url.Parse}, {@code URL.String} and {@code url.QueryEscape} ({@link
 * io.kanisterhooks.golang.net.GoUrl}) with Go's error texts.
 */
package io.kanisterhooks.golang.net;
