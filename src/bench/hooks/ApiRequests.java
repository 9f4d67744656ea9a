package io.kanisterhooks.bench.hooks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The API server's own request counters ({@code apiserver_request_total} of {@code /metrics}) for the resources a hook
 * run uses — pods, pods/log, secrets (run state), leases (claims), namespaces, configmaps, blueprints — by verb and
 * resource, whatever the response code. On the local cluster nothing else touches these while a harness runs (the
 * kubelet simulator writes pods/status, the scheduler pods/binding: other subresources, not counted).
 */
final class ApiRequests {

    private static final Set<String> RESOURCES = Set.of("pods", "pods/log", "secrets", "leases", "namespaces",
            "configmaps", "blueprints");

    private ApiRequests() {
    }

    static Map<String, Double> snapshot(BenchCluster cluster) throws Exception {
        Map<String, Double> counts = new TreeMap<>();
        Request request = cluster.client.buildCall(cluster.client.getBasePath(), "/metrics", "GET", List.of(),
                List.of(), null, new HashMap<>(), new HashMap<>(), new HashMap<>(), new String[] {"BearerToken"},
                null).request();
        try (Response response = cluster.client.getHttpClient().newCall(request).execute();
             BufferedReader r = new BufferedReader(new InputStreamReader(response.body().byteStream()))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.startsWith("apiserver_request_total{")) {
                    continue;
                }
                String labels = line.substring(line.indexOf('{') + 1, line.lastIndexOf('}'));
                String sub = label(labels, "subresource");
                String resource = label(labels, "resource") + (sub.isEmpty() ? "" : "/" + sub);
                if (RESOURCES.contains(resource)) {
                    counts.merge(label(labels, "verb") + " " + resource,
                            Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)), Double::sum);
                }
            }
        }
        return counts;
    }

    /** {@code after - before}, zero entries dropped. */
    static Map<String, Long> difference(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Long> d = new TreeMap<>();
        after.forEach((k, v) -> {
            long n = Math.round(v - before.getOrDefault(k, 0.0));
            if (n != 0) {
                d.put(k, n);
            }
        });
        return d;
    }

    static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The requests on one resource kind ({@code secrets}, {@code leases}). */
    static long of(Map<String, Long> counts, String resource) {
        return counts.entrySet().stream().filter(e -> e.getKey().endsWith(" " + resource))
                .mapToLong(Map.Entry::getValue).sum();
    }

    private static String label(String labels, String name) {
        int i = labels.indexOf(name + "=\"");
        if (i < 0) {
            return "";
        }
        int start = i + name.length() + 2;
        return labels.substring(start, labels.indexOf('"', start));
    }
}
