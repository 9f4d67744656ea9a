package io.kanisterhooks.template.parse;

import io.kanisterhooks.golang.strconv.GoQuote;
import io.kanisterhooks.golang.strings.GoStrings;

/** One lexical item: type, start position (char index), text and the line it starts on. */
final class Item {
    final ItemType type;
    final int pos;
    final String val;
    final int line;

    Item(ItemType type, int pos, String val, int line) {
        this.type = type;
        this.pos = pos;
        this.val = val;
        this.line = line;
    }

    /** How Go's parser names the item in error messages: {@code EOF}, {@code <end>}, {@code "}}"}. */
    @Override
    public String toString() {
        if (type == ItemType.EOF) {
            return "EOF";
        }
        if (type == ItemType.ERROR) {
            return val;
        }
        if (type.isKeyword()) {
            return "<" + val + ">";
        }
        if (GoStrings.utf8Length(val) > 10) {
            int end = val.offsetByCodePoints(0, Math.min(10, val.codePointCount(0, val.length())));
            return GoQuote.quote(val.substring(0, end)) + "...";
        }
        return GoQuote.quote(val);
    }
}
