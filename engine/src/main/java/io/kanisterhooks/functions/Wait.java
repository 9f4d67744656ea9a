package io.kanisterhooks.functions;

import io.kanisterhooks.blueprint.FunctionSignature;
import io.kanisterhooks.cancel.CancelledException;
import io.kanisterhooks.functions.args.ArgException;
import io.kanisterhooks.functions.args.ArgType;
import io.kanisterhooks.functions.args.Args;
import io.kanisterhooks.render.WaitCondition;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Waits until JSONPath-based template conditions on objects hold (Kanister's deprecated Wait): {@code {$.x}} references
 * are replaced by the object's values, then the text is a sprig template that must print {@code true}. No output.
 *
 * <p>Kanister renders all of Wait's arguments as blueprint templates before it starts, condition strings included, so
 * the unquoted form K10's documentation shows ({@code {{ if { $.status.x } }}}) fails there. Here the condition
 * strings are left alone until each evaluation (JSONPath first, then the template), so both that form and the quoted
 * one work; {@code timeout} and the object references are rendered as in Kanister.
 */
public final class Wait implements KanisterFunction {

    public static final String NAME = "Wait";
    public static final String ARG_TIMEOUT = "timeout";
    public static final String ARG_CONDITIONS = "conditions";

    static final FunctionSignature SIGNATURE = new FunctionSignature(NAME,
            List.of(ARG_TIMEOUT, ARG_CONDITIONS),
            List.of(ARG_TIMEOUT, ARG_CONDITIONS),
            false, FunctionSignature.Needs.NOTHING);

    @Override
    public FunctionSignature signature() {
        return SIGNATURE;
    }

    @Override
    public boolean rendersOwnArgs() {
        return true;
    }

    @Override
    public Map<String, Object> execute(PhaseContext ctx, Map<String, Object> unrendered)
            throws PhaseException, CancelledException {
        Args args = new Args(unrendered);
        Object timeoutArg = args.raw(ARG_TIMEOUT);
        if (timeoutArg instanceof String template) {
            timeoutArg = ctx.templates().render(template);
        }
        Duration timeout;
        List<WaitForConditions.Target> anyOf;
        List<WaitForConditions.Target> allOf;
        try {
            WaitConditionList conditions = args.required(ARG_CONDITIONS, WaitForConditions.CONDITIONS);
            anyOf = WaitForConditions.targets(ctx, conditions.anyOfOrEmpty(), true);
            allOf = WaitForConditions.targets(ctx, conditions.allOfOrEmpty(), true);
            timeout = WaitForConditions.timeout(new Args(Map.of(ARG_TIMEOUT, timeoutArg == null ? "" : timeoutArg))
                    .required(ARG_TIMEOUT, ArgType.STRING));
        } catch (ArgException e) {
            throw new PhaseException(e.getMessage());
        }
        WaitCondition evaluator = new WaitCondition();
        WaitForConditions.await(ctx, timeout, anyOf, allOf, (c, object) -> evaluator.evaluate(c, object).satisfied());
        return null;
    }
}
