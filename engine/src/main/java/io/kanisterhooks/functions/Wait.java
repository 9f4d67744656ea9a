package io.kanisterhooks.functions;

import io.kanisterhooks.functions.args.Args;
import io.kanisterhooks.render.WaitCondition;

/**
 * Waits until JSONPath-based template conditions on objects hold (Kanister's deprecated Wait): {@code {$.x}} references
 * are replaced by the object's values, then the text is a sprig template that must print {@code true}. No output.
 *
 * <p>Kanister renders all of Wait's arguments as blueprint templates before it starts, condition strings included, so
 * the unquoted form K10's documentation shows ({@code {{ if { $.status.x } }}}) fails there. Here the condition
 * strings are left alone until each evaluation (JSONPath first, then the template), so both that form and the quoted
 * one work; {@code timeout} and the object references are rendered as in Kanister.
 */
public final class Wait extends ConditionWait {

    public static final String NAME = "Wait";

    public Wait() {
        super(NAME, true);
    }

    /** Rendered when it is a string, as Kanister renders every argument of Wait. */
    @Override
    Object timeout(PhaseContext ctx, Args args) throws PhaseException {
        Object timeout = args.raw(ARG_TIMEOUT);
        return timeout instanceof String template ? ctx.templates().render(template) : timeout;
    }

    @Override
    WaitForConditions.Evaluator evaluator() {
        WaitCondition evaluator = new WaitCondition();
        return (condition, object) -> evaluator.evaluate(condition, object).satisfied();
    }
}
