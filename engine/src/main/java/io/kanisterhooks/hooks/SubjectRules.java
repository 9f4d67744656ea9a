package io.kanisterhooks.hooks;

import io.kanisterhooks.yaml.Problems;
import io.kanisterhooks.yaml.SourcePosition;

/**
 * What makes a subject usable (Kanister's ActionSet validation): a known kind with a name, or an object given by
 * apiVersion + resource. Whether it lives in the hook's namespace is checked per namespace when a run is planned.
 */
final class SubjectRules {

    private SubjectRules() {
    }

    static void check(HookSubject s, SourcePosition at, String path, Problems problems) {
        if (s.kind() == null && (empty(s.apiVersion()) || empty(s.resource()))) {
            problems.error(at, path + ": unknown subject type \"" + s.type() + "\": use one of namespace, statefulset, "
                    + "deployment, deploymentconfig, pvc, or give apiVersion and resource (and group) of the object");
        }
        if (!s.isNamespace() && empty(s.name())) {
            problems.error(at, path + ": a " + (s.kind() == null ? "object" : s.kind()) + " subject needs a name");
        }
    }

    private static boolean empty(String s) {
        return s == null || s.isEmpty();
    }
}
