package io.kanisterhooks.action;

import io.kanisterhooks.cancel.Cancellation;

/** Runs blueprint actions. The real one talks to Kubernetes; tests of the layers above may use their own. */
@FunctionalInterface
public interface ActionExecutor {

    /** Never throws for failures of the action itself: they are in the result. */
    ActionResult execute(ActionRequest request, ActionListener listener, Cancellation cancellation);
}
