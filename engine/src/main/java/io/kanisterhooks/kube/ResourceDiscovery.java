package io.kanisterhooks.kube;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Which resources the API server serves, from its discovery documents ({@code /api/v1},
 * {@code /apis/<group>/<version>}): a kind's resource name and whether it is namespaced — what kubectl's REST mapper
 * answers. One document per group version is fetched once per {@link Kube} and cached; a kind or resource that is
 * missing from a cached document makes it fetched again (a CRD may have been created meanwhile).
 */
public final class ResourceDiscovery {

    /** One served resource ({@code deployments} in {@code apps/v1}, kind {@code Deployment}). */
    public record ApiResource(String group, String version, String resource, String kind, boolean namespaced) {
    }

    private final Kube kube;
    private final Map<String, List<ApiResource>> byGroupVersion = new ConcurrentHashMap<>();

    /** Each {@link Kube} owns one: see {@link Kube#discovery()}. */
    ResourceDiscovery(Kube kube) {
        this.kube = kube;
    }

    /** The resource of {@code kind} in {@code apiVersion} ({@code apps/v1}, {@code v1}); empty when not served. */
    public Optional<ApiResource> forKind(String apiVersion, String kind) throws KubeException {
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String version = slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
        return find(group, version, r -> r.kind().equals(kind));
    }

    /** A resource by name; empty when the group version does not serve it. */
    public Optional<ApiResource> forResource(String group, String version, String resource) throws KubeException {
        return find(group, version, r -> r.resource().equals(resource));
    }

    private Optional<ApiResource> find(String group, String version,
                                       Predicate<ApiResource> match) throws KubeException {
        String key = group + "/" + version;
        List<ApiResource> cached = byGroupVersion.get(key);
        if (cached != null) {
            Optional<ApiResource> hit = cached.stream().filter(match).findFirst();
            if (hit.isPresent()) {
                return hit;
            }
        }
        List<ApiResource> fresh = fetch(group, version);
        byGroupVersion.put(key, fresh);
        return fresh.stream().filter(match).findFirst();
    }

    private List<ApiResource> fetch(String group, String version) throws KubeException {
        String path = group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
        Map<String, Object> doc;
        try {
            doc = kube.request("GET", path, null, null, "discover " + (group.isEmpty() ? "" : group + "/") + version);
        } catch (KubeException e) {
            if (e.notFound()) {
                return List.of();
            }
            throw e;
        }
        List<ApiResource> resources = new ArrayList<>();
        if (doc.get("resources") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> r && r.get("name") instanceof String name && !name.contains("/")) {
                    resources.add(new ApiResource(group, version, name, String.valueOf(r.get("kind")),
                            Boolean.TRUE.equals(r.get("namespaced"))));
                }
            }
        }
        return List.copyOf(resources);
    }
}
