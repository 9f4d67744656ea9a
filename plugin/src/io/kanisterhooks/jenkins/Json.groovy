package io.kanisterhooks.jenkins

import com.cloudbees.groovy.cps.NonCPS
import groovy.json.JsonSlurperClassic

/** The CLI's JSON results as plain maps and lists (Serializable, unlike JsonSlurper's lazy maps). */
final class Json implements Serializable {
    private Json() {
    }

    @NonCPS
    static Object parse(String what, String text) {
        if (text == null || text.trim().isEmpty()) {
            throw new IllegalStateException("kanister-hooks ${what} printed no result")
        }
        try {
            return new JsonSlurperClassic().parseText(text)
        } catch (Exception e) {
            throw new IllegalStateException("kanister-hooks ${what} printed a result that is not JSON: ${e.message}")
        }
    }

    /** {@code {"name": {"keyValue": {...}}}} -> {@code [name: [k: v]]}. */
    @NonCPS
    static Map<String, Map<String, String>> artifacts(Object artifacts) {
        Map<String, Map<String, String>> result = [:]
        if (artifacts instanceof Map) {
            (artifacts as Map).each { name, artifact ->
                Map<String, String> kv = [:]
                Object values = artifact instanceof Map ? (artifact as Map).keyValue : null
                if (values instanceof Map) {
                    (values as Map).each { k, v -> kv.put(k.toString(), v == null ? null : v.toString()) }
                }
                result.put(name.toString(), kv)
            }
        }
        return result
    }
}
