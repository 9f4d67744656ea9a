/**
 * Go's value model: how Go values and types are represented in Java — what Go's {@code reflect} and runtime give
 * text/template (types, kinds, structs with their tags, methods, {@code reflect.DeepEqual}).
 *
 * <p>Templates, sprig functions, Kubernetes JSONPath and Kanister's TemplateParams all exchange values in this
 * model. Where a plain Java object is unambiguous it is used directly; every other Go type has a small class
 * implementing {@link io.kanisterhooks.golang.value.GoValue} that carries its
 * {@link io.kanisterhooks.golang.value.GoType}. JSON and Kubernetes data arrive exactly in the plain shapes.
 *
 * <table>
 *   <caption>Go values and their Java representation</caption>
 *   <tr><th>Go</th><th>Java</th></tr>
 *   <tr><td>untyped nil, nil {@code interface {}}</td><td>{@code null}</td></tr>
 *   <tr><td>{@code string}</td><td>{@link java.lang.String} (valid UTF-8 only; {@code len} counts UTF-8
 *       bytes)</td></tr>
 *   <tr><td>{@code bool}</td><td>{@link java.lang.Boolean}</td></tr>
 *   <tr><td>{@code int64}</td><td>{@link java.lang.Long}</td></tr>
 *   <tr><td>{@code float64}</td><td>{@link java.lang.Double}</td></tr>
 *   <tr><td>{@code []byte} (non-nil)</td><td>{@code byte[]}</td></tr>
 *   <tr><td>{@code []interface {}} (non-nil)</td><td>{@code java.util.List<Object>}</td></tr>
 *   <tr><td>{@code map[string]interface {}} (non-nil)</td><td>{@code java.util.Map<String, Object>}</td></tr>
 *   <tr><td>{@code int} (64-bit), {@code int32}, {@code uint8}, {@code uint64}, named integer types</td>
 *       <td>{@link io.kanisterhooks.golang.value.GoInt}</td></tr>
 *   <tr><td>{@code complex128}</td><td>{@link io.kanisterhooks.golang.value.GoComplex}</td></tr>
 *   <tr><td>named string/bool/float types ({@code param.CredentialType}), {@code float32}</td>
 *       <td>{@link io.kanisterhooks.golang.value.GoNamed}</td></tr>
 *   <tr><td>typed slices ({@code []string}, {@code []int}, {@code [][]string}), arrays, any nil slice</td>
 *       <td>{@link io.kanisterhooks.golang.value.GoSlice}</td></tr>
 *   <tr><td>typed maps ({@code map[string]string}, {@code map[string][]byte}, ...), any nil map</td>
 *       <td>{@link io.kanisterhooks.golang.value.GoMap}</td></tr>
 *   <tr><td>structs with Go field names, embedded fields and json tags</td>
 *       <td>{@link io.kanisterhooks.golang.value.GoStruct}</td></tr>
 *   <tr><td>pointers ({@code *param.StatefulSetParams}), nil pointers</td>
 *       <td>{@link io.kanisterhooks.golang.value.GoPointer}</td></tr>
 *   <tr><td>opaque library types ({@code time.Time}, {@code *semver.Version})</td>
 *       <td>your own class implementing {@link io.kanisterhooks.golang.value.GoValue}</td></tr>
 *   <tr><td>functions</td><td>{@code io.kanisterhooks.template.func.TemplateFunction}</td></tr>
 * </table>
 *
 * <p>Each Go value has exactly one representation: the typed classes refuse to wrap what a plain Java object
 * already expresses (a non-nil {@code []interface {}} is never a {@code GoSlice}). Java {@code Integer},
 * {@code Float} and other objects are not values; {@link io.kanisterhooks.golang.value.Values#typeOf} rejects
 * them, so mistakes surface early.
 *
 * <p>{@link io.kanisterhooks.golang.value.Values#typeOf} is the one place that tells the Go type of any value;
 * {@link io.kanisterhooks.golang.value.GoType#name()} is exactly what Go's {@code %T} prints
 * ({@code []interface {}}, {@code map[string]interface {}}, {@code *param.StatefulSetParams}). Types of methods
 * ({@link io.kanisterhooks.golang.value.GoType#defineMethod}) make values callable from templates
 * ({@code .Major}, {@code .Format "2006"}) and give them {@code String} (fmt) and {@code MarshalJSON}
 * (encoding/json) behaviour.
 *
 * <p>Struct fields carry their Go struct tags: the {@code json} key is what encoding/json uses, others ({@code
 * patchStrategy}, {@code patchMergeKey}) are read with {@link io.kanisterhooks.golang.value.StructField#tag}.
 * {@link io.kanisterhooks.golang.value.Values#deepEqual} is {@code reflect.DeepEqual}; Go errors and panics
 * raised by Java implementations are {@link io.kanisterhooks.golang.errors.GoError}s carrying Go's text.
 */
package io.kanisterhooks.golang.value;
