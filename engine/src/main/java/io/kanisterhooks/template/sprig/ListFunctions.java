package io.kanisterhooks.template.sprig;

import static io.kanisterhooks.template.sprig.SprigValues.listOrPanic;

import io.kanisterhooks.golang.errors.GoPanic;
import io.kanisterhooks.golang.value.GoKind;
import io.kanisterhooks.golang.value.GoSlice;
import io.kanisterhooks.golang.value.GoType;
import io.kanisterhooks.golang.value.Values;
import io.kanisterhooks.template.func.FuncMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * sprig v2.22's list functions (list.go). They accept any slice or array, return {@code []interface {}}, and
 * panic with sprig's messages ("Cannot find first on type string") on anything else; equality is
 * {@code reflect.DeepEqual}.
 */
final class ListFunctions {

    private ListFunctions() {
    }

    static void register(FuncMap m) {
        m.define("tuple", "func(...interface {}) []interface {}", ListFunctions::list);
        m.define("list", "func(...interface {}) []interface {}", ListFunctions::list);
        m.define("append", "func(interface {}, interface {}) []interface {}", a -> push(a[0], a[1]));
        m.define("push", "func(interface {}, interface {}) []interface {}", a -> push(a[0], a[1]));
        m.define("prepend", "func(interface {}, interface {}) []interface {}", a -> {
            List<Object> out = new ArrayList<>();
            out.add(a[1]);
            out.addAll(listOrPanic(a[0], "Cannot prepend on type %s"));
            return out;
        });
        m.define("first", "func(interface {}) interface {}", a -> {
            List<Object> l = listOrPanic(a[0], "Cannot find first on type %s");
            return l.isEmpty() ? null : l.get(0);
        });
        m.define("last", "func(interface {}) interface {}", a -> {
            List<Object> l = listOrPanic(a[0], "Cannot find last on type %s");
            return l.isEmpty() ? null : l.get(l.size() - 1);
        });
        m.define("rest", "func(interface {}) []interface {}", a -> {
            List<Object> l = listOrPanic(a[0], "Cannot find rest on type %s");
            return l.isEmpty() ? null : new ArrayList<>(l.subList(1, l.size()));
        });
        m.define("initial", "func(interface {}) []interface {}", a -> {
            List<Object> l = listOrPanic(a[0], "Cannot find initial on type %s");
            return l.isEmpty() ? null : new ArrayList<>(l.subList(0, l.size() - 1));
        });
        m.define("reverse", "func(interface {}) []interface {}", a -> {
            List<Object> out = new ArrayList<>(listOrPanic(a[0], "Cannot find reverse on type %s"));
            Collections.reverse(out);
            return out;
        });
        m.define("compact", "func(interface {}) []interface {}", a -> {
            List<Object> out = new ArrayList<>();
            for (Object item : listOrPanic(a[0], "Cannot compact on type %s")) {
                if (!SprigValues.empty(item)) {
                    out.add(item);
                }
            }
            return out;
        });
        m.define("uniq", "func(interface {}) []interface {}", a -> {
            List<Object> out = new ArrayList<>();
            for (Object item : listOrPanic(a[0], "Cannot find uniq on type %s")) {
                if (!inList(out, item)) {
                    out.add(item);
                }
            }
            return out;
        });
        m.define("without", "func(interface {}, ...interface {}) []interface {}", a -> {
            List<Object> omit = Arrays.asList(a).subList(1, a.length);
            List<Object> out = new ArrayList<>();
            for (Object item : listOrPanic(a[0], "Cannot find without on type %s")) {
                if (!inList(omit, item)) {
                    out.add(item);
                }
            }
            return out;
        });
        m.define("has", "func(interface {}, interface {}) bool", a -> {
            if (a[1] == null) {
                return false;
            }
            return inList(listOrPanic(a[1], "Cannot find has on type %s"), a[0]);
        });
        m.define("slice", "func(interface {}, ...interface {}) interface {}", ListFunctions::slice);
        m.define("concat", "func(...interface {}) interface {}", a -> {
            List<Object> out = new ArrayList<>();
            for (Object list : a) {
                out.addAll(listOrPanic(list, "Cannot concat type %s as list"));
            }
            // A nil []interface {} when nothing was appended: it prints [] rather than <no value>.
            return out.isEmpty() ? GoSlice.nil(GoType.SLICE_OF_INTERFACE) : out;
        });
    }

    /** The variadic arguments themselves (text/template always passes a non-nil slice, also when empty). */
    private static Object list(Object[] args) {
        return new ArrayList<>(Arrays.asList(args));
    }

    private static Object push(Object list, Object v) {
        List<Object> out = new ArrayList<>(listOrPanic(list, "Cannot push on type %s"));
        out.add(v);
        return out;
    }

    private static boolean inList(List<Object> haystack, Object needle) {
        for (Object h : haystack) {
            if (Values.deepEqual(needle, h)) {
                return true;
            }
        }
        return false;
    }

    /**
     * sprig's slice: list[start:end] of the same slice type; nil for an empty list. Bounds are checked against
     * the capacity, as reflect.Value.Slice does.
     */
    private static Object slice(Object[] a) {
        Object list = a[0];
        GoKind kind = SprigValues.kindOrPanic(list);
        if (kind != GoKind.SLICE && kind != GoKind.ARRAY) {
            throw new GoPanic("list should be type of slice or array but " + kind.goName());
        }
        List<Object> elements = Values.elements(list);
        int l = elements.size();
        if (l == 0) {
            return null;
        }
        long start = a.length > 1 ? SprigValues.toInt64(a[1]) : 0;
        long end = a.length > 2 ? SprigValues.toInt64(a[2]) : l;
        int cap = Values.cap(list);
        if (start < 0 || end < start || end > cap) {
            throw new GoPanic("reflect.Value.Slice: slice index out of bounds");
        }
        List<Object> part = new ArrayList<>();
        for (long i = start; i < end; i++) {
            part.add(i < l ? elements.get((int) i) : Values.zero(Values.typeOf(list).elem()));
        }
        return sameTypeAs(list, part);
    }

    private static Object sameTypeAs(Object list, List<Object> part) {
        GoType type = Values.typeOf(list);
        if (type == GoType.SLICE_OF_INTERFACE) {
            return part;
        }
        if (type == GoType.BYTES) {
            byte[] b = new byte[part.size()];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) ((Number) part.get(i)).intValue();
            }
            return b;
        }
        GoType sliceType = type.kind() == GoKind.ARRAY ? GoType.sliceOf(type.elem()) : type;
        return GoSlice.of(sliceType, part);
    }
}
