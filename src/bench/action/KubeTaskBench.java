import io.kanisterhooks.action.ActionListener;
import io.kanisterhooks.action.ActionRequest;
import io.kanisterhooks.action.ActionResult;
import io.kanisterhooks.action.ActionRunner;
import io.kanisterhooks.action.Subject;
import io.kanisterhooks.blueprint.Blueprint;
import io.kanisterhooks.blueprint.BlueprintLoader;
import io.kanisterhooks.cancel.Cancellation;
import io.kanisterhooks.functions.FunctionRegistry;
import io.kanisterhooks.functions.PodSettings;
import io.kanisterhooks.kube.Kube;
import io.kanisterhooks.kube.KubeClients;
import io.kanisterhooks.kube.KubeConfigSource;
import io.kanisterhooks.secrets.SecretValues;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * KubeTask benchmark (issue "Kanister functions"): API-server requests per KubeTask phase, read from the API server's
 * own /metrics counters before and after, and the wall time of a `true` KubeTask phase against
 * `kubectl run --rm -i --restart=Never ... -- true` on the same cluster, in one run.
 *
 * Usage: java -cp <cli jar> src/bench/action/KubeTaskBench.java NAMESPACE [ROUNDS]   (KUBECONFIG must be set)
 */
public class KubeTaskBench {

    public static void main(String[] args) throws Exception {
        String namespace = args[0];
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path kubeconfig = Path.of(System.getenv("KUBECONFIG"));
        try (Kube kube = new Kube(KubeClients.connect(KubeConfigSource.fromEnvironment(kubeconfig, null)))) {
            ActionRunner runner = new ActionRunner(kube, FunctionRegistry.standard(), new SecretValues(),
                    Duration.ofMinutes(2));
            Blueprint one = blueprint(1);
            Blueprint ten = blueprint(10);
            run(runner, one, namespace); // warm-up: classes, TLS, the namespace's pod watch
            run(runner, one, namespace);

            // requests: one action of 10 phases (marginal cost per phase) and one action of 1 phase
            Map<String, Double> before = ourRequests(kube);
            run(runner, ten, namespace);
            Map<String, Double> afterTen = ourRequests(kube);
            run(runner, one, namespace);
            Map<String, Double> afterOne = ourRequests(kube);
            double perPhase = (total(afterTen) - total(before)) / 10.0;
            double singlePhaseAction = total(afterOne) - total(afterTen);
            System.out.printf("requests per KubeTask phase (10-phase action): %.1f  %s%n", perPhase,
                    delta(before, afterTen));
            System.out.printf("requests for a 1-phase action: %.0f  %s%n", singlePhaseAction, delta(afterTen, afterOne));

            List<Long> ours = new ArrayList<>();
            List<Long> kubectl = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                long t0 = System.nanoTime();
                ActionResult r = run(runner, one, namespace);
                ours.add(System.nanoTime() - t0);
                if (!r.succeeded()) {
                    throw new IllegalStateException(r.error());
                }
                t0 = System.nanoTime();
                Process p = new ProcessBuilder("kubectl", "run", "bench-" + i, "--rm", "-i", "--restart=Never",
                        "--image=busybox", "-n", namespace, "--", "true").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor() != 0) {
                    throw new IllegalStateException("kubectl run failed");
                }
                kubectl.add(System.nanoTime() - t0);
            }
            double oursMs = median(ours) / 1e6;
            double kubectlMs = median(kubectl) / 1e6;
            System.out.printf("KubeTask `true` phase: median %.0f ms; kubectl run --rm -i: median %.0f ms; ratio %.2f%n",
                    oursMs, kubectlMs, oursMs / kubectlMs);
        }
    }

    private static Blueprint blueprint(int phases) {
        StringBuilder y = new StringBuilder("apiVersion: cr.kanister.io/v1alpha1\nkind: Blueprint\nmetadata: {name: b}\n"
                + "actions:\n  run:\n    phases:\n");
        for (int i = 0; i < phases; i++) {
            y.append("    - {func: KubeTask, name: t").append(i).append(", args: {image: busybox, command: [\"true\"]}}\n");
        }
        return new BlueprintLoader().parse("bench.yaml", y.toString()).blueprints().get(0);
    }

    private static ActionResult run(ActionRunner runner, Blueprint bp, String namespace) {
        return runner.execute(new ActionRequest(bp, "run", Subject.namespace(namespace), Map.of(), Map.of(),
                PodSettings.NONE, namespace), ActionListener.NONE, Cancellation.none());
    }

    /**
     * apiserver_request_total for what a KubeTask does: pods (create, get, list, watch, delete), pods/log and the
     * namespace GET. The kubelet's pods/status patches and the scheduler's pods/binding are other subresources and are
     * not counted (nothing else touches bare pods on this cluster while the benchmark runs); nor are failed requests.
     */
    private static Map<String, Double> ourRequests(Kube kube) throws Exception {
        Map<String, Double> counts = new java.util.TreeMap<>();
        okhttp3.Request request = new okhttp3.Request.Builder().url(kube.requestClient().getBasePath() + "/metrics")
                .build();
        request = kube.requestClient().buildCall(kube.requestClient().getBasePath(), "/metrics", "GET", List.of(),
                List.of(), null, Map.of(), Map.of(), Map.of(), new String[] {"BearerToken"}, null).request();
        try (okhttp3.Response response = kube.requestClient().getHttpClient().newCall(request).execute();
             BufferedReader r = new BufferedReader(new InputStreamReader(response.body().byteStream()))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.startsWith("apiserver_request_total{")) {
                    continue;
                }
                String labels = line.substring(line.indexOf('{') + 1, line.lastIndexOf('}'));
                String resource = label(labels, "resource");
                String sub = label(labels, "subresource");
                boolean ours = resource.equals("pods") && (sub.isEmpty() || sub.equals("log"))
                        || resource.equals("namespaces") && sub.isEmpty() && label(labels, "verb").equals("GET");
                // successful requests only: the kubelet's own final DELETE of a pod we deleted gets a 404
                if (ours && label(labels, "code").startsWith("2")) {
                    String key = label(labels, "verb") + " " + resource + (sub.isEmpty() ? "" : "/" + sub);
                    counts.merge(key, Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)), Double::sum);
                }
            }
        }
        return counts;
    }

    private static String label(String labels, String name) {
        int i = labels.indexOf(name + "=\"");
        if (i < 0) {
            return "";
        }
        int start = i + name.length() + 2;
        return labels.substring(start, labels.indexOf('"', start));
    }

    private static double total(Map<String, Double> m) {
        return m.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    private static String delta(Map<String, Double> a, Map<String, Double> b) {
        Map<String, Long> d = new java.util.TreeMap<>();
        b.forEach((k, v) -> {
            long n = Math.round(v - a.getOrDefault(k, 0.0));
            if (n != 0) {
                d.put(k, n);
            }
        });
        return d.toString();
    }

    private static double median(List<Long> xs) {
        List<Long> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }
}
