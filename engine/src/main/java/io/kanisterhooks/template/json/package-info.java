/**
 * Go's {@code encoding/json} for the template value model: {@link io.kanisterhooks.template.json.GoJson}.
 */
package io.kanisterhooks.template.json;
