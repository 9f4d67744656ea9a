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
 *
 * <p>A CRD's group appears in discovery a moment after the CRD is reported Established: the API server's discovery
 * controller and the controller that sets the condition work through their queues independently. A kind missing from
 * a group other than the core one is therefore looked for again, for up to {@link #NEW_GROUP_WAIT_MILLIS} — a phase
 * that waited for its CRD to be established and then creates an object of it would otherwise fail now and then.
 */
public final class ResourceDiscovery {

    /** One served resource ({@code deployments} in {@code apps/v1}, kind {@code Deployment}). */
    public record ApiResource(String group, String version, String resource, String kind, boolean namespaced) {
    }

    static final long NEW_GROUP_WAIT_MILLIS = 2000;
    private static final long NEW_GROUP_POLL_MILLIS = 100;

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
        long deadline = System.nanoTime() + NEW_GROUP_WAIT_MILLIS * 1_000_000;
        while (true) {
            List<ApiResource> fresh = fetch(group, version);
            byGroupVersion.put(key, fresh);
            Optional<ApiResource> hit = fresh.stream().filter(match).findFirst();
            if (hit.isPresent() || group.isEmpty() || System.nanoTime() > deadline) {
                return hit;
            }
            try {
                Thread.sleep(NEW_GROUP_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return hit;
            }
        }
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
