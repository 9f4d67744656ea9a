package io.kanisterhooks.blueprint;

import java.util.Collection;
import java.util.Optional;

/** The Kanister functions known by name. Implemented by the function registry, which lives in a higher layer. */
public interface FunctionCatalog {

    Optional<FunctionSignature> lookup(String functionName);

    Collection<String> names();

    /**
     * What is wrong with a literal (template-free) value of argument {@code arg} that the function could never decode
     * when it runs, in the function's own words; empty when it decodes, or when the catalog cannot tell.
     */
    default Optional<String> literalArgumentProblem(String functionName, String arg, Object value) {
        return Optional.empty();
    }
}
