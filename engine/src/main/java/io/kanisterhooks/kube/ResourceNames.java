package io.kanisterhooks.kube;

import io.kanisterhooks.golang.strconv.GoQuote;

/** How the API server names resources and objects in its messages. */
public final class ResourceNames {

    private ResourceNames() {
    }

    /** {@code deployments.apps}, {@code pods}: Go's {@code GroupResource.String()}. */
    public static String qualified(String group, String resource) {
        return group == null || group.isEmpty() ? resource : resource + "." + group;
    }

    /** The API server's NotFound message: {@code deployments.apps "web" not found}. */
    public static String notFound(String group, String resource, String name) {
        return qualified(group, resource) + " " + GoQuote.quote(name) + " not found";
    }

    /** {@code deployments.apps app/web}, {@code namespaces kube-system} — for our own messages. */
    public static String describe(String group, String resource, String namespace, String name) {
        return qualified(group, resource) + " " + (namespace == null || namespace.isEmpty() ? "" : namespace + "/")
                + name;
    }
}
