package io.kanisterhooks.blueprint;

import java.util.Collection;
import java.util.Optional;

/** The Kanister functions known by name. Implemented by the function registry, which lives in a higher layer. */
public interface FunctionCatalog {

    Optional<FunctionSignature> lookup(String functionName);

    Collection<String> names();
}
