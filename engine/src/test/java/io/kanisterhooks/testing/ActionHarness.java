package io.kanisterhooks.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanisterhooks.action.ActionListener;
import io.kanisterhooks.action.ActionRequest;
import io.kanisterhooks.action.ActionResult;
import io.kanisterhooks.action.ActionRunner;
import io.kanisterhooks.action.Subject;
import io.kanisterhooks.blueprint.Artifact;
import io.kanisterhooks.blueprint.Blueprint;
import io.kanisterhooks.blueprint.BlueprintFile;
import io.kanisterhooks.blueprint.BlueprintLoader;
import io.kanisterhooks.cancel.Cancellation;
import io.kanisterhooks.cluster.junit.KubeTestContext;
import io.kanisterhooks.functions.FunctionRegistry;
import io.kanisterhooks.functions.PodSettings;
import io.kanisterhooks.kube.Kube;
import io.kanisterhooks.kube.KubeClients;
import io.kanisterhooks.kube.KubeConfigException;
import io.kanisterhooks.kube.KubeConfigSource;
import io.kanisterhooks.secrets.SecretValues;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Runs blueprint actions from tests against the local cluster, the way {@code run-action} does: the test's namespace
 * is both the subject's namespace and the home namespace (where KubeTask pods without a namespace go).
 */
public final class ActionHarness implements AutoCloseable {

    private final KubeTestContext cluster;
    private final Kube kube;
    private final ActionRunner runner;
    /** Every line the phases logged, as {@code phase | line}. */
    public final List<String> logs = Collections.synchronizedList(new ArrayList<>());

    public ActionHarness(KubeTestContext cluster) {
        this.cluster = cluster;
        try {
            this.kube = new Kube(KubeClients.connect(new KubeConfigSource(cluster.kubeconfig(), null, Map.of(),
                    java.nio.file.Path.of("/nonexistent"))));
        } catch (KubeConfigException e) {
            throw new IllegalStateException(e);
        }
        this.runner = new ActionRunner(kube, FunctionRegistry.standard(), new SecretValues(), Duration.ofMinutes(2));
    }

    public Kube kube() {
        return kube;
    }

    /** Parses YAML that holds exactly one Blueprint and fails the test on any problem. */
    public static Blueprint blueprint(String yaml) {
        BlueprintFile f = new BlueprintLoader().parse("test-blueprint.yaml", yaml);
        assertThat(f.problems().sorted()).as("blueprint problems").isEmpty();
        assertThat(f.blueprints()).hasSize(1);
        return f.blueprints().get(0);
    }

    /** Runs {@code action} with the test namespace as subject. */
    public ActionResult run(String blueprintYaml, String action) {
        return run(blueprint(blueprintYaml), action, Subject.namespace(cluster.namespace()), Map.of(), Map.of(),
                Cancellation.none());
    }

    public ActionResult run(Blueprint bp, String action, Subject subject, Map<String, String> options,
                            Map<String, Artifact> artifactsIn, Cancellation cancellation) {
        return run(bp, action, subject, options, artifactsIn, PodSettings.NONE, cancellation);
    }

    /** With run-level pod settings (Kanister: the ActionSet's podOverride, podLabels, podAnnotations). */
    public ActionResult run(Blueprint bp, String action, Subject subject, Map<String, String> options,
                            Map<String, Artifact> artifactsIn, PodSettings pods, Cancellation cancellation) {
        return run(new ActionRequest(bp, action, subject, options, artifactsIn, pods, cluster.namespace()),
                cancellation);
    }

    /** A request made by the test, e.g. with the ActionSet's Secrets and ConfigMaps. */
    public ActionResult run(ActionRequest request, Cancellation cancellation) {
        return runner.execute(request, new ActionListener() {
            @Override
            public void log(String phase, String line) {
                logs.add(phase + " | " + line);
            }
        }, cancellation);
    }

    @Override
    public void close() {
        kube.close();
    }
}
