package io.kanisterhooks.hooks.report;

import io.kanisterhooks.action.ActionPlan;
import io.kanisterhooks.secrets.SecretValues;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * JUnit XML of a plan ({@code plan --junit}), for Jenkins' {@code junit} step: one test case per namespace × hook
 * (class = namespace, name = {@code slot blueprint/action}), passed when the action could be set up — its subject
 * and the Secrets and ConfigMaps it names exist, its functions are known, its objects render — and every phase's
 * arguments render (or can only render when the action runs); failed with the reasons otherwise, secrets masked.
 */
public final class PlanJUnitReport {

    /** One planned hook: {@code slot} is the hook slot's key ({@code preHook}...), or {@code action} for one action. */
    public record Case(String slot, ActionPlan plan) {
    }

    private PlanJUnitReport() {
    }

    public static String render(List<Case> cases, Instant planned, Duration took, SecretValues secrets) {
        JUnitCases junit = new JUnitCases();
        for (Case c : cases) {
            ActionPlan p = c.plan();
            String name = c.slot() + " " + p.blueprint() + "/" + p.action();
            List<String> reasons = reasons(p);
            if (reasons.isEmpty()) {
                junit.passed(p.subject().namespace(), name, Duration.ZERO);
            } else {
                String details = secrets.mask(String.join("\n", reasons));
                junit.failed(p.subject().namespace(), name, Duration.ZERO, "plan",
                        details.lines().findFirst().orElse(""), "subject: " + p.subject().describe() + "\n" + details);
            }
        }
        return junit.suite("kanister-hooks plan", took, planned.toString());
    }

    /** Why the action would fail before or while its arguments render; empty when it would not. */
    public static List<String> reasons(ActionPlan p) {
        List<String> reasons = new ArrayList<>();
        if (p.error() != null) {
            reasons.add(p.error());
        }
        for (ActionPlan.Phase ph : p.phases()) {
            if (ph.error() != null) {
                reasons.add("phase " + ph.name() + " (" + ph.function() + "): " + ph.error());
            }
        }
        return reasons;
    }
}
