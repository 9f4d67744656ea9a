package io.kanisterhooks.functions;

import io.kanisterhooks.blueprint.FunctionSignature;
import io.kanisterhooks.cancel.CancelledException;
import io.kanisterhooks.functions.args.ArgException;
import io.kanisterhooks.functions.args.ArgType;
import io.kanisterhooks.functions.args.Args;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What Wait and WaitV2 share: the arguments {@code timeout} and {@code conditions}, arguments left unrendered until
 * the function reads them, and the wait itself ({@link WaitForConditions}). They differ in how {@code timeout} is read,
 * in whether an object reference that does not render fails at once, and in the condition language. No output.
 */
abstract sealed class ConditionWait implements KanisterFunction permits Wait, WaitV2 {

    public static final String ARG_TIMEOUT = "timeout";
    public static final String ARG_CONDITIONS = "conditions";

    private final FunctionSignature signature;
    private final boolean failOnRenderError;

    /** @param failOnRenderError whether a reference that does not render fails the phase at once (else each poll) */
    ConditionWait(String name, boolean failOnRenderError) {
        this.signature = new FunctionSignature(name,
                List.of(ARG_TIMEOUT, ARG_CONDITIONS),
                List.of(ARG_TIMEOUT, ARG_CONDITIONS),
                false, FunctionSignature.Needs.NOTHING);
        this.failOnRenderError = failOnRenderError;
    }

    @Override
    public final FunctionSignature signature() {
        return signature;
    }

    @Override
    public final boolean rendersOwnArgs() {
        return true;
    }

    /** The {@code timeout} argument as the function reads it, before it is decoded as a string; null for none. */
    abstract Object timeout(PhaseContext ctx, Args args) throws ArgException, PhaseException;

    /** A new evaluator for one run (it caches the condition templates it parses). */
    abstract WaitForConditions.Evaluator evaluator();

    /** A literal timeout: a Go duration (Wait renders a string first, but one without a template stays as it is). */
    @Override
    public final void checkLiteral(String arg, Object value) throws ArgException, PhaseException {
        if (arg.equals(ARG_TIMEOUT)) {
            timeout(value);
        }
    }

    /** The timeout from the argument's value as the function reads it: a string (weakly decoded), a Go duration. */
    private static Duration timeout(Object value) throws ArgException, PhaseException {
        return WaitForConditions.timeout(new Args(Collections.singletonMap(ARG_TIMEOUT, value == null ? "" : value))
                .required(ARG_TIMEOUT, ArgType.STRING));
    }

    @Override
    public final Map<String, Object> run(PhaseContext ctx, Args args)
            throws ArgException, PhaseException, CancelledException {
        Object timeoutArg = timeout(ctx, args);
        WaitConditionList conditions = args.required(ARG_CONDITIONS, WaitForConditions.CONDITIONS);
        List<WaitForConditions.Target> anyOf = WaitForConditions.targets(ctx, conditions.anyOfOrEmpty(),
                failOnRenderError);
        List<WaitForConditions.Target> allOf = WaitForConditions.targets(ctx, conditions.allOfOrEmpty(),
                failOnRenderError);
        Duration timeout = timeout(timeoutArg);
        WaitForConditions.await(ctx, timeout, anyOf, allOf, evaluator());
        return null;
    }
}
