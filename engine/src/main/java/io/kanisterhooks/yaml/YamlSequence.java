package io.kanisterhooks.yaml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A YAML sequence. */
public record YamlSequence(List<YamlNode> items, SourcePosition position) implements YamlNode {

    public YamlSequence {
        items = Collections.unmodifiableList(items);
    }

    @Override
    public Object toValue() {
        List<Object> list = new ArrayList<>(items.size());
        for (YamlNode item : items) {
            list.add(item.toValue());
        }
        return list;
    }

    @Override
    public String describe() {
        return "a list";
    }
}
