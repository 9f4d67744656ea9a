package io.kanisterhooks.functions;

import io.kanisterhooks.blueprint.FunctionSignature;
import io.kanisterhooks.cancel.CancelledException;
import io.kanisterhooks.functions.args.ArgException;
import io.kanisterhooks.functions.args.Args;
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
     * Runs the function for one phase. An argument that is missing or cannot be decoded fails the phase with
     * Kanister's message for it (see {@link Args}); functions implement {@link #run} and do not override this.
     *
     * @param args the phase's arguments, rendered (unless {@link #rendersOwnArgs()}) and checked against the signature
     * @return the phase output; null for none (which templates see as a nil map)
     */
    default Map<String, Object> execute(PhaseContext ctx, Map<String, Object> args)
            throws PhaseException, CancelledException {
        try {
            return run(ctx, new Args(args));
        } catch (ArgException e) {
            throw new PhaseException(e.getMessage());
        }
    }

    /**
     * Decodes a literal (template-free) value of argument {@code arg} as {@link #run} would, failing with run's
     * message when it never can; {@code validate} calls it. Functions whose arguments decode anything need none.
     */
    default void checkLiteral(String arg, Object value) throws ArgException, PhaseException {
    }

    /** The function's own work, reading its arguments from {@code args} as Kanister's {@code Arg}/{@code OptArg}. */
    Map<String, Object> run(PhaseContext ctx, Args args) throws ArgException, PhaseException, CancelledException;
}
