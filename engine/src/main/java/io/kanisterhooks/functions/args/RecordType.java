package io.kanisterhooks.functions.args;

import io.kanisterhooks.golang.strings.GoStrings;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Go struct modelled by a record: each component is a field, filled from the map key with the same name or, failing
 * that, the first key equal to it under Go's case folding (so {@code APIVersion} fills {@code apiVersion}). Unknown
 * keys are ignored and missing ones leave the zero value, as mapstructure does.
 */
final class RecordType<R extends Record> extends ArgType<R> {

    private final Class<R> type;
    private List<Field> fields;
    private Constructor<R> constructor;

    private record Field(String name, ArgType<?> type) {
    }

    RecordType(Class<R> type) {
        super(type.getSimpleName(), null);
        this.type = type;
    }

    @Override
    R decode(Object value, String path) throws DecodeFailure {
        if (!(value instanceof Map<?, ?> map)) {
            throw expectedMap(path, value);
        }
        List<Field> all = fields();
        Object[] values = new Object[all.size()];
        DecodeFailure.Collector problems = new DecodeFailure.Collector();
        for (int i = 0; i < all.size(); i++) {
            Field f = all.get(i);
            Map.Entry<?, ?> entry = entryFor(map, f.name());
            try {
                String fieldPath = path.isEmpty() ? f.name() : path + "." + f.name();
                values[i] = entry == null ? f.type().zero() : f.type().decodeOrZero(entry.getValue(), fieldPath);
            } catch (DecodeFailure e) {
                problems.add(e);
            }
        }
        problems.throwIfAny();
        return construct(values);
    }

    @Override
    R zero() {
        List<Field> all = fields();
        Object[] values = new Object[all.size()];
        for (int i = 0; i < all.size(); i++) {
            values[i] = all.get(i).type().zero();
        }
        return construct(values);
    }

    private static Map.Entry<?, ?> entryFor(Map<?, ?> map, String name) {
        Map.Entry<?, ?> folded = null;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (key.equals(name)) {
                return e;
            }
            if (folded == null && GoStrings.equalFold(key, name)) {
                folded = e;
            }
        }
        return folded;
    }

    // Resolved on first use so that records may refer to each other.
    private synchronized List<Field> fields() {
        if (fields == null) {
            RecordComponent[] components = type.getRecordComponents();
            List<Field> resolved = new ArrayList<>();
            Class<?>[] parameterTypes = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                resolved.add(new Field(components[i].getName(), typeOf(components[i].getGenericType())));
                parameterTypes[i] = components[i].getType();
            }
            try {
                constructor = type.getDeclaredConstructor(parameterTypes);
                constructor.setAccessible(true);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("record without canonical constructor: " + type, e);
            }
            fields = List.copyOf(resolved);
        }
        return fields;
    }

    private R construct(Object[] values) {
        try {
            return constructor.newInstance(values);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot construct " + type.getName(), e);
        }
    }

    /** The argument type standing for a record component's Java type. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static ArgType<?> typeOf(Type t) {
        if (t instanceof ParameterizedType p) {
            Type raw = p.getRawType();
            Type[] args = p.getActualTypeArguments();
            if (raw == List.class) {
                return listOf(typeOf(args[0]));
            }
            if (raw == Map.class && args[0] == String.class) {
                return mapOf(typeOf(args[1]));
            }
        } else if (t instanceof Class<?> c) {
            if (c == String.class) {
                return STRING;
            }
            if (c == long.class || c == Long.class) {
                return INT64;
            }
            if (c == int.class || c == Integer.class) {
                return INT32;
            }
            if (c == boolean.class || c == Boolean.class) {
                return BOOL;
            }
            if (c == Object.class) {
                return ANY;
            }
            if (c == Duration.class) {
                return DURATION;
            }
            if (c.isRecord()) {
                return new RecordType(c);
            }
        }
        throw new IllegalArgumentException("no Go type for record component type " + t.getTypeName());
    }
}
