package io.kanisterhooks.template;

import static io.kanisterhooks.golang.value.GoType.BOOL;
import static io.kanisterhooks.golang.value.GoType.BYTES;
import static io.kanisterhooks.golang.value.GoType.FLOAT64;
import static io.kanisterhooks.golang.value.GoType.INT;
import static io.kanisterhooks.golang.value.GoType.INT32;
import static io.kanisterhooks.golang.value.GoType.INT64;
import static io.kanisterhooks.golang.value.GoType.INTERFACE;
import static io.kanisterhooks.golang.value.GoType.MAP_OF_INTERFACE;
import static io.kanisterhooks.golang.value.GoType.MAP_OF_STRING;
import static io.kanisterhooks.golang.value.GoType.SLICE_OF_INT;
import static io.kanisterhooks.golang.value.GoType.SLICE_OF_STRING;
import static io.kanisterhooks.golang.value.GoType.STRING;
import static io.kanisterhooks.golang.value.GoType.UINT8;
import static io.kanisterhooks.golang.value.GoType.mapOf;
import static io.kanisterhooks.golang.value.GoType.pointerTo;
import static io.kanisterhooks.golang.value.GoType.sliceOf;

import io.kanisterhooks.golang.errors.GoError;
import io.kanisterhooks.golang.fmt.GoFmt;
import io.kanisterhooks.golang.json.GoJson;
import io.kanisterhooks.golang.value.GoInt;
import io.kanisterhooks.golang.value.GoMap;
import io.kanisterhooks.golang.value.GoNamed;
import io.kanisterhooks.golang.value.GoPointer;
import io.kanisterhooks.golang.value.GoSlice;
import io.kanisterhooks.golang.value.GoStruct;
import io.kanisterhooks.golang.value.GoType;
import io.kanisterhooks.golang.value.Values;
import io.kanisterhooks.template.func.FuncMap;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Go types, data and functions of a Go test program (package {@code fixture}) rebuilt in the value model, so
 * templates over structs, pointers, typed maps, methods and typed function parameters can be compared with Go's
 * results.
 */
final class TypedFixture {
    static final GoType STATEFUL_SET = GoType.struct("fixture.StatefulSetParams")
            .field("Name", STRING).field("Namespace", STRING).field("Pods", SLICE_OF_STRING)
            .field("Containers", sliceOf(SLICE_OF_STRING))
            .field("PersistentVolumeClaims", mapOf(STRING, MAP_OF_STRING)).build();
    static final GoType CREDENTIAL_TYPE = GoType.named("fixture.CredentialType", STRING);
    static final GoType KEY_PAIR = GoType.struct("fixture.KeyPair").field("ID", STRING).field("Secret", STRING)
            .build();
    static final GoType CREDENTIAL = GoType.struct("fixture.Credential").field("Type", CREDENTIAL_TYPE)
            .field("KeyPair", pointerTo(KEY_PAIR)).build();
    static final GoType TYPE_META = GoType.struct("fixture.TypeMeta").field("Kind", STRING, "kind,omitempty")
            .field("APIVersion", STRING, "apiVersion,omitempty").build();
    static final GoType OBJECT_META = GoType.struct("fixture.ObjectMeta").field("Name", STRING, "name,omitempty")
            .field("Namespace", STRING, "namespace,omitempty").field("Labels", MAP_OF_STRING, "labels,omitempty")
            .build();
    static final GoType SECRET_TYPE = GoType.named("fixture.SecretType", STRING);
    static final GoType SECRET = GoType.struct("fixture.Secret").embed("TypeMeta", TYPE_META, ",inline")
            .embed("ObjectMeta", OBJECT_META, "metadata,omitempty")
            .field("Immutable", pointerTo(BOOL), "immutable,omitempty")
            .field("Data", mapOf(STRING, BYTES), "data,omitempty")
            .field("StringData", MAP_OF_STRING, "stringData,omitempty")
            .field("Type", SECRET_TYPE, "type,omitempty").build();
    static final GoType VERSION = GoType.struct("fixture.Version").field("major", INT64).field("minor", INT64)
            .build();
    static final GoType INNER = GoType.struct("fixture.Inner").field("X", INT).field("Y", INT).build();
    static final GoType TAGGED = GoType.struct("fixture.Tagged").field("A", STRING, "a").field("B", INT, "b,omitempty")
            .field("C", STRING, "-").field("D", FLOAT64, "d,string").field("E", pointerTo(BOOL), "e")
            .field("F", SLICE_OF_INT, "f").field("G", mapOf(STRING, INT)).field("h", STRING)
            .embed("Inner", INNER, "inner").build();
    static final GoType PHASE = GoType.struct("fixture.Phase").field("Output", MAP_OF_INTERFACE).build();
    static final GoType TEMPLATE_PARAMS = GoType.struct("fixture.TemplateParams")
            .field("StatefulSet", pointerTo(STATEFUL_SET)).field("Deployment", pointerTo(STATEFUL_SET))
            .field("Options", MAP_OF_STRING).field("NilOptions", MAP_OF_STRING).field("Object", MAP_OF_INTERFACE)
            .field("Secrets", mapOf(STRING, SECRET)).field("Cred", CREDENTIAL).field("N", INT32).field("U", UINT8)
            .field("I", INT).field("Any", INTERFACE).field("NilAny", INTERFACE).field("V", pointerTo(VERSION))
            .field("NilV", pointerTo(VERSION)).field("Tagged", TAGGED).field("Bytes", BYTES)
            .field("NilBytes", BYTES).field("Strs", SLICE_OF_STRING).field("NilStrs", SLICE_OF_STRING)
            .field("Phases", mapOf(STRING, pointerTo(PHASE))).build();

    static {
        GoType versionPointer = pointerTo(VERSION);
        versionPointer.defineMethod("Major", "func() int64", (r, a) -> ((GoStruct) r).field(0));
        versionPointer.defineMethod("Minor", "func() int64", (r, a) -> ((GoStruct) r).field(1));
        versionPointer.defineMethod("String", "func() string",
                (r, a) -> ((GoStruct) r).field(0) + "." + ((GoStruct) r).field(1));
        versionPointer.defineMethod("Compare", "func(string) int",
                (r, a) -> GoInt.ofInt(((String) a[0]).length()));
    }

    private TypedFixture() {
    }

    private static GoSlice strings(String... s) {
        return GoSlice.of(SLICE_OF_STRING, List.of(s));
    }

    static GoStruct data() {
        GoStruct sts = GoStruct.zero(STATEFUL_SET).set("Name", "mysql").set("Namespace", "db")
                .set("Pods", strings("p0", "p1"))
                .set("Containers", GoSlice.of(sliceOf(SLICE_OF_STRING), List.of(strings("c1", "c2"), strings("c1"))))
                .set("PersistentVolumeClaims", GoMap.of(mapOf(STRING, MAP_OF_STRING),
                        Map.of("p0", GoMap.of(MAP_OF_STRING, Map.of("data-p0", "/d")))));
        GoStruct secret = GoStruct.zero(SECRET)
                .set("TypeMeta", GoStruct.zero(TYPE_META).set("Kind", "Secret"))
                .set("ObjectMeta", GoStruct.zero(OBJECT_META).set("Name", "sec").set("Namespace", "ns")
                        .set("Labels", GoMap.of(MAP_OF_STRING, Map.of("app", "x"))))
                .set("Data", GoMap.of(mapOf(STRING, BYTES), Map.of("k", "root".getBytes(StandardCharsets.UTF_8))))
                .set("Type", GoNamed.of(SECRET_TYPE, "Opaque"))
                .set("Immutable", GoPointer.to(pointerTo(BOOL), true));
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("b", "2");
        options.put("a", "1");
        Map<String, Object> phases = new LinkedHashMap<>();
        phases.put("p", GoPointer.to(GoStruct.zero(PHASE).set("Output", new LinkedHashMap<>(Map.of("o", "v")))));
        phases.put("nilphase", GoPointer.nil(pointerTo(PHASE)));
        return GoStruct.zero(TEMPLATE_PARAMS)
                .set("StatefulSet", GoPointer.to(sts))
                .set("Options", GoMap.of(MAP_OF_STRING, options))
                .set("Object", GoJson.decode("{\"spec\":{\"replicas\":3},\"kind\":\"X\"}", GoJson.NumberMode.INT64))
                .set("Secrets", GoMap.of(mapOf(STRING, SECRET), Map.of("s", secret)))
                .set("Cred", GoStruct.zero(CREDENTIAL).set("Type", GoNamed.of(CREDENTIAL_TYPE, "keyPair")))
                .set("N", GoInt.ofInt32(3))
                .set("U", GoInt.ofUint8(200))
                .set("I", GoInt.ofInt(7))
                .set("Any", "anything")
                .set("V", GoPointer.to(GoStruct.of(VERSION, 1L, 2L)))
                .set("Tagged", GoStruct.zero(TAGGED).set("A", "<a>").set("C", "hidden").set("D", 1.5)
                        .set("G", GoMap.of(mapOf(STRING, INT), Map.of("z", GoInt.ofInt(1))))
                        .set("Inner", GoStruct.of(INNER, GoInt.ofInt(1), GoInt.ofInt(2))))
                .set("Bytes", "hi".getBytes(StandardCharsets.UTF_8))
                .set("Strs", strings("x", "y"))
                .set("Phases", GoMap.of(mapOf(STRING, pointerTo(PHASE)), phases));
    }

    static FuncMap funcs() {
        return new FuncMap()
                .define("toJson", "func(interface {}) string", a -> {
                    try {
                        return GoJson.marshal(a[0]);
                    } catch (GoError e) {
                        return "ERR:" + e.getMessage();
                    }
                })
                .define("repeat", "func(int, string) string", a -> ((String) a[1]).repeat(((GoInt) a[0]).intValue()))
                .define("upper", "func(string) string", a -> ((String) a[0]).toUpperCase(java.util.Locale.ROOT))
                .define("ternary", "func(interface {}, interface {}, bool) interface {}",
                        a -> (Boolean) a[2] ? a[0] : a[1])
                .define("join", "func(string, interface {}) string", a -> GoFmt.sprint(a[1]))
                .define("keys", "func(...map[string]interface {}) []string",
                        a -> GoSlice.of(SLICE_OF_STRING, List.of(String.valueOf(a.length))))
                .define("fail", "func(string) (string, error)", a -> {
                    throw new GoError((String) a[0]);
                })
                .define("div", "func(int64, int64) int64", a -> {
                    if ((Long) a[1] == 0) {
                        throw new GoError("runtime error: integer divide by zero");
                    }
                    return (Long) a[0] / (Long) a[1];
                })
                .define("boom", "func() string", a -> {
                    throw new GoError("boom happened");
                })
                .define("ints", "func(...int64) string", a -> GoFmt.sprint(GoSlice.of(sliceOf(INT64), Arrays.asList(a))))
                .define("u8", "func(uint8) uint8", a -> a[0])
                .define("f32", "func(float32) float32", a -> a[0])
                .define("c128", "func(complex128) complex128", a -> a[0])
                .define("kp", "func(*fixture.KeyPair) string", a -> String.valueOf(Values.isNil(a[0])))
                .define("named", "func(fixture.CredentialType) string", a -> Values.stringOf(a[0]))
                .define("strs", "func([]string) string",
                        a -> GoFmt.sprint(GoInt.ofInt(Values.len(a[0])), Values.isNil(a[0])))
                .define("bytes", "func([]uint8) string",
                        a -> a[0] instanceof byte[] ? new String((byte[]) a[0], StandardCharsets.UTF_8) : "")
                .define("mapss", "func(map[string]string) string", a -> String.valueOf(Values.len(a[0])))
                .define("mapsi", "func(map[string]interface {}) string", a -> String.valueOf(Values.len(a[0])))
                .define("list", "func(...interface {}) []interface {}", a -> new ArrayList<>(Arrays.asList(a)))
                .define("nilslice", "func() []string", a -> null)
                .define("nilmap", "func() map[string]string", a -> null)
                .define("nilptr", "func() *fixture.KeyPair", a -> null)
                .define("iface", "func() interface {}", a -> null)
                .define("anyint", "func() interface {}", a -> GoInt.ofInt(5))
                .define("b", "func(bool) bool", a -> !(Boolean) a[0])
                .define("i8", "func(int8) int8", a -> a[0])
                .define("variadicS", "func(string, ...string) string", a -> {
                    List<String> rest = new ArrayList<>();
                    for (int i = 1; i < a.length; i++) {
                        rest.add((String) a[i]);
                    }
                    return a[0] + String.join(",", rest);
                });
    }
}
