package io.kanisterhooks.hooks.cluster;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hook blueprints for the tests: every action is one KubeTask phase, named as the action (Kanister wants phase names unique in a blueprint), with a shell command. {@link #STANDARD}
 * has the actions most tests need.
 */
final class HookBlueprints {

    /** The blueprint most tests use, named {@code hooks}. */
    static final String STANDARD = blueprint("hooks", actions());

    private HookBlueprints() {
    }

    private static Map<String, String> actions() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("ok", "echo ok {{ .Namespace.Name }}");
        a.put("fail", "echo failing {{ .Namespace.Name }}; exit 1");
        // fails in the namespaces listed (space-separated) in the option failIn
        a.put("failIn", "case \" {{ .Options.failIn }} \" in *\" {{ .Namespace.Name }} \"*) echo failing; exit 1;; "
                + "esac; echo ok");
        // fails while the file FLAGS/NAMESPACE exists (option flags): a failure the test can end between two calls
        a.put("failWhileFlagged", "if [ -e {{ .Options.flags }}/{{ .Namespace.Name }} ]; then echo failing; exit 1; "
                + "fi; echo ok");
        a.put("unquiesce", "echo unquiesce {{ .ArtifactsIn.marker.KeyValue.tag }}");
        a.put("cleanup", "echo cleanup {{ .ArtifactsIn.marker.KeyValue.tag }}");
        a.put("notify", "echo notify {{ .Namespace.Name }}");
        a.put("sleep", "echo sleeping; sleep 60");
        return a;
    }

    /**
     * A blueprint of KubeTask actions; the action {@code quiesce} is always added: it outputs
     * {@code tag=tok-NAMESPACE} as the artifact {@code marker}.
     */
    static String blueprint(String name, Map<String, String> commands) {
        StringBuilder sb = new StringBuilder("""
                apiVersion: cr.kanister.io/v1alpha1
                kind: Blueprint
                metadata:
                  name: %s
                actions:
                  quiesce:
                    outputArtifacts:
                      marker:
                        keyValue:
                          tag: '{{ .Phases.quiesce.Output.tag }}'
                    phases:
                    - func: KubeTask
                      name: quiesce
                      args:
                        image: busybox
                        command: [sh, -c, 'echo quiesce {{ .Namespace.Name }}; kando output tag tok-{{ .Namespace.Name }}']
                """.formatted(name));
        commands.forEach((action, command) -> sb.append("""
                  %s:
                    phases:
                    - func: KubeTask
                      name: %s
                      args:
                        image: busybox
                        command: [sh, -c, '%s']
                """.formatted(action, action, command.replace("'", "''"))));
        return sb.toString();
    }
}
