package io.kanisterhooks.action;

import java.util.List;
import java.util.Map;

/**
 * What an action would do, rendered without running anything.
 *
 * @param error the reason the action could not even start (unknown function, subject not found, …), or null
 */
public record ActionPlan(String blueprint, String action, Subject subject, List<Phase> phases, String error) {

    /**
     * One phase: its arguments as they would be rendered, or why they cannot be yet.
     *
     * @param args      the rendered arguments (raw for Wait/WaitV2, which render at evaluation time), or null
     * @param deferred  why the arguments can only be rendered while the action runs (they use earlier outputs), or null
     * @param error     a rendering error that would fail the phase, or null
     */
    public record Phase(String name, String function, boolean defer, Map<String, Object> args, String deferred,
                        String error) {
    }
}
