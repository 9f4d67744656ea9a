package io.kanisterhooks.cli;

import io.kanisterhooks.action.ActionPlan;
import io.kanisterhooks.hooks.HookSlot;
import io.kanisterhooks.hooks.report.PlanJUnitReport;
import io.kanisterhooks.secrets.SecretValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code plan} prints: as text, grouped by hook slot in the order the hooks run, namespace by namespace under
 * each; as yaml or json, one entry per namespace and hook, each naming its slot ({@code hook}). Rendered arguments
 * that hold secret values show them masked.
 */
final class PlanOutput {

    /** The output formats of {@code plan}. */
    enum Format { text, yaml, json }

    /** The slot of a plan of one action ({@code plan --action}). */
    static final String ACTION = "action";

    private PlanOutput() {
    }

    static String render(Format format, List<PlanJUnitReport.Case> plans, boolean hooks, SecretValues secrets) {
        List<Map<String, Object>> entries = new ArrayList<>();
        plans.forEach(c -> entries.add(entry(c, hooks, secrets)));
        return switch (format) {
            case json -> ResultFormat.render(ResultFormat.json, entries);
            case yaml -> ResultFormat.render(ResultFormat.yaml, entries);
            case text -> text(plans, entries);
        };
    }

    private static Map<String, Object> entry(PlanJUnitReport.Case c, boolean hooks, SecretValues secrets) {
        ActionPlan p = c.plan();
        Map<String, Object> m = new LinkedHashMap<>();
        if (hooks) {
            m.put("hook", c.slot());
        }
        m.put("namespace", p.subject().namespace());
        m.put("blueprint", p.blueprint());
        m.put("action", p.action());
        m.put("subject", p.subject().describe());
        if (p.error() != null) {
            m.put("error", p.error());
        }
        List<Map<String, Object>> phases = new ArrayList<>();
        for (ActionPlan.Phase ph : p.phases()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("phase", ph.name() + (ph.defer() ? " (defer)" : ""));
            pm.put("function", ph.function());
            if (ph.args() != null) {
                pm.put("args", masked(ph.args(), secrets));
            }
            if (ph.deferred() != null) {
                pm.put("note", ph.deferred());
            }
            if (ph.error() != null) {
                pm.put("error", ph.error());
            }
            phases.add(pm);
        }
        m.put("phases", phases);
        return m;
    }

    /** A heading per slot in run order, under it an entry per namespace; then one summary line. */
    private static String text(List<PlanJUnitReport.Case> plans, List<Map<String, Object>> entries) {
        Set<String> slots = new LinkedHashSet<>();
        for (HookSlot slot : HookSlot.values()) {
            slots.add(slot.key());
        }
        slots.add(ACTION);
        StringBuilder sb = new StringBuilder();
        Set<String> namespaces = new LinkedHashSet<>();
        int failing = 0;
        for (String slot : slots) {
            boolean heading = false;
            for (int i = 0; i < plans.size(); i++) {
                PlanJUnitReport.Case c = plans.get(i);
                if (!c.slot().equals(slot)) {
                    continue;
                }
                if (!heading) {
                    sb.append(slot.equals(ACTION) ? "action " + c.plan().action() : slot).append('\n');
                    heading = true;
                }
                namespaces.add(c.plan().subject().namespace());
                failing += PlanJUnitReport.reasons(c.plan()).isEmpty() ? 0 : 1;
                namespaceEntry(sb, entries.get(i));
            }
        }
        return sb.append(plans.size()).append(plans.size() == 1 ? " hook" : " hooks").append(" in ")
                .append(namespaces.size()).append(namespaces.size() == 1 ? " namespace" : " namespaces").append(": ")
                .append(failing == 0 ? "all would start and render" : failing + " would fail").toString();
    }

    @SuppressWarnings("unchecked")
    private static void namespaceEntry(StringBuilder sb, Map<String, Object> e) {
        sb.append("  ").append(e.get("namespace")).append(": ").append(e.get("blueprint")).append('/')
                .append(e.get("action")).append(", subject ").append(e.get("subject")).append('\n');
        if (e.containsKey("error")) {
            sb.append("    error: ").append(e.get("error")).append('\n');
        }
        for (Map<String, Object> ph : (List<Map<String, Object>>) e.get("phases")) {
            sb.append("    phase ").append(ph.get("phase")).append(": ").append(ph.get("function")).append('\n');
            if (ph.containsKey("args")) {
                sb.append(indented(ResultFormat.render(ResultFormat.yaml, ph.get("args")), "      "));
            }
            for (String key : List.of("note", "error")) {
                if (ph.containsKey(key)) {
                    sb.append("      ").append(key).append(": ").append(ph.get(key)).append('\n');
                }
            }
        }
    }

    private static String indented(String text, String indent) {
        StringBuilder sb = new StringBuilder();
        text.lines().forEach(l -> sb.append(indent).append(l).append('\n'));
        return sb.toString();
    }

    private static Object masked(Object value, SecretValues secrets) {
        if (value instanceof String s) {
            return secrets.mask(s);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(v -> masked(v, secrets)).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, masked(v, secrets)));
            return out;
        }
        return value;
    }
}
