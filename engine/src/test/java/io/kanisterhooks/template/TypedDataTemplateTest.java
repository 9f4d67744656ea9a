package io.kanisterhooks.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanisterhooks.golang.value.GoStruct;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Templates over Go structs, pointers, typed maps and slices, methods and typed function parameters
 * ({@link TypedFixture}), compared with the results of the same templates in Go 1.19 over the same Go values.
 */
class TypedDataTemplateTest {
    private static final GoStruct DATA = TypedFixture.data();
    private static final TemplateOptions OPTIONS = TemplateOptions.defaults().withMissingKey(MissingKey.ERROR)
            .withFuncs(TypedFixture.funcs());

    static Stream<Arguments> goResults() {
        return Stream.of(
                Arguments.of("{{.StatefulSet.Name}} {{.StatefulSet.Namespace}} {{.StatefulSet.Pods}} {{.StatefulSet.Containers}} {{.StatefulSet.PersistentVolumeClaims}}", "mysql db [p0 p1] [[c1 c2] [c1]] map[p0:map[data-p0:/d]]"),
                Arguments.of("{{.StatefulSet}}", "{mysql db [p0 p1] [[c1 c2] [c1]] map[p0:map[data-p0:/d]]}"),
                Arguments.of("{{printf \"%v|%+v\" .StatefulSet .StatefulSet}}", "&{mysql db [p0 p1] [[c1 c2] [c1]] map[p0:map[data-p0:/d]]}|&{Name:mysql Namespace:db Pods:[p0 p1] Containers:[[c1 c2] [c1]] PersistentVolumeClaims:map[p0:map[data-p0:/d]]}"),
                Arguments.of("{{printf \"%#v\" .StatefulSet}}", "&fixture.StatefulSetParams{Name:\"mysql\", Namespace:\"db\", Pods:[]string{\"p0\", \"p1\"}, Containers:[][]string{[]string{\"c1\", \"c2\"}, []string{\"c1\"}}, PersistentVolumeClaims:map[string]map[string]string{\"p0\":map[string]string{\"data-p0\":\"/d\"}}}"),
                Arguments.of("{{printf \"%T %T %T\" .StatefulSet .StatefulSet.Pods .StatefulSet.Containers}}", "*fixture.StatefulSetParams []string [][]string"),
                Arguments.of("{{.Deployment}}|{{if .Deployment}}y{{else}}n{{end}}|{{printf \"%v %T\" .Deployment .Deployment}}", "<nil>|n|<nil> *fixture.StatefulSetParams"),
                Arguments.of("{{.Deployment.Name}}", "ERR template: config:1:13: executing \"config\" at <.Deployment.Name>: nil pointer evaluating *fixture.StatefulSetParams.Name"),
                Arguments.of("{{.Deployment.Foo}}", "ERR template: config:1:13: executing \"config\" at <.Deployment.Foo>: can't evaluate field Foo in type *fixture.StatefulSetParams"),
                Arguments.of("{{.StatefulSet.name}}", "ERR template: config:1:14: executing \"config\" at <.StatefulSet.name>: can't evaluate field name in type *fixture.StatefulSetParams"),
                Arguments.of("{{.Unknown}}", "ERR template: config:1:2: executing \"config\" at <.Unknown>: can't evaluate field Unknown in type fixture.TemplateParams"),
                Arguments.of("{{.Options}} {{.Options.a}} {{index .Options \"zz\"}}|{{printf \"%T\" .Options}}", "map[a:1 b:2] 1 |map[string]string"),
                Arguments.of("{{.Options.zz}}", "ERR template: config:1:10: executing \"config\" at <.Options.zz>: map has no entry for key \"zz\""),
                Arguments.of("{{.NilOptions}}|{{len .NilOptions}}|{{if .NilOptions}}y{{else}}n{{end}}", "map[]|0|n"),
                Arguments.of("{{.NilOptions.x}}", "ERR template: config:1:13: executing \"config\" at <.NilOptions.x>: map has no entry for key \"x\""),
                Arguments.of("{{.Object.spec.replicas}} {{printf \"%T\" .Object.spec.replicas}} {{.Object}}", "3 int64 map[kind:X spec:map[replicas:3]]"),
                Arguments.of("{{.Secrets.s.Name}} {{.Secrets.s.ObjectMeta.Name}} {{.Secrets.s.Namespace}} {{.Secrets.s.Labels.app}} {{.Secrets.s.Kind}} {{.Secrets.s.Type}} {{printf \"%T\" .Secrets.s.Type}}", "sec sec ns x Secret Opaque fixture.SecretType"),
                Arguments.of("{{.Secrets.s.Data}} {{.Secrets.s.Data.k}} {{printf \"%s %q %x %T\" .Secrets.s.Data.k .Secrets.s.Data.k .Secrets.s.Data.k .Secrets.s.Data.k}}", "map[k:[114 111 111 116]] [114 111 111 116] root \"root\" 726f6f74 []uint8"),
                Arguments.of("{{.Secrets.s.data}}", "ERR template: config:1:10: executing \"config\" at <.Secrets.s.data>: can't evaluate field data in type fixture.Secret"),
                Arguments.of("{{.Secrets.s.Immutable}}", "true"),
                Arguments.of("{{.Secrets.x.Name}}", "ERR template: config:1:10: executing \"config\" at <.Secrets.x.Name>: map has no entry for key \"x\""),
                Arguments.of("{{index .Secrets \"x\"}}", "{{ } {  map[]} <nil> map[] map[] }"),
                Arguments.of("{{.Cred}} {{.Cred.Type}} {{printf \"%T\" .Cred.Type}} {{printf \"%v %+v %#v\" .Cred .Cred .Cred}}", "{keyPair <nil>} keyPair fixture.CredentialType {keyPair <nil>} {Type:keyPair KeyPair:<nil>} fixture.Credential{Type:\"keyPair\", KeyPair:(*fixture.KeyPair)(nil)}"),
                Arguments.of("{{.Cred.KeyPair.ID}}", "ERR template: config:1:7: executing \"config\" at <.Cred.KeyPair.ID>: nil pointer evaluating *fixture.KeyPair.ID"),
                Arguments.of("{{.Cred.KeyPair}}", "<nil>"),
                Arguments.of("{{.N}} {{printf \"%T\" .N}} {{eq .N 3}} {{lt .U 300}} {{.U}} {{printf \"%T %c %q\" .U .U .N}} {{eq .N .U}} {{eq .I 7}} {{printf \"%T\" .I}}", "3 int32 true true 200 uint8 \u00c8 '\\x03' false true int"),
                Arguments.of("{{lt .N 2.5}}", "ERR template: config:1:2: executing \"config\" at <lt .N 2.5>: error calling lt: incompatible types for comparison"),
                Arguments.of("{{eq .U -1}} {{lt -1 .U}} {{gt .U 100}}", "false true true"),
                Arguments.of("{{.Any}} {{printf \"%T\" .Any}} {{.NilAny}}|{{printf \"%v\" .NilAny}}", "anything string <no value>|<nil>"),
                Arguments.of("{{.NilAny.x}}", "ERR template: config:1:9: executing \"config\" at <.NilAny.x>: nil pointer evaluating interface {}.x"),
                Arguments.of("{{.Any.x}}", "ERR template: config:1:6: executing \"config\" at <.Any.x>: can't evaluate field x in type interface {}"),
                Arguments.of("{{.V}} {{.V.Major}} {{.V.Minor}} {{printf \"%v %s %d\" .V .V .V}} {{.V.Compare \"abc\"}}", "1.2 1 2 1.2 1.2 &{1 2} 3"),
                Arguments.of("{{.V.Major 1}}", "ERR template: config:1:4: executing \"config\" at <.V.Major>: wrong number of args for Major: want 0 got 1"),
                Arguments.of("{{.V.Compare}}", "ERR template: config:1:4: executing \"config\" at <.V.Compare>: wrong number of args for Compare: want 1 got 0"),
                Arguments.of("{{.NilV}}|{{if .NilV}}y{{else}}n{{end}}", "<nil>|n"),
                Arguments.of("{{.NilV.Major}}", "ERR template: config:1:7: executing \"config\" at <.NilV.Major>: error calling Major: runtime error: invalid memory address or nil pointer dereference"),
                Arguments.of("{{toJson .Tagged}}", "{\"a\":\"\\u003ca\\u003e\",\"d\":\"1.5\",\"e\":null,\"f\":null,\"G\":{\"z\":1},\"inner\":{\"X\":1,\"Y\":2}}"),
                Arguments.of("{{toJson .Secrets}}", "{\"s\":{\"kind\":\"Secret\",\"metadata\":{\"name\":\"sec\",\"namespace\":\"ns\",\"labels\":{\"app\":\"x\"}},\"immutable\":true,\"data\":{\"k\":\"cm9vdA==\"},\"type\":\"Opaque\"}}"),
                Arguments.of("{{toJson .StatefulSet}} {{toJson .Deployment}}", "{\"Name\":\"mysql\",\"Namespace\":\"db\",\"Pods\":[\"p0\",\"p1\"],\"Containers\":[[\"c1\",\"c2\"],[\"c1\"]],\"PersistentVolumeClaims\":{\"p0\":{\"data-p0\":\"/d\"}}} null"),
                Arguments.of("{{toJson .Cred}}", "{\"Type\":\"keyPair\",\"KeyPair\":null}"),
                Arguments.of("{{toJson .}}", "{\"StatefulSet\":{\"Name\":\"mysql\",\"Namespace\":\"db\",\"Pods\":[\"p0\",\"p1\"],\"Containers\":[[\"c1\",\"c2\"],[\"c1\"]],\"PersistentVolumeClaims\":{\"p0\":{\"data-p0\":\"/d\"}}},\"Deployment\":null,\"Options\":{\"a\":\"1\",\"b\":\"2\"},\"NilOptions\":null,\"Object\":{\"kind\":\"X\",\"spec\":{\"replicas\":3}},\"Secrets\":{\"s\":{\"kind\":\"Secret\",\"metadata\":{\"name\":\"sec\",\"namespace\":\"ns\",\"labels\":{\"app\":\"x\"}},\"immutable\":true,\"data\":{\"k\":\"cm9vdA==\"},\"type\":\"Opaque\"}},\"Cred\":{\"Type\":\"keyPair\",\"KeyPair\":null},\"N\":3,\"U\":200,\"I\":7,\"Any\":\"anything\",\"NilAny\":null,\"V\":{},\"NilV\":null,\"Tagged\":{\"a\":\"\\u003ca\\u003e\",\"d\":\"1.5\",\"e\":null,\"f\":null,\"G\":{\"z\":1},\"inner\":{\"X\":1,\"Y\":2}},\"Bytes\":\"aGk=\",\"NilBytes\":null,\"Strs\":[\"x\",\"y\"],\"NilStrs\":null,\"Phases\":{\"nilphase\":null,\"p\":{\"Output\":{\"o\":\"v\"}}}}"),
                Arguments.of("{{.Tagged}}", "{<a> 0 hidden 1.5 <nil> [] map[z:1]  {1 2}}"),
                Arguments.of("{{printf \"%+v\" .Tagged}}", "{A:<a> B:0 C:hidden D:1.5 E:<nil> F:[] G:map[z:1] h: Inner:{X:1 Y:2}}"),
                Arguments.of("{{.Tagged.h}}", "ERR template: config:1:9: executing \"config\" at <.Tagged.h>: h is an unexported field of struct type fixture.Tagged"),
                Arguments.of("{{.Tagged.X}} {{.Tagged.Inner.Y}}", "1 2"),
                Arguments.of("{{.Bytes}} {{.NilBytes}} {{printf \"%s|%v|%#v|%#v\" .Bytes .NilBytes .Bytes .NilBytes}}", "[104 105] [] hi|[]|[]byte{0x68, 0x69}|[]byte(nil)"),
                Arguments.of("{{.Strs}} {{.NilStrs}} {{printf \"%#v %#v\" .Strs .NilStrs}} {{len .NilStrs}}", "[x y] [] []string{\"x\", \"y\"} []string(nil) 0"),
                Arguments.of("{{range .StatefulSet.Pods}}{{.}}{{end}} {{range $i, $c := .StatefulSet.Containers}}{{$i}}{{$c}}{{end}}", "p0p1 0[c1 c2]1[c1]"),
                Arguments.of("{{range $k, $v := .Options}}{{$k}}={{$v}}{{end}} {{range .NilOptions}}x{{else}}none{{end}}", "a=1b=2 none"),
                Arguments.of("{{range .StatefulSet}}x{{end}}", "ERR template: config:1:8: executing \"config\" at <.StatefulSet>: range can't iterate over {mysql db [p0 p1] [[c1 c2] [c1]] map[p0:map[data-p0:/d]]}"),
                Arguments.of("{{range .Deployment}}x{{end}}", "ERR template: config:1:8: executing \"config\" at <.Deployment>: range can't iterate over <nil>"),
                Arguments.of("{{.Phases.p.Output.o}} {{.Phases.nilphase}}", "v <nil>"),
                Arguments.of("{{.Phases.nilphase.Output}}", "ERR template: config:1:9: executing \"config\" at <.Phases.nilphase.Output>: nil pointer evaluating *fixture.Phase.Output"),
                Arguments.of("{{.Phases.nilphase.Output.x}}", "ERR template: config:1:9: executing \"config\" at <.Phases.nilphase.Output.x>: nil pointer evaluating *fixture.Phase.Output"),
                Arguments.of("{{.Phases.zz.Output}}", "ERR template: config:1:9: executing \"config\" at <.Phases.zz.Output>: map has no entry for key \"zz\""),
                Arguments.of("{{repeat 2 \"ab\"}} {{repeat 2.0 \"ab\"}} {{repeat 'a' \"\" | len}}", "abab abab 0"),
                Arguments.of("{{repeat 2.5 \"ab\"}}", "ERR template: config:1:9: executing \"config\" at <2.5>: expected integer; found 2.5"),
                Arguments.of("{{repeat .I \"ab\"}}", "ababababababab"),
                Arguments.of("{{repeat .N \"ab\"}}", "ERR template: config:1:9: executing \"config\" at <.N>: wrong type for value; expected int; got int32"),
                Arguments.of("{{repeat \"x\" 3}}", "ERR template: config:1:9: executing \"config\" at <\"x\">: expected integer; found \"x\""),
                Arguments.of("{{repeat 1}}", "ERR template: config:1:2: executing \"config\" at <repeat>: wrong number of args for repeat: want 2 got 1"),
                Arguments.of("{{upper .Cred.Type}}", "ERR template: config:1:13: executing \"config\" at <.Cred.Type>: wrong type for value; expected string; got fixture.CredentialType"),
                Arguments.of("{{upper .NilAny}}", "ERR template: config:1:8: executing \"config\" at <.NilAny>: wrong type for value; expected string; got interface {}"),
                Arguments.of("{{upper nil}}", "ERR template: config:1:8: executing \"config\" at <nil>: cannot assign nil to string"),
                Arguments.of("{{.NilAny | upper}}", "ERR template: config:1:12: executing \"config\" at <upper>: invalid value; expected string"),
                Arguments.of("{{upper .Any}}", "ANYTHING"),
                Arguments.of("{{upper .Object.kind}} {{upper .Object.missing}}", "ERR template: config:1:38: executing \"config\" at <.Object.missing>: map has no entry for key \"missing\""),
                Arguments.of("{{ternary 1 2 .N}}", "ERR template: config:1:14: executing \"config\" at <.N>: wrong type for value; expected bool; got int32"),
                Arguments.of("{{ternary 1 2 true}} {{ternary 1 2 false}} {{true | ternary \"a\" \"b\"}}", "1 2 a"),
                Arguments.of("{{join .I .Strs}}", "ERR template: config:1:7: executing \"config\" at <.I>: wrong type for value; expected string; got int"),
                Arguments.of("{{keys .Options}}", "ERR template: config:1:7: executing \"config\" at <.Options>: wrong type for value; expected map[string]interface {}; got map[string]string"),
                Arguments.of("{{keys .Object}} {{keys .Object .Object}} {{keys}}", "[1] [2] [0]"),
                Arguments.of("{{mapsi .Object}} {{mapss .Options}} {{mapss .NilOptions}} {{mapss nil}} {{mapsi nil}}", "2 2 0 0 0"),
                Arguments.of("{{mapss .Object}}", "ERR template: config:1:8: executing \"config\" at <.Object>: wrong type for value; expected map[string]string; got map[string]interface {}"),
                Arguments.of("{{fail \"boom\"}}", "ERR template: config:1:2: executing \"config\" at <fail \"boom\">: error calling fail: boom"),
                Arguments.of("{{div 1 0}}", "ERR template: config:1:2: executing \"config\" at <div 1 0>: error calling div: runtime error: integer divide by zero"),
                Arguments.of("{{boom}}", "ERR template: config:1:2: executing \"config\" at <boom>: error calling boom: boom happened"),
                Arguments.of("{{ints}} {{ints 1 2}} {{ints .Object.spec.replicas}}", "[] [1 2] [3]"),
                Arguments.of("{{ints .I}}", "ERR template: config:1:7: executing \"config\" at <.I>: wrong type for value; expected int64; got int"),
                Arguments.of("{{ints 1.5}}", "ERR template: config:1:7: executing \"config\" at <1.5>: expected integer; found 1.5"),
                Arguments.of("{{u8 200}} {{u8 .U}}", "200 200"),
                Arguments.of("{{u8 300}}", "44"),
                Arguments.of("{{u8 -1}}", "ERR template: config:1:5: executing \"config\" at <-1>: expected unsigned integer; found -1"),
                Arguments.of("{{i8 300}}", "44"),
                Arguments.of("{{f32 1.5}} {{f32 1}} {{printf \"%T\" (f32 0.1)}} {{f32 0.1}}", "1.5 1 float32 0.1"),
                Arguments.of("{{c128 1i}} {{c128 2}}", "ERR template: config:1:19: executing \"config\" at <2>: expected complex; found 2"),
                Arguments.of("{{c128 .I}}", "ERR template: config:1:7: executing \"config\" at <.I>: wrong type for value; expected complex128; got int"),
                Arguments.of("{{kp nil}} {{kp .Cred.KeyPair}}", "true true"),
                Arguments.of("{{named \"x\"}} {{named .Cred.Type}}", "x keyPair"),
                Arguments.of("{{named .Any}}", "ERR template: config:1:8: executing \"config\" at <.Any>: wrong type for value; expected fixture.CredentialType; got string"),
                Arguments.of("{{strs .Strs}} {{strs .NilStrs}} {{strs nil}}", "2 false 0 true 0 true"),
                Arguments.of("{{strs .StatefulSet.Pods}}", "2 false"),
                Arguments.of("{{strs .Object}}", "ERR template: config:1:7: executing \"config\" at <.Object>: wrong type for value; expected []string; got map[string]interface {}"),
                Arguments.of("{{bytes .Bytes}} {{bytes .Secrets.s.Data.k}} {{bytes nil}}", "hi root "),
                Arguments.of("{{bytes \"x\"}}", "ERR template: config:1:8: executing \"config\" at <\"x\">: can't handle \"x\" for arg of type []uint8"),
                Arguments.of("{{list 1 \"a\" nil}} {{printf \"%T\" (list)}} {{list}}", "[1 a <nil>] []interface {} []"),
                Arguments.of("{{nilslice}} {{printf \"%T %v\" nilslice nilslice}} {{nilmap}} {{nilptr}} {{iface}}|{{printf \"%v\" iface}}", "[] []string [] map[] <nil> <no value>|<nil>"),
                Arguments.of("{{if nilslice}}y{{else}}n{{end}} {{if nilptr}}y{{else}}n{{end}} {{len nilslice}}", "n n 0"),
                Arguments.of("{{anyint}} {{printf \"%T\" anyint}} {{eq anyint 5}}", "5 int true"),
                Arguments.of("{{upper iface}}", "ERR template: config:1:8: executing \"config\" at <iface>: wrong type for value; expected string; got interface {}"),
                Arguments.of("{{b true}} {{b .N}}", "ERR template: config:1:15: executing \"config\" at <.N>: wrong type for value; expected bool; got int32"),
                Arguments.of("{{b 1}}", "ERR template: config:1:4: executing \"config\" at <1>: expected bool; found 1"),
                Arguments.of("{{variadicS \"a\" \"b\" \"c\"}} {{variadicS \"a\"}} {{\"z\" | variadicS \"a\"}} {{\"z\" | variadicS \"a\" \"b\"}}", "ab,c a az ab,z"),
                Arguments.of("{{variadicS}}", "ERR template: config:1:2: executing \"config\" at <variadicS>: wrong number of args for variadicS: want at least 1 got 0"),
                Arguments.of("{{variadicS 1}}", "ERR template: config:1:12: executing \"config\" at <1>: expected string; found 1"),
                Arguments.of("{{\"a\" | upper | repeat 2}}", "AA"),
                Arguments.of("{{.I | repeat 2}}", "ERR template: config:1:14: executing \"config\" at <2>: wrong type for value; expected string; got int"),
                Arguments.of("{{call .V.Major}}", "ERR template: config:1:2: executing \"config\" at <call .V.Major>: error calling call: non-function of type int64"),
                Arguments.of("{{and .Deployment 1}} {{or .Deployment \"x\"}} {{not .Deployment}}", "<nil> x true"),
                Arguments.of("{{with .StatefulSet}}{{.Name}}{{end}} {{with .Deployment}}x{{else}}none{{end}}", "mysql none"),
                Arguments.of("{{index .StatefulSet.Pods 1}} {{index .StatefulSet.Containers 0 1}} {{index .StatefulSet.PersistentVolumeClaims \"p0\" \"data-p0\"}} {{index .Options \"zz\"}}|{{index .Secrets \"s\" | printf \"%T\"}}", "p1 c2 /d |fixture.Secret"),
                Arguments.of("{{index .Deployment.Pods 0}}", "ERR template: config:1:19: executing \"config\" at <.Deployment.Pods>: nil pointer evaluating *fixture.StatefulSetParams.Pods"),
                Arguments.of("{{index .Bytes 0}} {{slice .Bytes 1}} {{slice .Strs 1}} {{printf \"%T\" (slice .Strs 1)}}", "104 [105] [y] []string"),
                Arguments.of("{{len .Deployment}}", "ERR template: config:1:2: executing \"config\" at <len .Deployment>: error calling len: len of nil pointer"),
                Arguments.of("{{len .StatefulSet}}", "ERR template: config:1:2: executing \"config\" at <len .StatefulSet>: error calling len: len of type fixture.StatefulSetParams"),
                Arguments.of("{{eq .StatefulSet .StatefulSet}} {{eq .Deployment nil}} {{eq .Cred .Cred}}", "true true true"),
                Arguments.of("{{eq .Tagged .Tagged}}", "ERR template: config:1:2: executing \"config\" at <eq .Tagged .Tagged>: error calling eq: non-comparable type {<a> %!s(int=0) hidden %!s(float64=1.5) %!s(*bool=<nil>) [] map[z:%!s(int=1)]  {%!s(int=1) %!s(int=2)}}: fixture.Tagged"),
                Arguments.of("{{html .StatefulSet}} {{html .Deployment}}", "{mysql db [p0 p1] [[c1 c2] [c1]] map[p0:map[data-p0:/d]]} &lt;nil&gt;"),
                Arguments.of("{{print .StatefulSet}} {{print .Deployment}} {{print .V}}", "&{mysql db [p0 p1] [[c1 c2] [c1]] map[p0:map[data-p0:/d]]} <nil> 1.2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goResults")
    void rendersLikeGo(String text, String expected) {
        assertThat(Rendering.render(text, DATA, OPTIONS)).isEqualTo(expected);
    }
}
