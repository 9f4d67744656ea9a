package io.kanisterhooks.template.parse;

import io.kanisterhooks.golang.fmt.GoFmt;
import io.kanisterhooks.golang.strconv.GoQuote;
import io.kanisterhooks.golang.value.GoInt;
import java.util.ArrayDeque;

/**
 * Go's template lexer: turns template text into {@link Item}s on demand, with Go's rules for delimiters, trim
 * markers ({@code {{- } and { -}}} need the space), comments, numbers, quoting and keywords, and Go's error
 * texts ({@code unclosed action}, {@code bad character U+002D '-'}, ...). Positions are char indexes into the
 * Java string; line numbers count {@code \n} before the item.
 */
final class Lexer {
    private static final int EOF = -1;
    private static final String LEFT_COMMENT = "/*";
    private static final String RIGHT_COMMENT = "*/";
    private static final int TRIM_MARKER_LEN = 2;

    @FunctionalInterface
    private interface State {
        State run();
    }

    private final String input;
    private final String leftDelim;
    private final String rightDelim;
    private final boolean emitComment;
    private final boolean breakOk;
    private final boolean continueOk;
    private final ArrayDeque<Item> items = new ArrayDeque<>(4);
    private State state = this::lexText;
    private int pos;
    private int start;
    private boolean atEof;
    private int parenDepth;
    private int lineCursor;
    private int lineAtCursor = 1;

    Lexer(String input, String leftDelim, String rightDelim, boolean emitComment, boolean breakOk,
            boolean continueOk) {
        this.input = input;
        this.leftDelim = leftDelim == null || leftDelim.isEmpty() ? "{{" : leftDelim;
        this.rightDelim = rightDelim == null || rightDelim.isEmpty() ? "}}" : rightDelim;
        this.emitComment = emitComment;
        this.breakOk = breakOk;
        this.continueOk = continueOk;
    }

    /** The next item; after EOF or an error, EOF forever. */
    Item nextItem() {
        while (items.isEmpty()) {
            if (state == null) {
                return new Item(ItemType.EOF, input.length(), "", lineAt(input.length()));
            }
            state = state.run();
        }
        return items.poll();
    }

    // ---- low-level scanning ----

    private int next() {
        if (pos >= input.length()) {
            atEof = true;
            return EOF;
        }
        int r = input.codePointAt(pos);
        pos += Character.charCount(r);
        return r;
    }

    private int peek() {
        int r = next();
        backup();
        return r;
    }

    private void backup() {
        if (!atEof && pos > 0) {
            pos -= Character.charCount(input.codePointBefore(pos));
        }
    }

    private void emit(ItemType type) {
        items.add(new Item(type, start, input.substring(start, pos), lineAt(start)));
        start = pos;
    }

    private void ignore() {
        start = pos;
    }

    private boolean accept(String valid) {
        int r = next();
        if (r != EOF && valid.indexOf(r) >= 0) {
            return true;
        }
        backup();
        return false;
    }

    private void acceptRun(String valid) {
        int r;
        do {
            r = next();
        } while (r != EOF && valid.indexOf(r) >= 0);
        backup();
    }

    private State errorf(String message) {
        items.add(new Item(ItemType.ERROR, start, message, lineAt(start)));
        return null;
    }

    private int lineAt(int position) {
        if (position < lineCursor) {
            lineCursor = 0;
            lineAtCursor = 1;
        }
        for (int i = lineCursor; i < position; i++) {
            if (input.charAt(i) == '\n') {
                lineAtCursor++;
            }
        }
        lineCursor = position;
        return lineAtCursor;
    }

    private static String describe(int r) {
        return GoFmt.sprintf("%#U", GoInt.ofInt32(r));
    }

    // ---- states ----

    private State lexText() {
        int x = input.indexOf(leftDelim, pos);
        if (x >= 0) {
            pos = x;
            int trimLength = 0;
            if (hasLeftTrimMarker(x + leftDelim.length())) {
                trimLength = rightTrimLength(start, pos);
            }
            pos -= trimLength;
            if (pos > start) {
                emit(ItemType.TEXT);
            }
            pos += trimLength;
            ignore();
            return this::lexLeftDelim;
        }
        pos = input.length();
        if (pos > start) {
            emit(ItemType.TEXT);
        }
        emit(ItemType.EOF);
        return null;
    }

    private int rightTrimLength(int from, int to) {
        int i = to;
        while (i > from && isSpace(input.charAt(i - 1))) {
            i--;
        }
        return to - i;
    }

    private int leftTrimLength(int from) {
        int i = from;
        while (i < input.length() && isSpace(input.charAt(i))) {
            i++;
        }
        return i - from;
    }

    private boolean hasLeftTrimMarker(int at) {
        return at + 1 < input.length() && input.charAt(at) == '-' && isSpace(input.charAt(at + 1));
    }

    private boolean hasRightTrimMarker(int at) {
        return at >= 0 && at + 1 < input.length() && isSpace(input.charAt(at)) && input.charAt(at + 1) == '-';
    }

    private boolean atRightDelim() {
        return hasRightTrimMarker(pos) && input.startsWith(rightDelim, pos + TRIM_MARKER_LEN)
                || input.startsWith(rightDelim, pos);
    }

    private boolean atTrimmedRightDelim() {
        return hasRightTrimMarker(pos) && input.startsWith(rightDelim, pos + TRIM_MARKER_LEN);
    }

    private State lexLeftDelim() {
        pos += leftDelim.length();
        boolean trimSpace = hasLeftTrimMarker(pos);
        int afterMarker = trimSpace ? TRIM_MARKER_LEN : 0;
        if (input.startsWith(LEFT_COMMENT, pos + afterMarker)) {
            pos += afterMarker;
            ignore();
            return this::lexComment;
        }
        emit(ItemType.LEFT_DELIM);
        pos += afterMarker;
        ignore();
        parenDepth = 0;
        return this::lexInsideAction;
    }

    private State lexComment() {
        pos += LEFT_COMMENT.length();
        int i = input.indexOf(RIGHT_COMMENT, pos);
        if (i < 0) {
            return errorf("unclosed comment");
        }
        pos = i + RIGHT_COMMENT.length();
        if (!atRightDelim()) {
            return errorf("comment ends before closing delimiter");
        }
        boolean trimSpace = atTrimmedRightDelim();
        if (emitComment) {
            emit(ItemType.COMMENT);
        }
        if (trimSpace) {
            pos += TRIM_MARKER_LEN;
        }
        pos += rightDelim.length();
        if (trimSpace) {
            pos += leftTrimLength(pos);
        }
        ignore();
        return this::lexText;
    }

    private State lexRightDelim() {
        boolean trimSpace = hasRightTrimMarker(pos);
        if (trimSpace) {
            pos += TRIM_MARKER_LEN;
            ignore();
        }
        pos += rightDelim.length();
        emit(ItemType.RIGHT_DELIM);
        if (trimSpace) {
            pos += leftTrimLength(pos);
            ignore();
        }
        return this::lexText;
    }

    private State lexInsideAction() {
        if (atRightDelim()) {
            if (parenDepth == 0) {
                return this::lexRightDelim;
            }
            return errorf("unclosed left paren");
        }
        int r = next();
        if (r == EOF) {
            return errorf("unclosed action");
        }
        if (isSpace(r)) {
            backup();
            return this::lexSpace;
        }
        switch (r) {
            case '=':
                emit(ItemType.ASSIGN);
                return this::lexInsideAction;
            case ':':
                if (next() != '=') {
                    return errorf("expected :=");
                }
                emit(ItemType.DECLARE);
                return this::lexInsideAction;
            case '|':
                emit(ItemType.PIPE);
                return this::lexInsideAction;
            case '"':
                return this::lexQuote;
            case '`':
                return this::lexRawQuote;
            case '$':
                return this::lexVariable;
            case '\'':
                return this::lexChar;
            case '(':
                emit(ItemType.LEFT_PAREN);
                parenDepth++;
                return this::lexInsideAction;
            case ')':
                emit(ItemType.RIGHT_PAREN);
                parenDepth--;
                if (parenDepth < 0) {
                    return errorf("unexpected right paren " + describe(r));
                }
                return this::lexInsideAction;
            default:
                break;
        }
        if (r == '.') {
            if (pos < input.length()) {
                char c = input.charAt(pos);
                if (c < '0' || '9' < c) {
                    return this::lexField;
                }
            }
            backup();
            return this::lexNumber;
        }
        if (r == '+' || r == '-' || ('0' <= r && r <= '9')) {
            backup();
            return this::lexNumber;
        }
        if (isAlphaNumeric(r)) {
            backup();
            return this::lexIdentifier;
        }
        if (r <= 0x7F && GoQuote.isPrint(r)) {
            emit(ItemType.CHAR);
            return this::lexInsideAction;
        }
        return errorf("unrecognized character in action: " + describe(r));
    }

    private State lexSpace() {
        int numSpaces = 0;
        while (isSpace(peek())) {
            next();
            numSpaces++;
        }
        if (hasRightTrimMarker(pos - 1) && input.startsWith(rightDelim, pos - 1 + TRIM_MARKER_LEN)) {
            backup();
            if (numSpaces == 1) {
                return this::lexRightDelim;
            }
        }
        emit(ItemType.SPACE);
        return this::lexInsideAction;
    }

    private State lexIdentifier() {
        while (true) {
            int r = next();
            if (isAlphaNumeric(r)) {
                continue;
            }
            backup();
            String word = input.substring(start, pos);
            if (!atTerminator()) {
                return errorf("bad character " + describe(r));
            }
            ItemType kw = ItemType.keyword(word);
            if (kw != null && kw.isKeyword()) {
                if (kw == ItemType.BREAK && !breakOk || kw == ItemType.CONTINUE && !continueOk) {
                    emit(ItemType.IDENTIFIER);
                } else {
                    emit(kw);
                }
            } else if (word.charAt(0) == '.') {
                emit(ItemType.FIELD);
            } else if (word.equals("true") || word.equals("false")) {
                emit(ItemType.BOOL);
            } else {
                emit(ItemType.IDENTIFIER);
            }
            return this::lexInsideAction;
        }
    }

    private State lexField() {
        return lexFieldOrVariable(ItemType.FIELD);
    }

    private State lexVariable() {
        if (atTerminator()) {
            emit(ItemType.VARIABLE);
            return this::lexInsideAction;
        }
        return lexFieldOrVariable(ItemType.VARIABLE);
    }

    private State lexFieldOrVariable(ItemType type) {
        if (atTerminator()) {
            emit(type == ItemType.VARIABLE ? ItemType.VARIABLE : ItemType.DOT);
            return this::lexInsideAction;
        }
        int r;
        while (true) {
            r = next();
            if (!isAlphaNumeric(r)) {
                backup();
                break;
            }
        }
        if (!atTerminator()) {
            return errorf("bad character " + describe(r));
        }
        emit(type);
        return this::lexInsideAction;
    }

    private boolean atTerminator() {
        int r = peek();
        if (isSpace(r)) {
            return true;
        }
        switch (r) {
            case EOF: case '.': case ',': case '|': case ':': case ')': case '(':
                return true;
            default:
                return input.startsWith(rightDelim, pos);
        }
    }

    private State lexChar() {
        return scanQuoted('\'', "unterminated character constant", ItemType.CHAR_CONSTANT);
    }

    /** A quoted literal whose opening quote is consumed; backslash escapes the next char, newline ends it. */
    private State scanQuoted(int quote, String unterminated, ItemType type) {
        while (true) {
            int r = next();
            if (r == '\\') {
                int e = next();
                if (e != EOF && e != '\n') {
                    continue;
                }
                return errorf(unterminated);
            }
            if (r == EOF || r == '\n') {
                return errorf(unterminated);
            }
            if (r == quote) {
                break;
            }
        }
        emit(type);
        return this::lexInsideAction;
    }

    private State lexNumber() {
        if (!scanNumber()) {
            return errorf("bad number syntax: " + GoQuote.quote(input.substring(start, pos)));
        }
        int sign = peek();
        if (sign == '+' || sign == '-') {
            if (!scanNumber() || input.charAt(pos - 1) != 'i') {
                return errorf("bad number syntax: " + GoQuote.quote(input.substring(start, pos)));
            }
            emit(ItemType.COMPLEX);
        } else {
            emit(ItemType.NUMBER);
        }
        return this::lexInsideAction;
    }

    private boolean scanNumber() {
        accept("+-");
        String digits = "0123456789_";
        if (accept("0")) {
            if (accept("xX")) {
                digits = "0123456789abcdefABCDEF_";
            } else if (accept("oO")) {
                digits = "01234567_";
            } else if (accept("bB")) {
                digits = "01_";
            }
        }
        acceptRun(digits);
        if (accept(".")) {
            acceptRun(digits);
        }
        if (digits.length() == 11 && accept("eE")) {
            accept("+-");
            acceptRun("0123456789_");
        }
        if (digits.length() == 23 && accept("pP")) {
            accept("+-");
            acceptRun("0123456789_");
        }
        accept("i");
        if (isAlphaNumeric(peek())) {
            next();
            return false;
        }
        return true;
    }

    private State lexQuote() {
        return scanQuoted('"', "unterminated quoted string", ItemType.STRING);
    }

    private State lexRawQuote() {
        while (true) {
            int r = next();
            if (r == EOF) {
                return errorf("unterminated raw quoted string");
            }
            if (r == '`') {
                break;
            }
        }
        emit(ItemType.RAW_STRING);
        return this::lexInsideAction;
    }

    static boolean isSpace(int r) {
        return r == ' ' || r == '\t' || r == '\r' || r == '\n';
    }

    static boolean isAlphaNumeric(int r) {
        return r == '_' || r >= 0 && (Character.isLetter(r) || Character.isDigit(r));
    }
}
