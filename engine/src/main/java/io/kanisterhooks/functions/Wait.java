package io.kanisterhooks.functions;

import io.kanisterhooks.blueprint.FunctionSignature;
import java.util.List;
import java.util.Map;

/** Waits until JSONPath-based template conditions on an object hold (Kanister's deprecated Wait). */
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
    public Map<String, Object> execute(PhaseContext ctx, Map<String, Object> args) throws PhaseException {
        throw new PhaseException(NAME + ": TEMPORARY placeholder until the function lands");
    }
}
