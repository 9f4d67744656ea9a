package io.kanisterhooks.functions;

import io.kanisterhooks.blueprint.FunctionSignature;
import io.kanisterhooks.cancel.CancelledException;
import java.util.Map;

/**
 * A Kanister function as blueprints call it by name: Kanister's argument names, defaults, outputs and error texts.
 * Implementations are stateless; everything a run needs comes in the {@link PhaseContext}.
 */
public interface KanisterFunction {

    FunctionSignature signature();

    default String name() {
        return signature().name();
    }

    /** Wait and WaitV2 receive their arguments unrendered (Kanister's render skip list). */
    default boolean rendersOwnArgs() {
        return false;
    }

    /**
     * @param args the phase's arguments, rendered (unless {@link #rendersOwnArgs()}) and checked against the signature
     * @return the phase output; null for none (which templates see as a nil map)
     */
    Map<String, Object> execute(PhaseContext ctx, Map<String, Object> args) throws PhaseException, CancelledException;
}
