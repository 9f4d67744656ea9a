package io.kanisterhooks.cli;

import io.kanisterhooks.blueprint.Blueprint;
import io.kanisterhooks.hooks.HookReference;
import io.kanisterhooks.hooks.HookSet;
import io.kanisterhooks.yaml.Problems;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** For {@code validate}: the blueprint actions hooks name, checked against the blueprints given in the same run. */
final class HookTargets {

    private HookTargets() {
    }

    static void check(HookSet hooks, Map<String, Blueprint> blueprints, Problems problems, List<String> notes,
                      Path file) {
        for (HookReference h : hooks.hooks().values()) {
            Blueprint bp = blueprints.get(h.blueprint());
            if (bp == null) {
                notes.add(file + ": hook " + h.slot() + " uses blueprint " + h.blueprint()
                        + ", which is not among the files validated (it may live in the cluster)");
            } else if (bp.action(h.actionName()).isEmpty()) {
                problems.error(h.actionAt(), "action \"" + h.actionName() + "\" not found in blueprint " + bp.name()
                        + " (its actions: " + bp.actionNames() + ")");
            }
        }
    }
}
