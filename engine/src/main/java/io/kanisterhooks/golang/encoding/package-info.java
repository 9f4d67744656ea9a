/**
 * Go's {@code encoding/base64} and {@code encoding/base32} standard encodings, with the inputs their decoders reject
 * and the byte offsets their {@code CorruptInputError}s name.
 */
package io.kanisterhooks.golang.encoding;
