package io.kanisterhooks.hooks;

import java.util.Arrays;
import java.util.Optional;

/** The places a hook can be attached, named as in K10's API; {@code always} is ours. */
public enum HookSlot {
    PRE_HOOK("preHook", 2),
    ON_SUCCESS("onSuccess", 2),
    ON_FAILURE("onFailure", 0),
    ALWAYS("always", 0);

    private final String key;
    private final int defaultMaxRetries;

    HookSlot(String key, int defaultMaxRetries) {
        this.key = key;
        this.defaultMaxRetries = defaultMaxRetries;
    }

    /** The YAML key and the name used in reports. */
    public String key() {
        return key;
    }

    public int defaultMaxRetries() {
        return defaultMaxRetries;
    }

    /** K10: "If an onFailure action fails, K10 will not retry." */
    public boolean retriable() {
        return this == PRE_HOOK || this == ON_SUCCESS;
    }

    public static Optional<HookSlot> ofKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }

    @Override
    public String toString() {
        return key;
    }
}
