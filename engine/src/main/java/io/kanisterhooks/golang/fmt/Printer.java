package io.kanisterhooks.golang.fmt;

import io.kanisterhooks.golang.errors.GoError;
import io.kanisterhooks.golang.strconv.FloatFormat;
import io.kanisterhooks.golang.strconv.GoQuote;
import io.kanisterhooks.golang.strings.GoStrings;
import io.kanisterhooks.golang.value.GoComplex;
import io.kanisterhooks.golang.value.GoInt;
import io.kanisterhooks.golang.value.GoKind;
import io.kanisterhooks.golang.value.GoMap;
import io.kanisterhooks.golang.value.GoMethod;
import io.kanisterhooks.golang.value.GoNamed;
import io.kanisterhooks.golang.value.GoPointer;
import io.kanisterhooks.golang.value.GoSlice;
import io.kanisterhooks.golang.value.GoStruct;
import io.kanisterhooks.golang.value.GoType;
import io.kanisterhooks.golang.value.GoValue;
import io.kanisterhooks.golang.value.StructField;
import io.kanisterhooks.golang.value.Values;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One formatting run of Go's {@code fmt} (its {@code pp} printer and {@code fmt} formatter): verbs, flags,
 * width, precision, argument indexes, the bad-verb and missing/extra argument texts, and value printing by
 * kind. Not thread-safe; {@link GoFmt} creates one per call.
 */
final class Printer {
    private static final String LDIGITS = "0123456789abcdefx";
    private static final String UDIGITS = "0123456789ABCDEFX";
    private static final String NIL_ANGLE = "<nil>";

    final StringBuilder buf;

    // formatting flags of the current verb
    private boolean widPresent;
    private boolean precPresent;
    private boolean minus;
    private boolean plus;
    private boolean sharp;
    private boolean space;
    private boolean zero;
    private boolean plusV;
    private boolean sharpV;
    private int wid;
    private int prec;

    private boolean erroring;
    private boolean panicking;
    /** The argument or element being formatted, named in bad-verb texts ({@code %!d(string=a)}). */
    private Object current;
    private boolean reordered;
    private boolean goodArgNum;

    Printer(StringBuilder buf) {
        this.buf = buf;
    }

    private void clearFlags() {
        widPresent = false;
        precPresent = false;
        minus = false;
        plus = false;
        sharp = false;
        space = false;
        zero = false;
        plusV = false;
        sharpV = false;
        wid = 0;
        prec = 0;
    }

    // ---- Print, Println, Printf ----

    void doPrint(Object[] args) {
        boolean prevString = false;
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i];
            boolean isString = arg != null && Values.kindOf(arg) == GoKind.STRING;
            if (i > 0 && !isString && !prevString) {
                buf.append(' ');
            }
            printArg(arg, 'v');
            prevString = isString;
        }
    }

    void doPrintln(Object[] args) {
        for (int i = 0; i < args.length; i++) {
            if (i > 0) {
                buf.append(' ');
            }
            printArg(args[i], 'v');
        }
        buf.append('\n');
    }

    // the cursor of doPrintf: position in the format, next argument, whether an [n] index was just read
    private int fmtPos;
    private int argNum;
    private boolean afterIndex;
    /** Whether the last {@link #parseNum} or {@link #intFromArg} found a number. */
    private boolean numFound;

    void doPrintf(String format, Object[] a) {
        int end = format.length();
        argNum = 0;
        fmtPos = 0;
        reordered = false;
        formatLoop:
        while (fmtPos < end) {
            goodArgNum = true;
            int lasti = fmtPos;
            while (fmtPos < end && format.charAt(fmtPos) != '%') {
                fmtPos++;
            }
            if (fmtPos > lasti) {
                buf.append(format, lasti, fmtPos);
            }
            if (fmtPos >= end) {
                break;
            }
            fmtPos++;
            clearFlags();
            simpleFormat:
            for (; fmtPos < end; fmtPos++) {
                char c = format.charAt(fmtPos);
                switch (c) {
                    case '#':
                        sharp = true;
                        break;
                    case '0':
                        zero = !minus;
                        break;
                    case '+':
                        plus = true;
                        break;
                    case '-':
                        minus = true;
                        zero = false;
                        break;
                    case ' ':
                        space = true;
                        break;
                    default:
                        if ('a' <= c && c <= 'z' && argNum < a.length) {
                            if (c == 'v') {
                                moveVFlags();
                            }
                            printArg(a[argNum], c);
                            argNum++;
                            fmtPos++;
                            continue formatLoop;
                        }
                        break simpleFormat;
                }
            }

            argNumber(format, a.length);
            if (fmtPos < end && format.charAt(fmtPos) == '*') {
                fmtPos++;
                wid = intFromArg(a);
                widPresent = numFound;
                if (!widPresent) {
                    buf.append("%!(BADWIDTH)");
                }
                if (wid < 0) {
                    wid = -wid;
                    minus = true;
                    zero = false;
                }
                afterIndex = false;
            } else {
                wid = parseNum(format, end);
                widPresent = numFound;
                if (afterIndex && widPresent) {
                    goodArgNum = false;
                }
            }

            if (fmtPos + 1 < end && format.charAt(fmtPos) == '.') {
                fmtPos++;
                if (afterIndex) {
                    goodArgNum = false;
                }
                argNumber(format, a.length);
                if (fmtPos < end && format.charAt(fmtPos) == '*') {
                    fmtPos++;
                    prec = intFromArg(a);
                    precPresent = numFound;
                    if (prec < 0) {
                        prec = 0;
                        precPresent = false;
                    }
                    if (!precPresent) {
                        buf.append("%!(BADPREC)");
                    }
                    afterIndex = false;
                } else {
                    prec = parseNum(format, end);
                    precPresent = true;
                }
            }

            if (!afterIndex) {
                argNumber(format, a.length);
            }

            if (fmtPos >= end) {
                buf.append("%!(NOVERB)");
                break;
            }

            int verb = format.codePointAt(fmtPos);
            fmtPos += Character.charCount(verb);

            if (verb == '%') {
                buf.append('%');
            } else if (!goodArgNum) {
                buf.append("%!").appendCodePoint(verb).append("(BADINDEX)");
            } else if (argNum >= a.length) {
                buf.append("%!").appendCodePoint(verb).append("(MISSING)");
            } else {
                if (verb == 'v') {
                    moveVFlags();
                }
                printArg(a[argNum], verb);
                argNum++;
            }
        }

        if (!reordered && argNum < a.length) {
            clearFlags();
            buf.append("%!(EXTRA ");
            for (int i = argNum; i < a.length; i++) {
                if (i > argNum) {
                    buf.append(", ");
                }
                Object arg = a[i];
                if (arg == null) {
                    buf.append(NIL_ANGLE);
                } else {
                    buf.append(Values.typeName(arg)).append('=');
                    printArg(arg, 'v');
                }
            }
            buf.append(')');
        }
    }

    /** {@code %#v} and {@code %+v} are flags of the verb, not of the value. */
    private void moveVFlags() {
        sharpV = sharp;
        sharp = false;
        plusV = plus;
        plus = false;
    }

    /** An optional {@code [n]} argument index at the cursor. */
    private void argNumber(String format, int numArgs) {
        afterIndex = false;
        if (format.length() <= fmtPos || format.charAt(fmtPos) != '[') {
            return;
        }
        reordered = true;
        int width = 1;
        boolean ok = false;
        int index = 0;
        if (format.length() - fmtPos >= 3) {
            for (int j = fmtPos + 1; j < format.length(); j++) {
                if (format.charAt(j) == ']') {
                    int saved = fmtPos;
                    fmtPos++;
                    int n = parseNum(format, j);
                    ok = numFound && fmtPos == j;
                    fmtPos = saved;
                    index = ok ? n - 1 : 0;
                    width = j - fmtPos + 1;
                    break;
                }
            }
        }
        fmtPos += width;
        afterIndex = ok;
        if (ok && 0 <= index && index < numArgs) {
            argNum = index;
            return;
        }
        goodArgNum = false;
    }

    /** A decimal number at the cursor (up to {@code end}); sets {@link #numFound}. */
    private int parseNum(String s, int end) {
        numFound = false;
        if (fmtPos >= end) {
            fmtPos = end;
            return 0;
        }
        int num = 0;
        while (fmtPos < end && '0' <= s.charAt(fmtPos) && s.charAt(fmtPos) <= '9') {
            if (tooLarge(num)) {
                numFound = false;
                fmtPos = end;
                return 0;
            }
            num = num * 10 + (s.charAt(fmtPos) - '0');
            numFound = true;
            fmtPos++;
        }
        return num;
    }

    private static boolean tooLarge(long x) {
        return x > 1_000_000 || x < -1_000_000;
    }

    /** A {@code *} width or precision taken from the next argument; sets {@link #numFound}. */
    private int intFromArg(Object[] a) {
        numFound = false;
        if (argNum >= a.length) {
            return 0;
        }
        Object v = a[argNum++];
        long num = 0;
        if (v instanceof Long || v instanceof GoInt) {
            long n = ((Number) v).longValue();
            boolean unsigned = v instanceof GoInt && ((GoInt) v).isUnsigned();
            if (!unsigned || n >= 0) {
                num = n;
                numFound = true;
            }
        }
        if (numFound && tooLarge(num)) {
            num = 0;
            numFound = false;
        }
        return (int) num;
    }

    // ---- printing one argument ----

    void printArg(Object arg, int verb) {
        current = arg;
        if (arg == null) {
            if (verb == 'T' || verb == 'v') {
                padString(NIL_ANGLE);
            } else {
                badVerb(verb);
            }
            return;
        }
        if (verb == 'T') {
            fmtS(Values.typeName(arg));
            return;
        }
        if (verb == 'p') {
            fmtPointer(arg, 'p');
            return;
        }
        if (arg instanceof String) {
            fmtString((String) arg, verb);
            return;
        }
        if (arg instanceof Long) {
            fmtInteger((Long) arg, true, verb);
            return;
        }
        if (arg instanceof byte[]) {
            fmtBytes((byte[]) arg, verb, "[]byte");
            return;
        }
        if (arg instanceof GoSlice && ((GoSlice) arg).goType() == GoType.BYTES) {
            fmtBytes(null, verb, "[]byte");
            return;
        }
        if (!handleMethods(arg, verb)) {
            printValue(arg, verb, 0);
        }
    }

    private boolean handleMethods(Object arg, int verb) {
        if (erroring || !(arg instanceof GoValue)) {
            return false;
        }
        GoType t = ((GoValue) arg).goType();
        if (!t.hasMethods()) {
            return false;
        }
        if (sharpV) {
            GoMethod m = t.method("GoString");
            if (m != null) {
                callStringMethod(arg, m, verb, "GoString", false);
                return true;
            }
            return false;
        }
        if (verb == 'v' || verb == 's' || verb == 'x' || verb == 'X' || verb == 'q') {
            GoMethod m = t.method("Error");
            String which = "Error";
            if (m == null) {
                m = t.method("String");
                which = "String";
            }
            if (m != null && m.signature().numIn() == 0) {
                callStringMethod(arg, m, verb, which, true);
                return true;
            }
        }
        return false;
    }

    private void callStringMethod(Object arg, GoMethod m, int verb, String which, boolean asString) {
        if (arg instanceof GoPointer && ((GoPointer) arg).isNil()) {
            buf.append(NIL_ANGLE);
            return;
        }
        Object receiver = arg instanceof GoPointer ? ((GoPointer) arg).target() : arg;
        String s;
        try {
            s = Values.stringOf(m.invoke(receiver));
        } catch (GoError e) {
            if (panicking) {
                throw e;
            }
            boolean[] saved = saveFlags();
            clearFlags();
            buf.append("%!").appendCodePoint(verb).append("(PANIC=").append(which).append(" method: ");
            panicking = true;
            buf.append(e.getMessage());
            panicking = false;
            buf.append(')');
            restoreFlags(saved);
            return;
        }
        if (asString) {
            fmtString(s == null ? "" : s, verb);
        } else {
            fmtS(s == null ? "" : s);
        }
    }

    private boolean[] saveFlags() {
        return new boolean[] {widPresent, precPresent, minus, plus, sharp, space, zero, plusV, sharpV};
    }

    private void restoreFlags(boolean[] f) {
        widPresent = f[0];
        precPresent = f[1];
        minus = f[2];
        plus = f[3];
        sharp = f[4];
        space = f[5];
        zero = f[6];
        plusV = f[7];
        sharpV = f[8];
    }

    /** Prints a value by kind; {@code depth} 0 is a top-level argument, deeper ones are collection elements. */
    void printValue(Object value, int verb, int depth) {
        if (depth > 0 && value != null && handleMethods(value, verb)) {
            return;
        }
        current = value;
        if (value == null) {
            if (depth == 0) {
                buf.append("<invalid reflect.Value>");
            } else if (verb == 'v') {
                buf.append(NIL_ANGLE);
            } else {
                badVerb(verb);
            }
            return;
        }
        if (value instanceof String) {
            fmtString((String) value, verb);
        } else if (value instanceof Long) {
            fmtInteger((Long) value, true, verb);
        } else if (value instanceof Boolean) {
            fmtBool((Boolean) value, verb);
        } else if (value instanceof Double) {
            fmtFloat((Double) value, 64, verb);
        } else if (value instanceof GoInt) {
            GoInt i = (GoInt) value;
            fmtInteger(i.longValue(), !i.isUnsigned(), verb);
        } else if (value instanceof GoNamed) {
            printNamed((GoNamed) value, verb);
        } else if (value instanceof GoComplex) {
            GoComplex c = (GoComplex) value;
            fmtComplex(c, c.goType().kind() == GoKind.COMPLEX64 ? 64 : 128, verb);
        } else if (value instanceof Map || value instanceof GoMap) {
            printMap(value, verb, depth);
        } else if (value instanceof List || value instanceof GoSlice || value instanceof byte[]) {
            printSlice(value, verb, depth);
        } else if (value instanceof GoStruct) {
            printStruct((GoStruct) value, verb, depth);
        } else if (value instanceof GoPointer) {
            GoPointer p = (GoPointer) value;
            if (depth == 0 && !p.isNil()) {
                GoKind k = Values.kindOf(p.target());
                if (k == GoKind.ARRAY || k == GoKind.SLICE || k == GoKind.STRUCT || k == GoKind.MAP) {
                    buf.append('&');
                    printValue(p.target(), verb, depth + 1);
                    return;
                }
            }
            fmtPointer(value, verb);
        } else {
            GoKind k = Values.kindOf(value);
            if (k == GoKind.STRUCT) {
                if (sharpV) {
                    buf.append(Values.typeName(value));
                }
                buf.append("{}");
            } else {
                fmtPointer(value, verb);
            }
        }
    }

    private void printNamed(GoNamed n, int verb) {
        Object v = n.value();
        if (v instanceof String) {
            fmtString((String) v, verb);
        } else if (v instanceof Boolean) {
            fmtBool((Boolean) v, verb);
        } else {
            fmtFloat((Double) v, n.goType().kind() == GoKind.FLOAT32 ? 32 : 64, verb);
        }
    }

    /** An element in a slot of interface type: nil prints {@code <nil>}, anything else by its dynamic type. */
    private void printElement(Object elem, boolean interfaceSlot, GoType slotType, int verb, int depth) {
        if (elem == null && interfaceSlot) {
            if (sharpV) {
                buf.append(slotType.name()).append("(nil)");
            } else {
                buf.append(NIL_ANGLE);
            }
            return;
        }
        printValue(elem, verb, depth + 1);
    }

    private void printMap(Object value, int verb, int depth) {
        GoType type = Values.typeOf(value);
        Map<String, Object> entries = Values.entries(value);
        if (sharpV) {
            buf.append(type.name());
            if (Values.isNil(value)) {
                buf.append("(nil)");
                return;
            }
            buf.append('{');
        } else {
            buf.append("map[");
        }
        List<String> keys = new ArrayList<>(entries.keySet());
        keys.sort(GoStrings.ORDER);
        GoType elem = type.elem();
        boolean iface = elem.kind() == GoKind.INTERFACE;
        for (int i = 0; i < keys.size(); i++) {
            if (i > 0) {
                if (sharpV) {
                    buf.append(", ");
                } else {
                    buf.append(' ');
                }
            }
            String key = keys.get(i);
            printValue(type.key() == GoType.STRING ? key : GoNamed.of(type.key(), key), verb, depth + 1);
            buf.append(':');
            printElement(entries.get(key), iface, elem, verb, depth);
        }
        buf.append(sharpV ? '}' : ']');
    }

    private void printSlice(Object value, int verb, int depth) {
        GoType type = Values.typeOf(value);
        if ((verb == 's' || verb == 'q' || verb == 'x' || verb == 'X') && type.elem().kind() == GoKind.UINT8) {
            fmtBytes(bytesOf(value), verb, type.name());
            return;
        }
        if (sharpV) {
            buf.append(type.name());
            if (Values.isNil(value) && type.kind() == GoKind.SLICE) {
                buf.append("(nil)");
                return;
            }
            buf.append('{');
        } else {
            buf.append('[');
        }
        GoType elem = type.elem();
        boolean iface = elem.kind() == GoKind.INTERFACE;
        if (value instanceof byte[]) {
            byte[] b = (byte[]) value;
            for (int i = 0; i < b.length; i++) {
                if (i > 0) {
                    buf.append(sharpV ? ", " : " ");
                }
                printValue(GoInt.ofUint8(b[i]), verb, depth + 1);
            }
        } else {
            List<Object> elements = Values.elements(value);
            for (int i = 0; i < elements.size(); i++) {
                if (i > 0) {
                    buf.append(sharpV ? ", " : " ");
                }
                printElement(elements.get(i), iface, elem, verb, depth);
            }
        }
        buf.append(sharpV ? '}' : ']');
    }

    private static byte[] bytesOf(Object value) {
        if (value instanceof byte[]) {
            return (byte[]) value;
        }
        List<Object> elements = Values.elements(value);
        if (Values.isNil(value)) {
            return null;
        }
        byte[] b = new byte[elements.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) ((Number) elements.get(i)).longValue();
        }
        return b;
    }

    private void printStruct(GoStruct s, int verb, int depth) {
        GoType type = s.goType();
        if (sharpV) {
            buf.append(type.name());
        }
        buf.append('{');
        List<StructField> fields = type.fields();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                buf.append(sharpV ? ", " : " ");
            }
            StructField f = fields.get(i);
            if (plusV || sharpV) {
                buf.append(f.name()).append(':');
            }
            Object v = s.field(i);
            if (v == null && f.type().kind() == GoKind.INTERFACE) {
                buf.append(sharpV ? f.type().name() + "(nil)" : NIL_ANGLE);
            } else {
                printValue(v, verb, depth + 1);
            }
        }
        buf.append('}');
    }

    private void badVerb(int verb) {
        Object value = current;
        erroring = true;
        buf.append("%!").appendCodePoint(verb).append('(');
        if (value != null) {
            buf.append(Values.typeName(value)).append('=');
            printArg(value, 'v');
        } else {
            buf.append(NIL_ANGLE);
        }
        buf.append(')');
        erroring = false;
    }

    // ---- per-kind formatting (Go's pp.fmtXxx) ----

    private void fmtBool(boolean v, int verb) {
        if (verb == 't' || verb == 'v') {
            padString(v ? "true" : "false");
        } else {
            badVerb(verb);
        }
    }

    private void fmtInteger(long v, boolean signed, int verb) {
        switch (verb) {
            case 'v':
                if (sharpV && !signed) {
                    fmt0x64(v, true);
                } else {
                    formatInteger(v, 10, signed, verb, LDIGITS);
                }
                return;
            case 'd':
                formatInteger(v, 10, signed, verb, LDIGITS);
                return;
            case 'b':
                formatInteger(v, 2, signed, verb, LDIGITS);
                return;
            case 'o':
            case 'O':
                formatInteger(v, 8, signed, verb, LDIGITS);
                return;
            case 'x':
                formatInteger(v, 16, signed, verb, LDIGITS);
                return;
            case 'X':
                formatInteger(v, 16, signed, verb, UDIGITS);
                return;
            case 'c':
                fmtC(v);
                return;
            case 'q':
                fmtQc(v);
                return;
            case 'U':
                fmtUnicode(v);
                return;
            default:
                badVerb(verb);
        }
    }

    private void fmt0x64(long v, boolean leading0x) {
        boolean s = sharp;
        sharp = leading0x;
        formatInteger(v, 16, false, 'v', LDIGITS);
        sharp = s;
    }

    private void fmtFloat(double v, int size, int verb) {
        switch (verb) {
            case 'v':
                formatFloat(v, size, 'g', -1);
                return;
            case 'b':
            case 'g':
            case 'G':
            case 'x':
            case 'X':
                formatFloat(v, size, (char) verb, -1);
                return;
            case 'f':
            case 'e':
            case 'E':
                formatFloat(v, size, (char) verb, 6);
                return;
            case 'F':
                formatFloat(v, size, 'f', 6);
                return;
            default:
                badVerb(verb);
        }
    }

    private void fmtComplex(GoComplex c, int size, int verb) {
        switch (verb) {
            case 'v': case 'b': case 'g': case 'G': case 'x': case 'X': case 'f': case 'F': case 'e': case 'E': {
                boolean oldPlus = plus;
                buf.append('(');
                fmtFloat(c.real(), size / 2, verb);
                plus = true;
                fmtFloat(c.imag(), size / 2, verb);
                buf.append("i)");
                plus = oldPlus;
                return;
            }
            default:
                badVerb(verb);
        }
    }

    private void fmtString(String v, int verb) {
        switch (verb) {
            case 'v':
                if (sharpV) {
                    fmtQ(v);
                } else {
                    fmtS(v);
                }
                return;
            case 's':
                fmtS(v);
                return;
            case 'x':
                fmtSbx(v.getBytes(StandardCharsets.UTF_8), LDIGITS);
                return;
            case 'X':
                fmtSbx(v.getBytes(StandardCharsets.UTF_8), UDIGITS);
                return;
            case 'q':
                fmtQ(v);
                return;
            default:
                badVerb(verb);
        }
    }

    private void fmtBytes(byte[] v, int verb, String typeString) {
        switch (verb) {
            case 'v':
            case 'd':
                if (sharpV) {
                    buf.append(typeString);
                    if (v == null) {
                        buf.append("(nil)");
                        return;
                    }
                    buf.append('{');
                    for (int i = 0; i < v.length; i++) {
                        if (i > 0) {
                            buf.append(", ");
                        }
                        fmt0x64(v[i] & 0xFF, true);
                    }
                    buf.append('}');
                } else {
                    buf.append('[');
                    for (int i = 0; v != null && i < v.length; i++) {
                        if (i > 0) {
                            buf.append(' ');
                        }
                        formatInteger(v[i] & 0xFF, 10, false, verb, LDIGITS);
                    }
                    buf.append(']');
                }
                return;
            case 's':
                fmtS(GoStrings.fromUtf8(v == null ? new byte[0] : v));
                return;
            case 'x':
                fmtSbx(v == null ? new byte[0] : v, LDIGITS);
                return;
            case 'X':
                fmtSbx(v == null ? new byte[0] : v, UDIGITS);
                return;
            case 'q':
                fmtQ(GoStrings.fromUtf8(v == null ? new byte[0] : v));
                return;
            default:
                printValue(v == null ? GoSlice.nil(GoType.BYTES) : v, verb, 0);
        }
    }

    private void fmtPointer(Object value, int verb) {
        GoKind k = Values.kindOf(value);
        long u;
        switch (k) {
            case CHAN: case FUNC: case MAP: case POINTER: case SLICE: case UNSAFE_POINTER:
                u = Values.isNil(value) ? 0 : fakeAddress(value);
                break;
            default:
                badVerb(verb);
                return;
        }
        switch (verb) {
            case 'v':
                if (sharpV) {
                    buf.append('(').append(Values.typeName(value)).append(")(");
                    if (u == 0) {
                        buf.append("nil");
                    } else {
                        fmt0x64(u, true);
                    }
                    buf.append(')');
                } else if (u == 0) {
                    padString(NIL_ANGLE);
                } else {
                    fmt0x64(u, !sharp);
                }
                return;
            case 'p':
                fmt0x64(u, !sharp);
                return;
            case 'b': case 'o': case 'd': case 'x': case 'X':
                fmtInteger(u, false, verb);
                return;
            default:
                badVerb(verb);
        }
    }

    /** Go prints heap addresses; there is no stable equivalent, so an identity-derived one stands in. */
    private static long fakeAddress(Object value) {
        Object target = value instanceof GoPointer ? ((GoPointer) value).target() : value;
        return 0xc000000000L + ((System.identityHashCode(target) & 0xFFFFFFL) << 4);
    }

    // ---- Go's fmt.fmt: padding and the basic formatters ----

    private void writePadding(int n) {
        char pad = zero ? '0' : ' ';
        for (int i = 0; i < n; i++) {
            buf.append(pad);
        }
    }

    private void padString(String s) {
        if (!widPresent || wid == 0) {
            buf.append(s);
            return;
        }
        int width = wid - GoStrings.runeCount(s);
        if (!minus) {
            writePadding(width);
            buf.append(s);
        } else {
            buf.append(s);
            writePadding(width);
        }
    }

    private void fmtUnicode(long u) {
        StringBuilder s = new StringBuilder("U+");
        String hex = Long.toHexString(u).toUpperCase(Locale.ROOT);
        int digits = 4;
        if (precPresent && prec > 4) {
            digits = prec;
        }
        for (int i = hex.length(); i < digits; i++) {
            s.append('0');
        }
        s.append(hex);
        if (sharp && u >= 0 && u <= 0x10FFFF && GoQuote.isPrint((int) u)) {
            s.append(" '").appendCodePoint((int) u).append('\'');
        }
        boolean oldZero = zero;
        zero = false;
        padString(s.toString());
        zero = oldZero;
    }

    /** Go's {@code fmt.fmtInteger}: {@code u} holds the value's bits; signed values are read as int64. */
    private void formatInteger(long u, int base, boolean isSigned, int verb, String digits) {
        boolean negative = isSigned && u < 0;
        if (negative) {
            u = -u;
        }
        int precision = 0;
        if (precPresent) {
            precision = prec;
            if (precision == 0 && u == 0) {
                boolean oldZero = zero;
                zero = false;
                writePadding(wid);
                zero = oldZero;
                return;
            }
        } else if (zero && widPresent) {
            precision = wid;
            if (negative || plus || space) {
                precision--;
            }
        }
        char[] b = new char[68 + Math.max(precision, 0) + 3];
        int i = b.length;
        switch (base) {
            case 10:
                while (Long.compareUnsigned(u, 10) >= 0) {
                    long next = Long.divideUnsigned(u, 10);
                    b[--i] = (char) ('0' + (u - next * 10));
                    u = next;
                }
                break;
            case 16:
                while (Long.compareUnsigned(u, 16) >= 0) {
                    b[--i] = digits.charAt((int) (u & 0xF));
                    u >>>= 4;
                }
                break;
            case 8:
                while (Long.compareUnsigned(u, 8) >= 0) {
                    b[--i] = (char) ('0' + (u & 7));
                    u >>>= 3;
                }
                break;
            default:
                while (Long.compareUnsigned(u, 2) >= 0) {
                    b[--i] = (char) ('0' + (u & 1));
                    u >>>= 1;
                }
                break;
        }
        b[--i] = digits.charAt((int) u);
        while (i > 0 && precision > b.length - i) {
            b[--i] = '0';
        }
        if (sharp) {
            switch (base) {
                case 2:
                    b[--i] = 'b';
                    b[--i] = '0';
                    break;
                case 8:
                    if (b[i] != '0') {
                        b[--i] = '0';
                    }
                    break;
                case 16:
                    b[--i] = digits.charAt(16);
                    b[--i] = '0';
                    break;
                default:
                    break;
            }
        }
        if (verb == 'O') {
            b[--i] = 'o';
            b[--i] = '0';
        }
        if (negative) {
            b[--i] = '-';
        } else if (plus) {
            b[--i] = '+';
        } else if (space) {
            b[--i] = ' ';
        }
        boolean oldZero = zero;
        zero = false;
        padString(new String(b, i, b.length - i));
        zero = oldZero;
    }

    private String truncateString(String s) {
        if (precPresent) {
            int n = prec;
            for (int i = 0; i < s.length(); ) {
                if (--n < 0) {
                    return s.substring(0, i);
                }
                i += Character.charCount(s.codePointAt(i));
            }
        }
        return s;
    }

    private void fmtS(String s) {
        padString(truncateString(s));
    }

    private void fmtSbx(byte[] b, String digits) {
        int length = b.length;
        if (precPresent && prec < length) {
            length = prec;
        }
        int width = 2 * length;
        if (width > 0) {
            if (space) {
                if (sharp) {
                    width *= 2;
                }
                width += length - 1;
            } else if (sharp) {
                width += 2;
            }
        } else {
            if (widPresent) {
                writePadding(wid);
            }
            return;
        }
        if (widPresent && wid > width && !minus) {
            writePadding(wid - width);
        }
        if (sharp) {
            buf.append('0').append(digits.charAt(16));
        }
        for (int i = 0; i < length; i++) {
            if (space && i > 0) {
                buf.append(' ');
                if (sharp) {
                    buf.append('0').append(digits.charAt(16));
                }
            }
            int c = b[i] & 0xFF;
            buf.append(digits.charAt(c >> 4)).append(digits.charAt(c & 0xF));
        }
        if (widPresent && wid > width && minus) {
            writePadding(wid - width);
        }
    }

    private void fmtQ(String s) {
        s = truncateString(s);
        if (sharp && GoQuote.canBackquote(s)) {
            padString("`" + s + "`");
            return;
        }
        padString(plus ? GoQuote.quoteToAscii(s) : GoQuote.quote(s));
    }

    private void fmtC(long c) {
        int r = c > 0x10FFFF || c < 0 || (c >= 0xD800 && c <= 0xDFFF) ? 0xFFFD : (int) c;
        padString(new String(Character.toChars(r)));
    }

    private void fmtQc(long c) {
        long r = c > 0x10FFFF || c < 0 ? 0xFFFD : c;
        padString(GoQuote.quoteRune(r, plus));
    }

    /** Go's {@code fmt.fmtFloat}: sign handling, {@code #} alternate form and zero padding around FormatFloat. */
    private void formatFloat(double v, int size, char verb, int precision) {
        if (precPresent) {
            precision = prec;
        }
        StringBuilder num = new StringBuilder(32);
        num.append('+');
        FloatFormat.append(num, v, verb, precision, size);
        if (num.charAt(1) == '-' || num.charAt(1) == '+') {
            num.deleteCharAt(0);
        } else {
            num.setCharAt(0, '+');
        }
        if (space && num.charAt(0) == '+' && !plus) {
            num.setCharAt(0, ' ');
        }
        if (num.charAt(1) == 'I' || num.charAt(1) == 'N') {
            boolean oldZero = zero;
            zero = false;
            if (num.charAt(1) == 'N' && !space && !plus) {
                num.deleteCharAt(0);
            }
            padString(num.toString());
            zero = oldZero;
            return;
        }
        if (sharp && verb != 'b') {
            int digits = 0;
            if (verb == 'v' || verb == 'g' || verb == 'G' || verb == 'x') {
                digits = precision;
                if (digits == -1) {
                    digits = 6;
                }
            }
            String tail = "";
            boolean hasDecimalPoint = false;
            boolean sawNonzeroDigit = false;
            for (int i = 1; i < num.length(); i++) {
                char c = num.charAt(i);
                if (c == '.') {
                    hasDecimalPoint = true;
                } else if (c == 'p' || c == 'P' || (c == 'e' || c == 'E') && verb != 'x' && verb != 'X') {
                    tail = num.substring(i);
                    num.setLength(i);
                    break;
                } else {
                    if (c != '0') {
                        sawNonzeroDigit = true;
                    }
                    if (sawNonzeroDigit) {
                        digits--;
                    }
                }
            }
            if (!hasDecimalPoint) {
                if (num.length() == 2 && num.charAt(1) == '0') {
                    digits--;
                }
                num.append('.');
            }
            while (digits > 0) {
                num.append('0');
                digits--;
            }
            num.append(tail);
        }
        if (plus || num.charAt(0) != '+') {
            if (zero && widPresent && wid > num.length()) {
                buf.append(num.charAt(0));
                writePadding(wid - num.length());
                buf.append(num, 1, num.length());
                return;
            }
            padString(num.toString());
            return;
        }
        padString(num.substring(1));
    }
}
