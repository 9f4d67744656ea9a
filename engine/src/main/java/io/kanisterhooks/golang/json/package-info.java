/**
 * Go's {@code encoding/json} for the Go value model: {@link io.kanisterhooks.golang.json.GoJson} marshals as {@code
 * json.Marshal} and decodes as {@code json.Unmarshal} (generic or into Go types, with Go's syntax and type error
 * texts; one scanner reads all JSON text), and finds struct fields by JSON name as the decoder does. {@link
 * io.kanisterhooks.golang.json.UntypedValues} sees JSON-shaped Java data (from YAML and JSON libraries) as the Go
 * values {@code json.Unmarshal} gives {@code interface {}}: their type names and {@code %v} text.
 */
package io.kanisterhooks.golang.json;
