package io.kanisterhooks.kube.patch;

import io.kanisterhooks.golang.json.UntypedValues;
import io.kanisterhooks.secrets.SafeFormat;

/** A patch that strategic merge cannot apply; the message follows apimachinery's wording. */
public final class PatchException extends Exception {

    public PatchException(String message) {
        super(message);
    }

    static PatchException noMergeKey(Object map, String mergeKey) {
        return new PatchException("map: " + SafeFormat.formatSafely(map) + " does not contain declared merge key: "
                + mergeKey);
    }

    static PatchException badArgType(String expectedType, Object actual) {
        String actualType = actual == null ? "%!s(<nil>)" : UntypedValues.typeName(actual);
        return new PatchException("expected a " + expectedType + ", but received a " + actualType);
    }

    static PatchException badPatchType(Object directive, Object map) {
        return new PatchException("unknown patch type: " + UntypedValues.formatS(directive) + " in map: "
                + SafeFormat.formatSafely(map));
    }
}
