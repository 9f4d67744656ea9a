package io.kanisterhooks.template.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kanisterhooks.template.builtin.Builtins;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The parser against Go 1.19: error texts (with line numbers) and the trees' {@code String()} rendering. */
class ParserTest {
    private static final Predicate<String> FUNCS = name -> Builtins.contains(name) || name.equals("upper");

    private static String parse(String text) {
        try {
            Map<String, Tree> trees = Parser.parse("config", text, FUNCS, null, null);
            return trees.get("config").root().toString();
        } catch (ParseError e) {
            return "ERR " + e.getMessage();
        }
    }

    static Stream<Arguments> goParseErrors() {
        return Stream.of(
                Arguments.of("{{", "ERR template: config:1: unclosed action"),
                Arguments.of("{{ }}", "ERR template: config:1: missing value for command"),
                Arguments.of("{{- }}", "ERR template: config:1: missing value for command"),
                Arguments.of("{{-}}", "ERR template: config:1: illegal number syntax: \"-\""),
                Arguments.of("{{ -}}", "ERR template: config:1: missing value for command"),
                Arguments.of("{{- -}}", "ERR template: config:1: illegal number syntax: \"-\""),
                Arguments.of("{{.name- }}", "ERR template: config:1: bad character U+002D '-'"),
                Arguments.of("{{.name}}{{", "ERR template: config:1: unclosed action"),
                Arguments.of("{{\"unterminated}}", "ERR template: config:1: unterminated quoted string"),
                Arguments.of("{{`unterminated}}", "ERR template: config:1: unterminated raw quoted string"),
                Arguments.of("{{'a}}", "ERR template: config:1: unterminated character constant"),
                Arguments.of("{{'ab'}}", "ERR template: config:1: malformed character constant: 'ab'"),
                Arguments.of("{{''}}", "ERR template: config:1: invalid syntax"),
                Arguments.of("{{'\\z'}}", "ERR template: config:1: invalid syntax"),
                Arguments.of("{{\"\\z\"}}", "ERR template: config:1: invalid syntax"),
                Arguments.of("{{\"\\'\"}}", "ERR template: config:1: invalid syntax"),
                Arguments.of("{{\"a", "ERR template: config:1: unterminated quoted string"),
                Arguments.of("{{`a", "ERR template: config:1: unterminated raw quoted string"),
                Arguments.of("{{/* unclosed", "ERR template: config:1: unclosed comment"),
                Arguments.of("{{/* c */ .name}}", "ERR template: config:1: comment ends before closing delimiter"),
                Arguments.of("{{ /* c */ }}", "ERR template: config:1: unexpected \"/\" in command"),
                Arguments.of("{{/* c */-}}", "ERR template: config:1: comment ends before closing delimiter"),
                Arguments.of("{{(1}}", "ERR template: config:1: unclosed left paren"),
                Arguments.of("{{1)}}", "ERR template: config:1: unexpected \")\" in command"),
                Arguments.of("{{)}}", "ERR template: config:1: unexpected \")\" in command"),
                Arguments.of("{{(}}", "ERR template: config:1: unclosed left paren"),
                Arguments.of("{{()}}", "ERR template: config:1: missing value for parenthesized pipeline"),
                Arguments.of("{{( )}}", "ERR template: config:1: missing value for parenthesized pipeline"),
                Arguments.of("{{| .name}}", "ERR template: config:1: unexpected \"|\" in command"),
                Arguments.of("{{.name || upper}}", "ERR template: config:1: unexpected \"|\" in command"),
                Arguments.of("{{1 | 2}}", "ERR template: config:1: non executable command in pipeline stage 2"),
                Arguments.of("{{nil.x}}", "ERR template: config:1: unexpected . after term \"nil\""),
                Arguments.of("{{1.x}}", "ERR template: config:1: bad number syntax: \"1.x\""),
                Arguments.of("{{\"a\".x}}", "ERR template: config:1: unexpected . after term \"\\\"a\\\"\""),
                Arguments.of("{{true.x}}", "ERR template: config:1: unexpected . after term \"true\""),
                Arguments.of("{{..x}}", "ERR template: config:1: unexpected . after term \".\""),
                Arguments.of("{{.x..y}}", "ERR template: config:1: unexpected <.> in operand"),
                Arguments.of("{{.x.}}", "ERR template: config:1: unexpected <.> in operand"),
                Arguments.of("{{$.}}", "ERR template: config:1: unexpected <.> in operand"),
                Arguments.of("{{$x.}}", "ERR template: config:1: undefined variable \"$x\""),
                Arguments.of("{{$x=1}}", "ERR template: config:1: bad character U+003D '='"),
                Arguments.of("{{$x, $y := 1}}", "ERR template: config:1: too many declarations in command"),
                Arguments.of("{{range $x, $y, $z := .list}}{{end}}", "ERR template: config:1: too many declarations in range"),
                Arguments.of("{{range $x, 1 := .list}}{{end}}", "ERR template: config:1: range can only initialize variables"),
                Arguments.of("{{range $x := .list}}{{$x}}{{end}}{{$x}}", "ERR template: config:1: undefined variable \"$x\""),
                Arguments.of("{{range .list}}{{$x := .}}{{end}}{{$x}}", "ERR template: config:1: undefined variable \"$x\""),
                Arguments.of("{{if true}}{{$x := 1}}{{end}}{{$x}}", "ERR template: config:1: undefined variable \"$x\""),
                Arguments.of("{{break}}", "ERR template: config:1: {{break}} outside {{range}}"),
                Arguments.of("{{continue}}", "ERR template: config:1: {{continue}} outside {{range}}"),
                Arguments.of("{{if true}}{{break}}{{end}}", "ERR template: config:1: {{break}} outside {{range}}"),
                Arguments.of("{{range .list}}{{else}}{{break}}{{end}}", "ERR template: config:1: {{break}} outside {{range}}"),
                Arguments.of("{{if}}{{end}}", "ERR template: config:1: missing value for if"),
                Arguments.of("{{if .name}}", "ERR template: config:1: unexpected EOF"),
                Arguments.of("{{if .name}}{{else}}", "ERR template: config:1: unexpected EOF"),
                Arguments.of("{{if .name}}{{else if}}{{end}}", "ERR template: config:1: missing value for if"),
                Arguments.of("{{if .name}}a{{else}}b{{else}}c{{end}}", "ERR template: config:1: expected end; found {{else}}"),
                Arguments.of("{{if .name}}a{{end}}{{end}}", "ERR template: config:1: unexpected {{end}}"),
                Arguments.of("{{else}}", "ERR template: config:1: unexpected {{else}}"),
                Arguments.of("{{end}}", "ERR template: config:1: unexpected {{end}}"),
                Arguments.of("{{template .name}}", "ERR template: config:1: unexpected \".name\" in template clause"),
                Arguments.of("{{template \"a\" | printf}}", "ERR template: config:1: unexpected \"|\" in template clause"),
                Arguments.of("{{define \"a\"}}x{{else}}y{{end}}", "ERR template: config:1: unexpected {{else}} in define clause"),
                Arguments.of("{{define \"a\"}}x", "ERR template: config:1: unexpected EOF"),
                Arguments.of("{{define \"a\" 1}}x{{end}}", "ERR template: config:1: unexpected \"1\" in define clause"),
                Arguments.of("{{define a}}x{{end}}", "ERR template: config:1: unexpected \"a\" in define clause"),
                Arguments.of("{{define \"a\"}}{{define \"b\"}}{{end}}{{end}}", "ERR template: config:1: unexpected <define> in command"),
                Arguments.of("{{if true}}{{define \"a\"}}{{end}}{{end}}", "ERR template: config:1: unexpected <define> in command"),
                Arguments.of("{{block \"b\"}}{{.}}{{end}}", "ERR template: config:1: missing value for block clause"),
                Arguments.of("{{block \"b\" .}}{{else}}{{end}}", "ERR template: config:1: unexpected {{else}} in block clause"),
                Arguments.of("{{block \"b\" .}}x", "ERR template: config:1: unexpected EOF"),
                Arguments.of("{{block b .}}x{{end}}", "ERR template: config:1: unexpected \"b\" in block clause"),
                Arguments.of("{{define \"config\"}}inner{{end}}outer", "ERR template: config:1: template: multiple definition of template \"config\""),
                Arguments.of("{{1__0}}", "ERR template: config:1: illegal number syntax: \"1__0\""),
                Arguments.of("{{_1}}", "ERR template: config:1: function \"_1\" not defined"),
                Arguments.of("{{1_}}", "ERR template: config:1: illegal number syntax: \"1_\""),
                Arguments.of("{{08}}", "ERR template: config:1: integer overflow: \"08\""),
                Arguments.of("{{0x}}", "ERR template: config:1: illegal number syntax: \"0x\""),
                Arguments.of("{{0b2}}", "ERR template: config:1: bad number syntax: \"0b2\""),
                Arguments.of("{{0o8}}", "ERR template: config:1: bad number syntax: \"0o8\""),
                Arguments.of("{{1e}}", "ERR template: config:1: illegal number syntax: \"1e\""),
                Arguments.of("{{1e+}}", "ERR template: config:1: illegal number syntax: \"1e+\""),
                Arguments.of("{{0x1.8}}", "ERR template: config:1: illegal number syntax: \"0x1.8\""),
                Arguments.of("{{1+2}}", "ERR template: config:1: bad number syntax: \"1+2\""),
                Arguments.of("{{1+i}}", "ERR template: config:1: syntax error scanning complex number"),
                Arguments.of("{{+}}", "ERR template: config:1: illegal number syntax: \"+\""),
                Arguments.of("{{--1}}", "ERR template: config:1: bad number syntax: \"--1\""),
                Arguments.of("{{+-1}}", "ERR template: config:1: bad number syntax: \"+-1\""),
                Arguments.of("{{1.2.3}}", "ERR template: config:1: unexpected \".3\" in operand"),
                Arguments.of("{{1e400}}", "ERR template: config:1: illegal number syntax: \"1e400\""),
                Arguments.of("{{-9223372036854775809}}", "ERR template: config:1: integer overflow: \"-9223372036854775809\""),
                Arguments.of("{{18446744073709551616}}", "ERR template: config:1: integer overflow: \"18446744073709551616\""),
                Arguments.of("{{'\\400'}}", "ERR template: config:1: invalid syntax"),
                Arguments.of("{{'\\ud800'}}", "ERR template: config:1: invalid syntax"),
                Arguments.of("{{\"\\ud800\"}}", "ERR template: config:1: invalid syntax"),
                Arguments.of("{{@}}", "ERR template: config:1: unexpected \"@\" in command"),
                Arguments.of("{{#}}", "ERR template: config:1: unexpected \"#\" in command"),
                Arguments.of("{{.name@}}", "ERR template: config:1: bad character U+0040 '@'"),
                Arguments.of("{{$@}}", "ERR template: config:1: bad character U+0040 '@'"),
                Arguments.of("{{a-b}}", "ERR template: config:1: bad character U+002D '-'"),
                Arguments.of("{{.a-b}}", "ERR template: config:1: bad character U+002D '-'"),
                Arguments.of("{{\u65e5\u672c}}", "ERR template: config:1: function \"\u65e5\u672c\" not defined"),
                Arguments.of("{{x}}", "ERR template: config:1: function \"x\" not defined"),
                Arguments.of("{{.name x}}", "ERR template: config:1: function \"x\" not defined"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goParseErrors")
    void parseErrorsMatchGo(String text, String expected) {
        assertThat(parse(text)).isEqualTo(expected);
    }

    static Stream<Arguments> goTrees() {
        return Stream.of(
                Arguments.of("a{{.x}}b", "a{{.x}}b"),
                Arguments.of("{{.a.b.c}}", "{{.a.b.c}}"),
                Arguments.of("{{$x := .a}}{{$x.b}}", "{{$x := .a}}{{$x.b}}"),
                Arguments.of("{{$x, $y := 1}}", "ERR template: config:1: too many declarations in command"),
                Arguments.of("{{range $i, $e := .list}}{{$i}}{{else}}none{{end}}", "{{range $i, $e := .list}}{{$i}}{{else}}none{{end}}"),
                Arguments.of("{{if .a}}x{{else if .b}}y{{else}}z{{end}}", "{{if .a}}x{{else}}{{if .b}}y{{else}}z{{end}}{{end}}"),
                Arguments.of("{{with .a}}{{.}}{{end}}", "{{with .a}}{{.}}{{end}}"),
                Arguments.of("{{template \"x\" .}}", "{{template \"x\" .}}"),
                Arguments.of("{{define \"x\"}}X{{end}}{{template \"x\"}}", "{{template \"x\"}}"),
                Arguments.of("{{block \"b\" .}}B{{end}}", "{{template \"b\" .}}"),
                Arguments.of("{{(.a).b}}", "{{(.a).b}}"),
                Arguments.of("{{(index .a 1).b.c}}", "{{(index .a 1).b.c}}"),
                Arguments.of("{{upper \"x\" | printf \"%s\" 1}}", "{{upper \"x\" | printf \"%s\" 1}}"),
                Arguments.of("{{1.5}} {{'a'}} {{\"s\"}} {{`r`}} {{nil}} {{true}} {{0x1F}} {{1i}}", "{{1.5}} {{'a'}} {{\"s\"}} {{`r`}} {{nil}} {{true}} {{0x1F}} {{1i}}"),
                Arguments.of("{{printf \"%d\" (len .a) | print}}", "{{printf \"%d\" (len .a) | print}}"),
                Arguments.of("{{ .a | }}", "{{.a}}"),
                Arguments.of("{{- .a -}}", "{{.a}}"),
                Arguments.of("{{/* c */}}", ""),
                Arguments.of("{{$ := 1}}", "{{$ := 1}}"),
                Arguments.of("{{range .a}}{{break}}{{continue}}{{end}}", "{{range .a}}{{break}}{{continue}}{{end}}"),
                Arguments.of("{{$x = 2}}", "{{$x := 2}}"),
                Arguments.of("{{and .a (or .b .c)}}", "{{and .a (or .b .c)}}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goTrees")
    void treesRenderLikeGo(String text, String expected) {
        assertThat(parse(text)).isEqualTo(expected);
    }

    @Test
    void elseWithIsAcceptedAsInGo123() {
        assertThat(parse("{{with .a}}x{{else with .b}}y{{end}}")).isEqualTo("{{with .a}}x{{else}}{{with .b}}y{{end}}{{end}}");
    }

    @Test
    void definesAndBlocksBecomeSeparateTrees() {
        Map<String, Tree> trees = Parser.parse("config", "{{define \"a\"}}A{{end}}{{block \"b\" .}}B{{end}}", FUNCS,
                null, null);
        assertThat(trees.keySet()).containsExactlyInAnyOrder("config", "a", "b");
        assertThat(trees.get("a").root().toString()).isEqualTo("A");
        assertThat(trees.get("b").parseName()).isEqualTo("config");
    }

    @Test
    void lineNumbersCountNewlinesInsideActions() {
        assertThatThrownBy(() -> Parser.parse("config", "{{ .a }}\n{{ if\n}}", FUNCS, null, null))
                .isInstanceOf(ParseError.class).hasMessage("template: config:3: missing value for if");
        assertThatThrownBy(() -> Parser.parse("config", "{{ .a\n\n", FUNCS, null, null))
                .hasMessage("template: config:3: unclosed action started at config:1");
        assertThat(parse("{{ .a\n\n}}")).isEqualTo("{{.a}}");
        assertThat(parse("x\n{{ (1\n\n}}"))
                .isEqualTo("ERR template: config:4: unclosed left paren in action started at config:2");
    }

    @Test
    void walkFindsEveryFieldChain() {
        Map<String, Tree> trees = Parser.parse("config",
                "{{ .Profile.Location.Bucket }}{{ if .Profile.Credential }}{{ (index .x 0).Profile.y }}{{ end }}"
                        + "{{ range $k, $v := .Options }}{{ $.Profile.Secret }}{{ end }}",
                FUNCS, null, null);
        List<String> fields = new ArrayList<>();
        trees.get("config").root().walk(n -> {
            if (n instanceof FieldNode) {
                fields.add(String.join(".", ((FieldNode) n).ident()));
            } else if (n instanceof VariableNode) {
                fields.add(String.join(".", ((VariableNode) n).ident()));
            } else if (n instanceof ChainNode) {
                fields.add("(chain)." + String.join(".", ((ChainNode) n).fields()));
            }
        });
        assertThat(fields).containsExactly("Profile.Location.Bucket", "Profile.Credential", "(chain).Profile.y", "x",
                "$k", "$v", "Options", "$.Profile.Secret");
    }

    @Test
    void numbersCarryEveryInterpretation() {
        NumberNode n = (NumberNode) ((ActionNode) Parser.parse("config", "{{2.0}}", FUNCS, null, null).get("config")
                .root().nodes().get(0)).pipe().cmds().get(0).args().get(0);
        assertThat(n.isInt()).isTrue();
        assertThat(n.isUint()).isTrue();
        assertThat(n.isFloat()).isTrue();
        assertThat(n.isComplex()).isFalse();
        assertThat(n.int64()).isEqualTo(2);
        assertThat(n.idealConstant()).isEqualTo(2.0);
    }

    @Test
    void userFunctionsNamedBreakTurnOffTheKeyword() {
        assertThat(Parser.parse("config", "{{break}}", name -> name.equals("break"), null, null).get("config").root()
                .toString()).isEqualTo("{{break}}");
    }
}
