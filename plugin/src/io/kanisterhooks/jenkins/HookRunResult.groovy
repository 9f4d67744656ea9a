package io.kanisterhooks.jenkins

import com.cloudbees.groovy.cps.NonCPS

/**
 * The JSON that {@code hooks pre} and {@code hooks post} print: the outcome, and per namespace and hook slot its
 * status, attempts, error and output artifacts.
 */
class HookRunResult implements Serializable {
    private static final long serialVersionUID = 1L

    final boolean succeeded
    /** namespace -> slot -> [status:, attempts:, error:, artifacts: [name: [k: v]]] */
    final Map<String, Map<String, Map<String, Object>>> namespaces

    HookRunResult(CliOutput output) {
        Map json = Json.parse(output.command, output.stdout) as Map
        this.succeeded = output.exitCode == CliOutput.OK && json.outcome == 'success'
        this.namespaces = readNamespaces(json.namespaces as Map)
    }

    /** Whether the CLI printed a result at all (bad input prints none). */
    @NonCPS
    static boolean hasResult(CliOutput output) {
        return output.stdout != null && output.stdout.trim().startsWith('{')
    }

    /** The output artifacts of {@code slot} per namespace: {@code [ns1: [snap: [id: 'x']]]}. */
    @NonCPS
    Map<String, Map<String, Map<String, String>>> artifacts(String slot) {
        Map<String, Map<String, Map<String, String>>> result = [:]
        namespaces.each { String ns, Map<String, Map<String, Object>> slots ->
            Map<String, Object> record = slots.get(slot)
            result.put(ns, record == null ? [:] : (record.artifacts as Map<String, Map<String, String>>))
        }
        return result
    }

    /**
     * {@code ns: error} for every namespace where {@code slot} ended in a state other than succeeded, skipped or
     * continued (a failure with {@code onError: Continue}, see {@link #continued}).
     */
    @NonCPS
    List<String> failures(String slot) {
        List<String> result = []
        namespaces.each { String ns, Map<String, Map<String, Object>> slots ->
            Map<String, Object> record = slots.get(slot)
            if (record != null && !(record.status in ['succeeded', 'skipped', 'continued'])) {
                result << "${ns}: ${slot} ${record.status}${record.error ? ': ' + record.error : ''}".toString()
            }
        }
        return result
    }

    /** {@code ns: slot: error} for every hook that failed with {@code onError: Continue}: the build is UNSTABLE. */
    @NonCPS
    List<String> continued() {
        List<String> result = []
        namespaces.each { String ns, Map<String, Map<String, Object>> slots ->
            slots.each { String slot, Map<String, Object> record ->
                if (record.status == 'continued') {
                    result << "${ns}: ${slot} failed (onError: Continue)${record.error ? ': ' + record.error : ''}"
                            .toString()
                }
            }
        }
        return result
    }

    /** Every failure of every slot, for messages. */
    @NonCPS
    List<String> allFailures() {
        List<String> result = []
        KanisterNames.SLOTS.each { result.addAll(failures(it)) }
        return result
    }

    @NonCPS
    String status(String namespace, String slot) {
        Map<String, Object> record = namespaces.get(namespace)?.get(slot)
        return record == null ? null : record.status as String
    }

    @NonCPS
    private static Map<String, Map<String, Map<String, Object>>> readNamespaces(Map json) {
        Map<String, Map<String, Map<String, Object>>> result = [:]
        (json ?: [:]).each { ns, slots ->
            Map<String, Map<String, Object>> bySlot = [:]
            (slots as Map).each { slot, record ->
                Map r = record as Map
                bySlot.put(slot.toString(), [status: r.status as String, attempts: r.attempts, error: r.error as String,
                        artifacts: Json.artifacts(r.artifacts)] as Map<String, Object>)
            }
            result.put(ns.toString(), bySlot)
        }
        return result
    }
}
