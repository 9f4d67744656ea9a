package io.kanisterhooks.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Templates executed against the standard data with {@code missingkey=error} and builtins only; the expected
 * outputs and error texts were produced by Go's text/template (Go 1.19; version-sensitive cases below follow
 * Go 1.24).
 */
class TemplateExecutionTest {
    private static final Map<String, Object> DATA = StandardData.load();

    static String render(String text, Object data, MissingKey missingKey) {
        try {
            Template t = Template.parse("config", text, TemplateOptions.defaults().withMissingKey(missingKey));
            return t.execute(data);
        } catch (TemplateException e) {
            return "ERR " + e.getMessage();
        }
    }

    static Stream<Arguments> goResults() {
        return Stream.of(
                Arguments.of("plain text only", "plain text only"),
                Arguments.of("{{.name}} {{.n}} {{.f}} {{.fint}} {{.t}} {{.big}} {{.neg}}", "world 3 2.5 2 true 12345678901 -7"),
                Arguments.of("{{.nil}}|{{.missingNot}}", "ERR template: config:1:11: executing \"config\" at <.missingNot>: map has no entry for key \"missingNot\""),
                Arguments.of("{{.list}} {{.m}} {{.mixed}} {{.nested}} {{.keys}} {{.emptyList}} {{.emptyMap}} {{.floats}}", "[a b c] map[a:1 b:2 c:3] [1 two 3.5 true <nil> map[k:v] [1 2]] map[arr:[map[k:v0] map[k:v1]] x:map[y:map[z:deep]]] map[:6 B:1 _1:3 _10:4 _2:5 a:2] [] map[] [1.5 0.25 10]"),
                Arguments.of("{{.html}}", "<a href=\"x\">Tom & 'Jerry'</a>"),
                Arguments.of("{{1}} {{-1}} {{+1}} {{1.0}} {{1e3}} {{1e-3}} {{0x1F}} {{0o17}} {{017}} {{0b101}} {{1_000}} {{'a'}} {{'\\n'}} {{1i}} {{1e21}} {{1e20}}", "1 -1 1 1 1000 0.001 31 15 15 5 1000 97 10 (0+1i) 1e+21 1e+20"),
                Arguments.of("{{\"str\"}} {{`raw \\n`}} {{true}} {{false}}", "str raw \\n true false"),
                Arguments.of("{{printf \"%T %T %T %T %T\" 1 1.0 'a' 1i \"s\"}}", "int float64 int complex128 string"),
                Arguments.of("{{99999999999999999999}}", "ERR template: config:1: integer overflow: \"99999999999999999999\""),
                Arguments.of("{{18446744073709551615}}", "ERR template: config:1:2: executing \"config\" at <18446744073709551615>: 18446744073709551615 overflows int"),
                Arguments.of("a {{- \"x\" -}} b", "axb"),
                Arguments.of("{{3 -}} {{-4}}", "3-4"),
                Arguments.of("{{- /* c */ -}} x", "x"),
                Arguments.of("{{if .n}}T{{else}}F{{end}}{{if .zero}}T{{else}}F{{end}}{{if .empty}}T{{else}}F{{end}}{{if .emptyList}}T{{else}}F{{end}}{{if .emptyMap}}T{{else}}F{{end}}{{if .nil}}T{{else}}F{{end}}{{if \"0\"}}T{{end}}", "TFFFFFT"),
                Arguments.of("{{if eq .n 1}}one{{else if eq .n 3}}three{{else}}other{{end}}", "three"),
                Arguments.of("{{range .list}}[{{.}}]{{end}}", "[a][b][c]"),
                Arguments.of("{{range $i, $v := .list}}{{$i}}={{$v}};{{end}}", "0=a;1=b;2=c;"),
                Arguments.of("{{range $v := .list}}{{$v}}{{end}}", "abc"),
                Arguments.of("{{range $k, $v := .keys}}{{$k}}={{$v}},{{end}}", "=6,B=1,_1=3,_10=4,_2=5,a=2,"),
                Arguments.of("{{range .emptyList}}x{{else}}empty{{end}}", "empty"),
                Arguments.of("{{range .mixed}}[{{.}}]{{end}}", "[1][two][3.5][true][<no value>][map[k:v]][[1 2]]"),
                Arguments.of("{{range .list}}{{if eq . \"b\"}}{{continue}}{{end}}{{.}}{{end}}", "ac"),
                Arguments.of("{{range .list}}{{if eq . \"b\"}}{{break}}{{end}}{{.}}{{end}}", "a"),
                Arguments.of("{{range .name}}x{{end}}", "ERR template: config:1:8: executing \"config\" at <.name>: range can't iterate over world"),
                Arguments.of("{{range $a, $b, $c := .list}}{{end}}", "ERR template: config:1: too many declarations in range"),
                Arguments.of("{{with .name}}<{{.}}>{{end}}{{with .empty}}x{{else}}empty{{end}}", "<world>empty"),
                Arguments.of("{{with $v := .n}}{{$v}}{{.}}{{end}}", "33"),
                Arguments.of("{{define \"T\"}}[{{.}}]{{end}}{{template \"T\" .name}}{{template \"T\"}}", "[world][<no value>]"),
                Arguments.of("{{block \"b\" .n}}<{{.}}>{{end}}", "<3>"),
                Arguments.of("{{define \"b\"}}x{{end}}{{block \"b\" .}}y{{end}}", "ERR template: config:1: template: multiple definition of template \"b\""),
                Arguments.of("{{template \"missing\"}}", "ERR template: config:1:11: executing \"config\" at <{{template \"missing\"}}>: template \"missing\" not defined"),
                Arguments.of("{{$x := 1}}{{if true}}{{$x = 2}}{{end}}{{$x}}", "2"),
                Arguments.of("{{$x := 1}}{{if true}}{{$x := 2}}{{$x}}{{end}}{{$x}}", "21"),
                Arguments.of("{{$x := 0}}{{range .nums}}{{$x = .}}{{end}}{{$x}}", "2"),
                Arguments.of("{{$y}}", "ERR template: config:1: undefined variable \"$y\""),
                Arguments.of("{{$.name}}", "world"),
                Arguments.of("{{.name | printf \"%s!\"}}", "world!"),
                Arguments.of("{{ 3 | printf \"%d-%d\" 4 }}", "4-3"),
                Arguments.of("{{(index .nested.arr 1).k}} {{(.nested).x.y.z}}", "v1 deep"),
                Arguments.of("{{ .name | }}", "world"),
                Arguments.of("{{ .name | .n }}", "ERR template: config:1:11: executing \"config\" at <.n>: n is not a method but has arguments"),
                Arguments.of("{{.missing}}", "ERR template: config:1:2: executing \"config\" at <.missing>: map has no entry for key \"missing\""),
                Arguments.of("{{.nested.nope.z}}", "ERR template: config:1:9: executing \"config\" at <.nested.nope.z>: map has no entry for key \"nope\""),
                Arguments.of("{{.list.x}}", "ERR template: config:1:7: executing \"config\" at <.list.x>: can't evaluate field x in type interface {}"),
                Arguments.of("{{.name.first}}", "ERR template: config:1:7: executing \"config\" at <.name.first>: can't evaluate field first in type interface {}"),
                Arguments.of("{{.nil.x}}", "ERR template: config:1:6: executing \"config\" at <.nil.x>: nil pointer evaluating interface {}.x"),
                Arguments.of("{{.Name}}", "ERR template: config:1:2: executing \"config\" at <.Name>: map has no entry for key \"Name\""),
                Arguments.of("{{and 1 2}} {{and 0 2}} {{or 0 \"\"}} {{or 0 \"x\"}} {{not 0}} {{not .list}}", "2 0  x true false"),
                Arguments.of("{{and}}", "ERR template: config:1:2: executing \"config\" at <and>: wrong number of args for and: want at least 1 got 0"),
                Arguments.of("{{not 1 2}}", "ERR template: config:1:2: executing \"config\" at <not>: wrong number of args for not: want 1 got 2"),
                Arguments.of("{{len .name}} {{len .list}} {{len .m}} {{len .unicode}}", "5 3 3 17"),
                Arguments.of("{{len 3}}", "ERR template: config:1:2: executing \"config\" at <len 3>: error calling len: len of type int"),
                Arguments.of("{{len .nil}}", "ERR template: config:1:2: executing \"config\" at <len .nil>: error calling len: len of nil pointer"),
                Arguments.of("{{index .list 1}} {{index .m \"a\"}} {{index .m \"zz\"}} {{index .name 1}} {{index .nested.arr 1 \"k\"}}", "b 1 <no value> 111 v1"),
                Arguments.of("{{index .list 3}}", "ERR template: config:1:2: executing \"config\" at <index .list 3>: error calling index: reflect: slice index out of range"),
                Arguments.of("{{index .list 10}}", "ERR template: config:1:2: executing \"config\" at <index .list 10>: error calling index: index out of range: 10"),
                Arguments.of("{{index .list -1}}", "ERR template: config:1:2: executing \"config\" at <index .list -1>: error calling index: index out of range: -1"),
                Arguments.of("{{index .m 1}}", "ERR template: config:1:2: executing \"config\" at <index .m 1>: error calling index: value has type int; should be string"),
                Arguments.of("{{index .list 1.0}}", "ERR template: config:1:2: executing \"config\" at <index .list 1.0>: error calling index: cannot index slice/array with type float64"),
                Arguments.of("{{index .n 0}}", "ERR template: config:1:2: executing \"config\" at <index .n 0>: error calling index: can't index item of type int64"),
                Arguments.of("{{index .nested \"x\" \"nope\" \"z\"}}", "ERR template: config:1:2: executing \"config\" at <index .nested \"x\" \"nope\" \"z\">: error calling index: index of nil pointer"),
                Arguments.of("{{slice .list 1}} {{slice .list 1 2}} {{slice .name 1 3}} {{slice .list 0 4}}", "[b c] [b] or [a b c <nil>]"),
                Arguments.of("{{slice .list 0 5}}", "ERR template: config:1:2: executing \"config\" at <slice .list 0 5>: error calling slice: index out of range: 5"),
                Arguments.of("{{slice .list 2 1}}", "ERR template: config:1:2: executing \"config\" at <slice .list 2 1>: error calling slice: invalid slice index: 2 > 1"),
                Arguments.of("{{slice .name 1 2 3}}", "ERR template: config:1:2: executing \"config\" at <slice .name 1 2 3>: error calling slice: cannot 3-index slice a string"),
                Arguments.of("{{print \"a\" \"b\"}}|{{print 1 2}}|{{print \"a\" 1 \"b\"}}|{{print nil}}|{{println 1 2}}|", "ab|1 2|a1b|<nil>|1 2\n|"),
                Arguments.of("{{html .html}} {{js .html}} {{urlquery .url}}", "&lt;a href=&#34;x&#34;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt; \\u003Ca href\\u003D\\\"x\\\"\\u003ETom \\u0026 \\'Jerry\\'\\u003C/a\\u003E https%3A%2F%2Fuser%3Apw%40example.com%3A8443%2Fa%2Fb%3Fx%3D1%26y%3Dtwo%23frag"),
                Arguments.of("{{html .list}} {{urlquery \"a\" \"b\" 1}} {{js \"\\u2028 \\u00e9 \\u0001 =\"}}", "[a b c] ab1 \\u2028 \u00e9 \\u0001 \\u003D"),
                Arguments.of("{{call .nil}}", "ERR template: config:1:2: executing \"config\" at <call .nil>: error calling call: call of nil"),
                Arguments.of("{{call .name}}", "ERR template: config:1:2: executing \"config\" at <call .name>: error calling call: non-function of type string"),
                Arguments.of("{{eq .n 3}} {{eq .n 4 5 3}} {{ne .name \"x\"}} {{lt 1 2}} {{le 2 2}} {{gt .f 1.5}} {{ge .big 0}} {{eq 'a' 97}} {{eq .nil nil}}", "true true true true true true true true true"),
                Arguments.of("{{eq 1 1.0}}", "ERR template: config:1:2: executing \"config\" at <eq 1 1.0>: error calling eq: incompatible types for comparison"),
                Arguments.of("{{eq 1 \"1\"}}", "ERR template: config:1:2: executing \"config\" at <eq 1 \"1\">: error calling eq: incompatible types for comparison"),
                Arguments.of("{{eq .list .list}}", "ERR template: config:1:2: executing \"config\" at <eq .list .list>: error calling eq: non-comparable type [a b c]: []interface {}"),
                Arguments.of("{{eq .m .m}}", "ERR template: config:1:2: executing \"config\" at <eq .m .m>: error calling eq: non-comparable type map[a:%!s(int64=1) b:%!s(int64=2) c:%!s(int64=3)]: map[string]interface {}"),
                Arguments.of("{{lt true false}}", "ERR template: config:1:2: executing \"config\" at <lt true false>: error calling lt: invalid type for comparison"),
                Arguments.of("{{lt .list 1}}", "ERR template: config:1:2: executing \"config\" at <lt .list 1>: error calling lt: invalid type for comparison"),
                Arguments.of("{{eq}}", "ERR template: config:1:2: executing \"config\" at <eq>: wrong number of args for eq: want at least 1 got 0"),
                Arguments.of("{{eq 1}}", "ERR template: config:1:2: executing \"config\" at <eq 1>: error calling eq: missing argument for comparison"),
                Arguments.of("{{lt 1 2 3}}", "ERR template: config:1:2: executing \"config\" at <lt>: wrong number of args for lt: want 2 got 3"),
                Arguments.of("{{printf 3}}", "ERR template: config:1:9: executing \"config\" at <3>: expected string; found 3"),
                Arguments.of("{{nil}}", "ERR template: config:1:2: executing \"config\" at <nil>: nil is not a command"),
                Arguments.of("{{.name 1}}", "ERR template: config:1:2: executing \"config\" at <.name>: name is not a method but has arguments"),
                Arguments.of("{{1 2}}", "ERR template: config:1:2: executing \"config\" at <1>: can't give argument to non-function 1"),
                Arguments.of("{{(1).x}}", "ERR template: config:1:3: executing \"config\" at <1>: can't evaluate field x in type int"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goResults")
    void rendersLikeGo(String text, String expected) {
        assertThat(render(text, DATA, MissingKey.ERROR)).isEqualTo(expected);
    }

    @Test
    void rangeOverIntegerFollowsGo124() {
        assertThat(render("{{range 3}}{{.}}{{end}}", null, MissingKey.ERROR)).isEqualTo("012");
        assertThat(render("{{range $i := .n}}[{{$i}}]{{end}}", DATA, MissingKey.ERROR)).isEqualTo("[0][1][2]");
        assertThat(render("{{range .n}}{{printf \"%T\" .}}{{end}}", DATA, MissingKey.ERROR))
                .isEqualTo("int64int64int64");
        assertThat(render("{{range -2}}x{{else}}none{{end}}", null, MissingKey.ERROR)).isEqualTo("none");
        assertThat(render("{{range 0}}x{{else}}none{{end}}", null, MissingKey.ERROR)).isEqualTo("none");
        assertThat(render("{{range 5}}{{if eq . 3}}{{break}}{{end}}{{.}}{{end}}", null, MissingKey.ERROR))
                .isEqualTo("012");
        assertThat(render("{{range $i, $j := 3}}{{end}}", null, MissingKey.ERROR)).isEqualTo(
                "ERR template: config:1:18: executing \"config\" at <3>: "
                        + "can't use 3 to iterate over more than one variable");
    }

    @Test
    void elseWithFollowsGo123() {
        assertThat(render("{{with .zero}}x{{else with .n}}n={{.}}{{end}}", DATA, MissingKey.ERROR)).isEqualTo("n=3");
        assertThat(render("{{with .zero}}a{{else with .empty}}b{{else}}c{{end}}", DATA, MissingKey.ERROR))
                .isEqualTo("c");
        assertThat(render("{{if .zero}}a{{else with .n}}b{{end}}", DATA, MissingKey.ERROR))
                .isEqualTo("ERR template: config:1: unexpected <with> in input");
    }

    @Test
    void rangeAssignsWithEqualsLikeNewerGo() {
        assertThat(render("{{$i := 0}}{{$e := \"\"}}{{range $i, $e = .list}}{{end}}{{$i}}{{$e}}", DATA,
                MissingKey.ERROR)).isEqualTo("2c");
    }

    @Test
    void recursionStopsWithGoDepthError() {
        assertThat(render("{{define \"a\"}}{{template \"a\" .}}{{end}}{{template \"a\" 1}}", null, MissingKey.ERROR))
                .isEqualTo("ERR template: config:1:25: executing \"a\" at <{{template \"a\" .}}>: "
                        + "exceeded maximum template depth (100000)");
    }

    @Test
    void executeTemplateRunsADefinedTemplate() {
        Template t = Template.parse("config", "{{define \"x\"}}<{{.}}>{{end}}top", TemplateOptions.defaults());
        StringBuilder out = new StringBuilder();
        t.executeTemplate("x", 5L, out);
        assertThat(out).hasToString("<5>");
        assertThat(t.trees()).containsOnlyKeys("config", "x");
        assertThatThrownBy(() -> t.executeTemplate("nope", null, new StringBuilder()))
                .isInstanceOf(TemplateExecException.class)
                .hasMessage("template: no template \"nope\" associated with template \"config\"");
    }

    @Test
    void partialOutputStaysInTheBuilderOnError() {
        Template t = Template.parse("config", "ab{{.x}}cd", TemplateOptions.defaults()
                .withMissingKey(MissingKey.ERROR));
        StringBuilder out = new StringBuilder();
        assertThatThrownBy(() -> t.execute(Map.of(), out)).isInstanceOf(TemplateExecException.class);
        assertThat(out).hasToString("ab");
    }

    @Test
    void parseErrorsAreTemplateParseExceptions() {
        assertThatThrownBy(() -> Template.parse("config", "{{ .name", TemplateOptions.defaults()))
                .isInstanceOf(TemplateParseException.class)
                .hasMessage("template: config:1: unclosed action");
    }

    @Test
    void customDelimiters() {
        Template t = Template.parse("config", "<< .a >> {{ .a }}", TemplateOptions.defaults().withDelims("<<", ">>"));
        assertThat(t.execute(Map.of("a", "x"))).isEqualTo("x {{ .a }}");
    }
}
