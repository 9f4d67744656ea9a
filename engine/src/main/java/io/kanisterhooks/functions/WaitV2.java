package io.kanisterhooks.functions;

import io.kanisterhooks.blueprint.FunctionSignature;
import io.kanisterhooks.cancel.CancelledException;
import io.kanisterhooks.functions.args.ArgException;
import io.kanisterhooks.functions.args.ArgType;
import io.kanisterhooks.functions.args.Args;
import io.kanisterhooks.render.WaitV2Condition;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Waits until kubectl go-template conditions on objects hold ({@code kubectl get -o go-template} printing
 * {@code true}). No output. As in Kanister, {@code timeout} is used verbatim (it is not a template), and the object
 * references are rendered per evaluation, so a reference that does not render only shows at the timeout.
 */
public final class WaitV2 implements KanisterFunction {

    public static final String NAME = "WaitV2";
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
        String timeoutText;
        WaitConditionList conditions;
        try {
            timeoutText = args.required(ARG_TIMEOUT, ArgType.STRING);
            conditions = args.required(ARG_CONDITIONS, WaitForConditions.CONDITIONS);
        } catch (ArgException e) {
            throw new PhaseException(e.getMessage());
        }
        Duration timeout = WaitForConditions.timeout(timeoutText);
        List<WaitForConditions.Target> anyOf = WaitForConditions.targets(ctx, conditions.anyOfOrEmpty(), false);
        List<WaitForConditions.Target> allOf = WaitForConditions.targets(ctx, conditions.allOfOrEmpty(), false);
        WaitV2Condition evaluator = new WaitV2Condition();
        WaitForConditions.await(ctx, timeout, anyOf, allOf, (c, object) -> evaluator.evaluate(c, object).satisfied());
        return null;
    }
}
