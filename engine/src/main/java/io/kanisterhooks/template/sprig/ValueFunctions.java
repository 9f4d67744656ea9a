package io.kanisterhooks.template.sprig;

import io.kanisterhooks.golang.errors.GoError;
import io.kanisterhooks.golang.errors.GoPanic;
import io.kanisterhooks.golang.json.GoJson;
import io.kanisterhooks.golang.value.GoMap;
import io.kanisterhooks.golang.value.GoPointer;
import io.kanisterhooks.golang.value.GoSlice;
import io.kanisterhooks.golang.value.GoStruct;
import io.kanisterhooks.golang.value.GoType;
import io.kanisterhooks.golang.value.Values;
import io.kanisterhooks.template.func.FuncMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** sprig v2.22's defaults.go and reflect.go functions, plus {@code fail}. */
final class ValueFunctions {

    private ValueFunctions() {
    }

    static void register(FuncMap m) {
        m.define("default", "func(interface {}, ...interface {}) interface {}",
                a -> a.length < 2 || SprigValues.empty(a[1]) ? a[0] : a[1]);
        m.define("empty", "func(interface {}) bool", a -> SprigValues.empty(a[0]));
        m.define("coalesce", "func(...interface {}) interface {}", a -> {
            for (Object v : a) {
                if (!SprigValues.empty(v)) {
                    return v;
                }
            }
            return null;
        });
        m.define("deepCopy", "func(interface {}) interface {}", a -> deepCopy(a[0]));
        m.define("toJson", "func(interface {}) string", a -> json(a[0], false));
        m.define("toPrettyJson", "func(interface {}) string", a -> json(a[0], true));
        m.define("ternary", "func(interface {}, interface {}, bool) interface {}",
                a -> (Boolean) a[2] ? a[0] : a[1]);
        m.define("typeOf", "func(interface {}) string", a -> Values.typeName(a[0]));
        m.define("typeIs", "func(string, interface {}) bool", a -> a[0].equals(Values.typeName(a[1])));
        m.define("typeIsLike", "func(string, interface {}) bool", a -> {
            String t = Values.typeName(a[1]);
            return a[0].equals(t) || ("*" + a[0]).equals(t);
        });
        m.define("kindOf", "func(interface {}) string", a -> Values.kindOf(a[0]).goName());
        m.define("kindIs", "func(string, interface {}) bool", a -> a[0].equals(Values.kindOf(a[1]).goName()));
        m.define("deepEqual", "func(interface {}, interface {}) bool", a -> Values.deepEqual(a[0], a[1]));
        m.define("fail", "func(string) (string, error)", a -> {
            throw new GoError((String) a[0]);
        });
    }

    /** sprig ignores marshalling errors: the output is then empty. */
    private static String json(Object v, boolean pretty) {
        try {
            return pretty ? GoJson.marshalIndent(v, "", "  ") : GoJson.marshal(v);
        } catch (GoError e) {
            return "";
        }
    }

    /** copystructure's deep copy: new maps, slices, structs and pointer targets; other values are immutable. */
    static Object deepCopy(Object v) {
        if (v == null) {
            throw new GoPanic("reflect: call of reflect.Value.Type on zero Value");
        }
        return copyOf(v);
    }

    private static Object copyOf(Object v) {
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> out = new HashMap<>();
            map.forEach((k, e) -> out.put((String) k, copyOf(e)));
            return out;
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(e -> out.add(copyOf(e)));
            return out;
        }
        if (v instanceof byte[] b) {
            return b.clone();
        }
        if (v instanceof GoMap m && !m.isNil()) {
            Map<String, Object> out = new HashMap<>();
            m.entries().forEach((k, e) -> out.put(k, copyOf(e)));
            return GoMap.of(m.goType(), out);
        }
        if (v instanceof GoSlice s && !s.isNil()) {
            List<Object> out = new ArrayList<>(s.size());
            s.elements().forEach(e -> out.add(copyOf(e)));
            return GoSlice.of(s.goType(), out);
        }
        if (v instanceof GoPointer p && !p.isNil()) {
            return GoPointer.to(p.goType(), copyOf(p.target()));
        }
        if (v instanceof GoStruct s) {
            GoType t = s.goType();
            Object[] fields = new Object[t.fields().size()];
            for (int i = 0; i < fields.length; i++) {
                fields[i] = copyOf(s.field(i));
            }
            return GoStruct.of(t, fields);
        }
        return v;
    }
}
