package io.kanisterhooks.hooks;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The hooks of one run: at most one per slot. */
public record HookSet(Map<HookSlot, HookReference> hooks) {

    public HookSet {
        EnumMap<HookSlot, HookReference> copy = new EnumMap<>(HookSlot.class);
        copy.putAll(hooks);
        hooks = copy;
    }

    public Optional<HookReference> get(HookSlot slot) {
        return Optional.ofNullable(hooks.get(slot));
    }

    public boolean isEmpty() {
        return hooks.isEmpty();
    }
}
