package io.kanisterhooks.blueprint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Kanister's ObjectReference: every field a string, all optional; templates until rendered. */
public record ObjectReference(String apiVersion, String group, String resource, String kind, String name,
                              String namespace) {

    static final List<String> FIELDS = List.of("apiVersion", "group", "resource", "kind", "name", "namespace");

    /** The fields as a map in Go field order, for rendering and decoding. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("apiVersion", nz(apiVersion));
        m.put("group", nz(group));
        m.put("resource", nz(resource));
        m.put("kind", nz(kind));
        m.put("name", nz(name));
        m.put("namespace", nz(namespace));
        return m;
    }

    public static ObjectReference fromMap(Map<String, String> m) {
        return new ObjectReference(m.get("apiVersion"), m.get("group"), m.get("resource"), m.get("kind"),
                m.get("name"), m.get("namespace"));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
