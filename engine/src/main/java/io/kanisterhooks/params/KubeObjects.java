package io.kanisterhooks.params;

import io.kanisterhooks.golang.value.GoStruct;

import java.util.Map;

/** Kubernetes objects as fetched from the API server (plain JSON maps) turned into the Go values templates see. */
public final class KubeObjects {

    private KubeObjects() {
    }

    /** A {@code corev1.Secret} from its JSON; {@code data} values are base64 in JSON and {@code []byte} in Go. */
    public static GoStruct secret(Map<String, Object> json) {
        return (GoStruct) JsonToGo.decode(json, KubeTypes.SECRET);
    }

    /** A {@code corev1.ConfigMap} from its JSON. */
    public static GoStruct configMap(Map<String, Object> json) {
        return (GoStruct) JsonToGo.decode(json, KubeTypes.CONFIG_MAP);
    }
}
