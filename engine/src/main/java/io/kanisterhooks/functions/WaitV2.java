package io.kanisterhooks.functions;

import io.kanisterhooks.functions.args.ArgException;
import io.kanisterhooks.functions.args.ArgType;
import io.kanisterhooks.functions.args.Args;
import io.kanisterhooks.render.WaitV2Condition;

/**
 * Waits until kubectl go-template conditions on objects hold ({@code kubectl get -o go-template} printing
 * {@code true}). No output. As in Kanister, {@code timeout} is used verbatim (it is not a template), and the object
 * references are rendered per evaluation, so a reference that does not render only shows at the timeout.
 */
public final class WaitV2 extends ConditionWait {

    public static final String NAME = "WaitV2";

    public WaitV2() {
        super(NAME, false);
    }

    @Override
    Object timeout(PhaseContext ctx, Args args) throws ArgException {
        return args.required(ARG_TIMEOUT, ArgType.STRING);
    }

    @Override
    WaitForConditions.Evaluator evaluator() {
        WaitV2Condition evaluator = new WaitV2Condition();
        return (condition, object) -> evaluator.evaluate(condition, object).satisfied();
    }
}
