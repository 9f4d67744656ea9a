package io.kanisterhooks.golang.value;

import java.util.Collections;
import java.util.Map;

/**
 * A map whose Go type is not {@code map[string]interface {}}, e.g. {@code map[string]string} (Kanister
 * Options), {@code map[string][]byte} (Secret data), {@code map[string]map[string]string} or a nil map of any
 * type. Non-nil {@code map[string]interface {}} is a plain {@code Map<String, Object>}; this class refuses it.
 *
 * <p>Keys are Java Strings (the key type must have kind string); values are values of the element type in the
 * value model. The map is not copied; sprig's {@code set}/{@code unset} mutate maps as Go does.
 */
public final class GoMap implements GoValue {
    private final GoType type;
    private final Map<String, Object> entries;

    private GoMap(GoType type, Map<String, Object> entries) {
        this.type = type;
        this.entries = entries;
    }

    /** A non-nil map of the given type. */
    @SuppressWarnings("unchecked")
    public static GoMap of(GoType type, Map<String, ?> entries) {
        check(type);
        if (entries == null) {
            throw new IllegalArgumentException("use GoMap.nil for a nil map");
        }
        if (type == GoType.MAP_OF_INTERFACE) {
            throw new IllegalArgumentException("a non-nil map[string]interface {} is a plain java.util.Map");
        }
        return new GoMap(type, (Map<String, Object>) entries);
    }

    /** The nil map of the given map type. */
    public static GoMap nil(GoType type) {
        check(type);
        return new GoMap(type, null);
    }

    private static void check(GoType type) {
        if (type.kind() != GoKind.MAP) {
            throw new IllegalArgumentException(type + " is not a map type");
        }
        if (type.key().kind() != GoKind.STRING) {
            throw new IllegalArgumentException("only maps with string keys are supported: " + type);
        }
    }

    public boolean isNil() {
        return entries == null;
    }

    /** The entries; an empty immutable map for a nil map. */
    public Map<String, Object> entries() {
        return entries == null ? Collections.emptyMap() : entries;
    }

    @Override
    public GoType goType() {
        return type;
    }

    @Override
    public String toString() {
        return type + String.valueOf(entries);
    }
}
