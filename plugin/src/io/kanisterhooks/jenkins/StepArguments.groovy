package io.kanisterhooks.jenkins

import com.cloudbees.groovy.cps.NonCPS

/**
 * The named parameters of one step call, read with their types checked. Unknown names are an error (a mistyped
 * {@code onFailrue:} must not silently drop a hook). Problems are thrown as {@link IllegalArgumentException}s whose
 * message names the parameter; the step turns them into {@code error}.
 */
class StepArguments implements Serializable {
    private static final long serialVersionUID = 1L

    private final String step
    private final Map<String, Object> values

    StepArguments(String step, Map values) {
        this.step = step
        this.values = new LinkedHashMap<String, Object>()
        if (values != null) {
            this.values.putAll(values)
        }
    }

    /** Fails on any parameter that is not in {@code known}. */
    @NonCPS
    void allowOnly(List<String> known) {
        List<String> unknown = values.keySet().findAll { !known.contains(it) }.collect { it.toString() }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown parameter${unknown.size() == 1 ? '' : 's'} " +
                    unknown.join(', ') + "; the parameters of ${step} are: " + new ArrayList<String>(known).sort().join(', '))
        }
    }

    @NonCPS
    boolean has(String name) {
        return values.get(name) != null
    }

    /** A string (a GString or a number is accepted as its text); null when absent. */
    @NonCPS
    String string(String name) {
        Object v = values.get(name)
        if (v == null) {
            return null
        }
        if (v instanceof CharSequence || v instanceof Number) {
            String s = v.toString()
            if (s.isEmpty()) {
                throw new IllegalArgumentException("${name}: must not be empty")
            }
            if (s.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("${name}: must not contain a NUL character")
            }
            return s
        }
        throw new IllegalArgumentException("${name}: expected a string, got ${typeName(v)}")
    }

    @NonCPS
    String requiredString(String name) {
        String s = string(name)
        if (s == null) {
            throw new IllegalArgumentException("${name}: required")
        }
        return s
    }

    /** A string or a list of strings, as a list (empty when absent). */
    @NonCPS
    List<String> stringList(String name) {
        Object v = values.get(name)
        if (v == null) {
            return []
        }
        List items = v instanceof Collection ? new ArrayList(v as Collection) : (v.getClass().isArray() ? (v as List) : [v])
        List<String> result = []
        for (Object item : items) {
            if (!(item instanceof CharSequence) || item.toString().isEmpty() || item.toString().indexOf('\0') >= 0) {
                throw new IllegalArgumentException("${name}: expected a non-empty string or a list of them, " +
                        "found ${typeName(item)} ${item == null ? '' : "'" + item + "'"}".trim())
            }
            result.add(item.toString())
        }
        return result
    }

    /** A map of strings to strings (values may be numbers or booleans: their text is used); empty when absent. */
    @NonCPS
    Map<String, String> stringMap(String name) {
        return stringMapOf(name, values.get(name))
    }

    /** A map of maps (artifact name -> key -> value); empty when absent. */
    @NonCPS
    Map<String, Map<String, String>> nestedStringMap(String name) {
        Object v = values.get(name)
        if (v == null) {
            return [:]
        }
        if (!(v instanceof Map)) {
            throw new IllegalArgumentException("${name}: expected a map of maps, like [snap: [id: 'x']], got ${typeName(v)}")
        }
        Map<String, Map<String, String>> result = new LinkedHashMap<String, Map<String, String>>()
        for (Map.Entry e : (v as Map).entrySet()) {
            if (!(e.value instanceof Map)) {
                throw new IllegalArgumentException("${name}.${e.key}: expected a map, got ${typeName(e.value)}")
            }
            result.put(e.key.toString(), stringMapOf("${name}.${e.key}", e.value))
        }
        return result
    }

    @NonCPS
    private static Map<String, String> stringMapOf(String label, Object v) {
        if (v == null) {
            return [:]
        }
        if (!(v instanceof Map)) {
            throw new IllegalArgumentException("${label}: expected a map, got ${typeName(v)}")
        }
        Map<String, String> result = new LinkedHashMap<String, String>()
        for (Map.Entry e : (v as Map).entrySet()) {
            Object value = e.value
            if (!(value instanceof CharSequence || value instanceof Number || value instanceof Boolean)) {
                throw new IllegalArgumentException("${label}.${e.key}: expected a string, got ${typeName(value)}")
            }
            if (value.toString().indexOf('\0') >= 0) {
                throw new IllegalArgumentException("${label}.${e.key}: must not contain a NUL character")
            }
            result.put(e.key.toString(), value.toString())
        }
        return result
    }

    @NonCPS
    int integer(String name, int dflt, int min) {
        Object v = values.get(name)
        if (v == null) {
            return dflt
        }
        Integer parsed = null
        if (v instanceof Integer || v instanceof Long || v instanceof Short) {
            parsed = (v as Number).intValue()
        } else if (v instanceof CharSequence && v.toString() ==~ /-?[0-9]{1,9}/) {
            parsed = Integer.parseInt(v.toString())
        }
        if (parsed == null) {
            throw new IllegalArgumentException("${name}: expected a whole number, got ${typeName(v)} '${v}'")
        }
        if (parsed < min) {
            throw new IllegalArgumentException("${name}: must be at least ${min}, got ${parsed}")
        }
        return parsed
    }

    @NonCPS
    boolean bool(String name, boolean dflt) {
        Object v = values.get(name)
        if (v == null) {
            return dflt
        }
        if (v instanceof Boolean) {
            return v as boolean
        }
        if (v instanceof CharSequence && (v.toString() == 'true' || v.toString() == 'false')) {
            return v.toString() == 'true'
        }
        throw new IllegalArgumentException("${name}: expected true or false, got ${typeName(v)} '${v}'")
    }

    @NonCPS
    private static String typeName(Object v) {
        return v == null ? 'nothing' : (v instanceof CharSequence ? 'a string' : v.getClass().getSimpleName())
    }
}
