package io.kanisterhooks.action;

/** Progress of an action, for consoles and reports. Called from the thread that runs the action. */
public interface ActionListener {

    ActionListener NONE = new ActionListener() { };

    default void phaseStarted(String phase, String function) {
    }

    /** One line of a phase's pod log or command output (phase-output markers included). */
    default void log(String phase, String line) {
    }

    default void phaseFinished(PhaseResult result) {
    }
}
