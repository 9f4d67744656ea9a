package io.kanisterhooks.functions;

import io.kanisterhooks.blueprint.FunctionSignature;

/** A Kanister function as blueprints call it by name. */
public interface KanisterFunction {

    FunctionSignature signature();

    default String name() {
        return signature().name();
    }
}
