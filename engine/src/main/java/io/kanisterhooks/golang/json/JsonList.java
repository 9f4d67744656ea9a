package io.kanisterhooks.golang.json;

import io.kanisterhooks.golang.value.GoCapacity;
import io.kanisterhooks.golang.value.SliceHeader;
import java.util.ArrayList;

/**
 * A decoded JSON array: a plain {@code []interface {}} list that also remembers the capacity Go's decoder gives
 * the slice by appending element after element (observable through the builtin {@code slice}).
 */
final class JsonList extends ArrayList<Object> implements GoCapacity {
    private static final long serialVersionUID = 1L;

    @Override
    public int goCapacity() {
        return SliceHeader.appendCapacity(size());
    }
}
