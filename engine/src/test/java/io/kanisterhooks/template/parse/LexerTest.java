package io.kanisterhooks.template.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LexerTest {
    private static List<String> lex(String text) {
        return lex(text, true);
    }

    private static List<String> lex(String text, boolean breakOk) {
        Lexer l = new Lexer(text, null, null, false, breakOk, true);
        List<String> items = new ArrayList<>();
        while (true) {
            Item i = l.nextItem();
            items.add(i.type + (i.val.isEmpty() ? "" : ":" + i.val));
            if (i.type == ItemType.EOF || i.type == ItemType.ERROR) {
                return items;
            }
        }
    }

    @Test
    void textAndActions() {
        assertThat(lex("a{{.x.y}}b")).containsExactly("TEXT:a", "LEFT_DELIM:{{", "FIELD:.x", "FIELD:.y",
                "RIGHT_DELIM:}}", "TEXT:b", "EOF");
    }

    @Test
    void trimMarkersEatAdjacentWhitespaceButNeedTheSpace() {
        assertThat(lex("a \n{{- 3 -}}\n\t b")).containsExactly("TEXT:a", "LEFT_DELIM:{{", "NUMBER:3",
                "RIGHT_DELIM:}}", "TEXT:b", "EOF");
        assertThat(lex("{{-3}}")).containsExactly("LEFT_DELIM:{{", "NUMBER:-3", "RIGHT_DELIM:}}", "EOF");
    }

    @Test
    void declarationsAndPipes() {
        assertThat(lex("{{$x := .a | f}}")).containsExactly("LEFT_DELIM:{{", "VARIABLE:$x", "SPACE: ",
                "DECLARE::=", "SPACE: ", "FIELD:.a", "SPACE: ", "PIPE:|", "SPACE: ", "IDENTIFIER:f",
                "RIGHT_DELIM:}}", "EOF");
        assertThat(lex("{{$ = 1}}")).containsExactly("LEFT_DELIM:{{", "VARIABLE:$", "SPACE: ", "ASSIGN:=",
                "SPACE: ", "NUMBER:1", "RIGHT_DELIM:}}", "EOF");
    }

    @Test
    void literals() {
        assertThat(lex("{{'a' \"s\\\"\" `r` 1e3 0x1F 1+2i true nil .}}")).containsExactly("LEFT_DELIM:{{",
                "CHAR_CONSTANT:'a'", "SPACE: ", "STRING:\"s\\\"\"", "SPACE: ", "RAW_STRING:`r`", "SPACE: ",
                "NUMBER:1e3", "SPACE: ", "NUMBER:0x1F", "SPACE: ", "COMPLEX:1+2i", "SPACE: ", "BOOL:true",
                "SPACE: ", "NIL:nil", "SPACE: ", "DOT:.", "RIGHT_DELIM:}}", "EOF");
    }

    @Test
    void keywordsUnlessShadowed() {
        assertThat(lex("{{break}}")).containsExactly("LEFT_DELIM:{{", "BREAK:break", "RIGHT_DELIM:}}", "EOF");
        assertThat(lex("{{break}}", false)).containsExactly("LEFT_DELIM:{{", "IDENTIFIER:break", "RIGHT_DELIM:}}",
                "EOF");
    }

    @Test
    void commentsAreSkipped() {
        assertThat(lex("a {{- /* x */ -}} b")).containsExactly("TEXT:a", "TEXT:b", "EOF");
    }

    @Test
    void errorsStopTheStream() {
        assertThat(lex("{{\"abc}}")).containsExactly("LEFT_DELIM:{{", "ERROR:unterminated quoted string");
        assertThat(lex("{{.a-b}}")).containsExactly("LEFT_DELIM:{{", "ERROR:bad character U+002D '-'");
        assertThat(lex("{{ 1")).containsExactly("LEFT_DELIM:{{", "SPACE: ", "NUMBER:1", "ERROR:unclosed action");
        assertThat(lex("{{/* x")).containsExactly("ERROR:unclosed comment");
        assertThat(lex("{{\u00e9}}")).containsExactly("LEFT_DELIM:{{", "IDENTIFIER:\u00e9", "RIGHT_DELIM:}}", "EOF");
        assertThat(lex("{{#}}")).containsExactly("LEFT_DELIM:{{", "CHAR:#", "RIGHT_DELIM:}}", "EOF");
        assertThat(lex("{{\u2028}}")).containsExactly("LEFT_DELIM:{{",
                "ERROR:unrecognized character in action: U+2028");
    }

    @Test
    void itemsKnowTheirLine() {
        Lexer l = new Lexer("a\n{{\n.x}}", null, null, false, true, true);
        assertThat(l.nextItem().line).isEqualTo(1);
        assertThat(l.nextItem().line).isEqualTo(2);
        l.nextItem();
        assertThat(l.nextItem().line).isEqualTo(3);
    }

    @Test
    void itemsRenderAsGoNamesThemInErrors() {
        assertThat(new Item(ItemType.EOF, 0, "", 1)).hasToString("EOF");
        assertThat(new Item(ItemType.END, 0, "end", 1)).hasToString("<end>");
        assertThat(new Item(ItemType.RIGHT_DELIM, 0, "}}", 1)).hasToString("\"}}\"");
        assertThat(new Item(ItemType.TEXT, 0, "0123456789abc", 1)).hasToString("\"0123456789\"...");
    }
}
