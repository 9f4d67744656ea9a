package io.kanisterhooks.kube.patch;

import io.kanisterhooks.yaml.YamlException;
import io.kanisterhooks.yaml.YamlReader;
import java.util.Map;

/** Test values written as YAML, read the way Kubernetes reads them (int64/float64 numbers, string keys). */
public final class YamlMaps {

    private YamlMaps() {
    }

    public static Object value(String yaml) {
        try {
            return new YamlReader().parse("test", yaml).get(0).root().toValue();
        } catch (YamlException e) {
            throw new IllegalArgumentException(e.toString(), e);
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(String yaml) {
        return (Map<String, Object>) value(yaml);
    }
}
