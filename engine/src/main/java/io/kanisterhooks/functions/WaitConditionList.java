package io.kanisterhooks.functions;

import io.kanisterhooks.blueprint.ObjectReference;
import java.util.List;

/**
 * The {@code conditions} argument of Wait and WaitV2 (Kanister's {@code WaitConditions}): conditions of which any, and
 * conditions of which all must hold. Decoded with {@code ArgType.record}, keys matched case-insensitively.
 */
record WaitConditionList(List<WaitConditionList.Condition> anyOf, List<WaitConditionList.Condition> allOf) {

    /** A template evaluated against the object the reference names. */
    record Condition(ObjectReference objectReference, String condition) {
    }

    List<Condition> anyOfOrEmpty() {
        return anyOf == null ? List.of() : anyOf;
    }

    List<Condition> allOfOrEmpty() {
        return allOf == null ? List.of() : allOf;
    }
}
