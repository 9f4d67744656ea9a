package io.kanisterhooks.template.builtin;

import io.kanisterhooks.golang.errors.GoError;
import io.kanisterhooks.golang.fmt.GoFmt;
import io.kanisterhooks.golang.strings.GoStrings;
import io.kanisterhooks.golang.value.GoComplex;
import io.kanisterhooks.golang.value.GoInt;
import io.kanisterhooks.golang.value.GoKind;
import io.kanisterhooks.golang.value.GoNamed;
import io.kanisterhooks.golang.value.GoType;
import io.kanisterhooks.golang.value.Values;

/**
 * text/template's comparison functions {@code eq ne lt le gt ge}, reusable outside templates (Kubernetes
 * JSONPath filters compare with the same rules).
 *
 * <ul>
 *   <li>Integers of every kind compare with each other, signed against unsigned included.</li>
 *   <li>Otherwise both operands must have the same basic kind: int against float, or string against int, fails
 *       with {@code incompatible types for comparison}.</li>
 *   <li>{@code eq} on slices, maps and funcs fails with {@code non-comparable type V: T}; ordering bools,
 *       complex numbers or non-basic values fails with {@code invalid type for comparison}.</li>
 *   <li>{@code eq x a b c} is true if {@code x} equals any of {@code a b c}; nil equals nil.</li>
 * </ul>
 * Operands are values of the value model; {@code null} is nil. Failures throw {@link GoError} with Go's text.
 */
public final class GoCompare {
    static final String BAD_TYPE = "invalid type for comparison";
    static final String INCOMPATIBLE = "incompatible types for comparison";
    static final String MISSING = "missing argument for comparison";

    private GoCompare() {
    }

    private enum Basic { INVALID, BOOL, COMPLEX, INT, FLOAT, STRING, UINT }

    private static Basic basicKind(Object v) {
        if (v == null) {
            return Basic.INVALID;
        }
        if (v instanceof String) {
            return Basic.STRING;
        }
        if (v instanceof Long) {
            return Basic.INT;
        }
        if (v instanceof GoInt) {
            return ((GoInt) v).isUnsigned() ? Basic.UINT : Basic.INT;
        }
        if (v instanceof Double) {
            return Basic.FLOAT;
        }
        if (v instanceof Boolean) {
            return Basic.BOOL;
        }
        if (v instanceof GoNamed) {
            Object u = ((GoNamed) v).value();
            return u instanceof String ? Basic.STRING : u instanceof Boolean ? Basic.BOOL : Basic.FLOAT;
        }
        if (v instanceof GoComplex) {
            return Basic.COMPLEX;
        }
        return Basic.INVALID;
    }

    /**
     * {@code eq arg1 arg2...}: whether {@code arg1} equals any of the others. (A Java {@code null} passed as the
     * whole varargs array counts as one nil operand.)
     */
    public static boolean eq(Object arg1, Object... others) {
        if (others == null) {
            others = new Object[] {null};
        }
        if (others.length == 0) {
            throw new GoError(MISSING);
        }
        Basic k1 = basicKind(arg1);
        for (Object arg : others) {
            Basic k2 = basicKind(arg);
            boolean truth;
            if (k1 != k2) {
                if (k1 == Basic.INT && k2 == Basic.UINT) {
                    truth = longOf(arg1) >= 0 && longOf(arg1) == longOf(arg);
                } else if (k1 == Basic.UINT && k2 == Basic.INT) {
                    truth = longOf(arg) >= 0 && longOf(arg1) == longOf(arg);
                } else {
                    if (arg1 != null && arg != null) {
                        throw new GoError(INCOMPATIBLE);
                    }
                    truth = false;
                }
            } else {
                switch (k1) {
                    case BOOL:
                        truth = boolOf(arg1) == boolOf(arg);
                        break;
                    case COMPLEX:
                        truth = ((GoComplex) arg1).real() == ((GoComplex) arg).real()
                                && ((GoComplex) arg1).imag() == ((GoComplex) arg).imag();
                        break;
                    case FLOAT:
                        truth = doubleOf(arg1) == doubleOf(arg);
                        break;
                    case INT:
                    case UINT:
                        truth = longOf(arg1) == longOf(arg);
                        break;
                    case STRING:
                        truth = Values.stringOf(arg1).equals(Values.stringOf(arg));
                        break;
                    default:
                        truth = equalNonBasic(arg1, arg);
                        break;
                }
            }
            if (truth) {
                return true;
            }
        }
        return false;
    }

    private static boolean equalNonBasic(Object arg1, Object arg) {
        GoKind kind1 = Values.kindOf(arg1);
        GoKind kind2 = Values.kindOf(arg);
        if (kind1 != kind2 && arg1 != null && arg != null) {
            throw new GoError(GoFmt.sprintf("non-comparable types %s: %v, %s: %v", arg1, Values.typeName(arg1),
                    Values.typeName(arg), arg));
        }
        boolean nil1 = Values.isNil(arg1);
        boolean nil2 = Values.isNil(arg);
        if (nil1 || nil2) {
            return nil1 == nil2;
        }
        GoType t = Values.typeOf(arg);
        if (!t.comparable()) {
            throw new GoError(GoFmt.sprintf("non-comparable type %s: %v", arg, t.name()));
        }
        return Values.typeOf(arg1) == t && arg1.equals(arg);
    }

    /** {@code ne a b}. */
    public static boolean ne(Object a, Object b) {
        return !eq(a, b);
    }

    /** {@code lt a b}. */
    public static boolean lt(Object a, Object b) {
        Basic k1 = basicKind(a);
        if (k1 == Basic.INVALID) {
            throw new GoError(BAD_TYPE);
        }
        Basic k2 = basicKind(b);
        if (k2 == Basic.INVALID) {
            throw new GoError(BAD_TYPE);
        }
        if (k1 != k2) {
            if (k1 == Basic.INT && k2 == Basic.UINT) {
                return longOf(a) < 0 || Long.compareUnsigned(longOf(a), longOf(b)) < 0;
            }
            if (k1 == Basic.UINT && k2 == Basic.INT) {
                return longOf(b) >= 0 && Long.compareUnsigned(longOf(a), longOf(b)) < 0;
            }
            throw new GoError(INCOMPATIBLE);
        }
        switch (k1) {
            case BOOL:
            case COMPLEX:
                throw new GoError(BAD_TYPE);
            case FLOAT:
                return doubleOf(a) < doubleOf(b);
            case INT:
                return longOf(a) < longOf(b);
            case UINT:
                return Long.compareUnsigned(longOf(a), longOf(b)) < 0;
            default:
                return GoStrings.compare(Values.stringOf(a), Values.stringOf(b)) < 0;
        }
    }

    /** {@code le a b}. */
    public static boolean le(Object a, Object b) {
        return lt(a, b) || eq(a, b);
    }

    /** {@code gt a b}. */
    public static boolean gt(Object a, Object b) {
        return !le(a, b);
    }

    /** {@code ge a b}. */
    public static boolean ge(Object a, Object b) {
        return !lt(a, b);
    }

    private static long longOf(Object v) {
        return ((Number) v).longValue();
    }

    private static double doubleOf(Object v) {
        return v instanceof Double ? (Double) v : (Double) ((GoNamed) v).value();
    }

    private static boolean boolOf(Object v) {
        return v instanceof Boolean ? (Boolean) v : (Boolean) ((GoNamed) v).value();
    }
}
