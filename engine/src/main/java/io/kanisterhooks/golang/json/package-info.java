/**
 * Go's {@code encoding/json} for the template value model: {@link io.kanisterhooks.golang.json.GoJson}.
 */
package io.kanisterhooks.golang.json;
