package io.kanisterhooks.template.sprig;

import static io.kanisterhooks.template.sprig.SprigValues.dict;

import io.kanisterhooks.golang.errors.GoPanic;
import io.kanisterhooks.golang.value.GoComplex;
import io.kanisterhooks.golang.value.GoKind;
import io.kanisterhooks.golang.value.GoMap;
import io.kanisterhooks.golang.value.GoPointer;
import io.kanisterhooks.golang.value.GoType;
import io.kanisterhooks.golang.value.Values;
import io.kanisterhooks.template.func.FuncMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** sprig v2.22's dict functions (dict.go); {@code merge}/{@code mergeOverwrite} follow mergo v0.3. */
final class DictFunctions {

    private DictFunctions() {
    }

    static void register(FuncMap m) {
        m.define("dict", "func(...interface {}) map[string]interface {}", a -> {
            Map<String, Object> d = new HashMap<>();
            for (int i = 0; i < a.length; i += 2) {
                d.put(SprigValues.strval(a[i]), i + 1 < a.length ? a[i + 1] : "");
            }
            return d;
        });
        m.define("set", "func(map[string]interface {}, string, interface {}) map[string]interface {}", a -> {
            Map<String, Object> d = dict(a[0]);
            if (d == null) {
                throw new GoPanic("assignment to entry in nil map");
            }
            d.put((String) a[1], a[2]);
            return a[0];
        });
        m.define("unset", "func(map[string]interface {}, string) map[string]interface {}", a -> {
            Map<String, Object> d = dict(a[0]);
            if (d != null) {
                d.remove((String) a[1]);
            }
            return a[0];
        });
        m.define("hasKey", "func(map[string]interface {}, string) bool", a -> {
            Map<String, Object> d = dict(a[0]);
            return d != null && d.containsKey((String) a[1]);
        });
        m.define("pluck", "func(string, ...map[string]interface {}) []interface {}", a -> {
            List<Object> res = new ArrayList<>();
            for (int i = 1; i < a.length; i++) {
                Map<String, Object> d = dict(a[i]);
                if (d != null && d.containsKey((String) a[0])) {
                    res.add(d.get((String) a[0]));
                }
            }
            return res;
        });
        m.define("keys", "func(...map[string]interface {}) []string", a -> {
            List<String> k = new ArrayList<>();
            for (Object v : a) {
                Map<String, Object> d = dict(v);
                if (d != null) {
                    k.addAll(d.keySet());
                }
            }
            return SprigValues.stringSlice(k);
        });
        m.define("pick", "func(map[string]interface {}, ...string) map[string]interface {}", a -> {
            Map<String, Object> d = dict(a[0]);
            Map<String, Object> res = new HashMap<>();
            for (int i = 1; i < a.length; i++) {
                if (d != null && d.containsKey((String) a[i])) {
                    res.put((String) a[i], d.get((String) a[i]));
                }
            }
            return res;
        });
        m.define("omit", "func(map[string]interface {}, ...string) map[string]interface {}", a -> {
            Set<Object> omit = new HashSet<>(Arrays.asList(a).subList(1, a.length));
            Map<String, Object> res = new HashMap<>();
            Map<String, Object> d = dict(a[0]);
            if (d != null) {
                d.forEach((k, v) -> {
                    if (!omit.contains(k)) {
                        res.put(k, v);
                    }
                });
            }
            return res;
        });
        m.define("merge", "func(map[string]interface {}, ...map[string]interface {}) interface {}",
                a -> merge(a, false));
        m.define("mergeOverwrite", "func(map[string]interface {}, ...map[string]interface {}) interface {}",
                a -> merge(a, true));
        m.define("values", "func(map[string]interface {}) []interface {}", a -> {
            Map<String, Object> d = dict(a[0]);
            return d == null ? new ArrayList<>() : new ArrayList<>(d.values());
        });
    }

    /** Each source merged into dst (a nil dst becomes a new map once a source has entries). */
    private static Object merge(Object[] a, boolean overwrite) {
        Object dst = a[0];
        for (int i = 1; i < a.length; i++) {
            Map<String, Object> src = dict(a[i]);
            if (src == null) {
                continue;
            }
            if (dict(dst) == null) {
                dst = new HashMap<String, Object>();
            }
            Mergo.mergeMaps(dict(dst), src, overwrite);
        }
        return dst == null ? GoMap.nil(GoType.MAP_OF_INTERFACE) : dst;
    }

    /** mergo v0.3.12's map merge, as far as template values can exercise it. */
    static final class Mergo {

        private Mergo() {
        }

        static void mergeMaps(Map<String, Object> dst, Map<String, Object> src, boolean overwrite) {
            for (Map.Entry<String, Object> e : new ArrayList<>(src.entrySet())) {
                String key = e.getKey();
                Object sv = e.getValue();
                boolean dstHas = dst.containsKey(key);
                Object dv = dst.get(key);
                if (sv == null) {
                    if (overwrite) {
                        dst.put(key, sv);
                    }
                    continue;
                }
                boolean srcIsMap = Values.entries(sv) != null;
                boolean srcIsSlice = Values.elements(sv) != null;
                if (srcIsMap && dstHas && Values.entries(dv) != null && !Values.isNil(dv)) {
                    // Nested maps merge in place (maps are references in Go).
                    mergeMaps(Values.entries(dv), Values.entries(sv), overwrite);
                }
                if (srcIsSlice && overwrite) {
                    dst.put(key, sv);
                }
                if (dstHas && !isEmpty(dv) && (srcIsMap || srcIsSlice)) {
                    continue;
                }
                if (overwrite || !dstHas || isEmpty(dv)) {
                    dst.put(key, sv);
                }
            }
        }

        /** mergo's isEmptyValue: zero scalars, empty collections, nil; pointers by their target. */
        static boolean isEmpty(Object v) {
            if (v instanceof GoPointer p) {
                return p.isNil() || isEmpty(p.target());
            }
            if (v instanceof GoComplex || Values.kindOf(v) == GoKind.STRUCT) {
                return false;
            }
            return SprigValues.empty(v);
        }
    }
}
