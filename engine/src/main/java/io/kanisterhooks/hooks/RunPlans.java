package io.kanisterhooks.hooks;

import io.kanisterhooks.functions.PodPolicy;
import io.kanisterhooks.golang.time.GoDuration;
import io.kanisterhooks.golang.time.GoTimeException;
import io.kanisterhooks.hooks.state.RunPlanRecord;
import io.kanisterhooks.hooks.state.RunPlanRecord.BlueprintText;
import io.kanisterhooks.hooks.state.RunPlanRecord.HookRecord;
import io.kanisterhooks.hooks.state.RunPlanRecord.SubjectRecord;
import io.kanisterhooks.yaml.SourcePosition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A {@link HookPlan} to and from the form a run's state keeps. */
final class RunPlans {

    private RunPlans() {
    }

    static RunPlanRecord record(HookPlan plan, Collection<BlueprintResolver.Source> blueprints, PlanRequest r) {
        Map<String, HookRecord> hooks = new LinkedHashMap<>();
        plan.hooks().hooks().forEach((slot, h) -> hooks.put(slot.key(), new HookRecord(h.blueprint(), h.actionName(),
                GoDuration.format(h.timeout().toNanos()), h.maxRetries(), h.onError().spelling(), h.options(),
                h.subject().map(RunPlans::subject).orElse(null))));
        List<BlueprintText> texts = new ArrayList<>();
        blueprints.forEach(s -> texts.add(new BlueprintText(s.blueprint().name(), s.origin(), s.text())));
        return new RunPlanRecord(hooks, texts, plan.namespaces(), plan.options(), r.subject(), plan.parallelism(),
                r.forceRoot(), r.blueprintNamespace(), plan.homeNamespace(), GoDuration.format(r.claimTtl().toNanos()));
    }

    static HookPlan plan(RunPlanRecord record, String runId, PodPolicy policy) {
        Map<HookSlot, HookReference> hooks = new EnumMap<>(HookSlot.class);
        SourcePosition at = SourcePosition.ofFile("run " + runId);
        record.hooks().forEach((key, h) -> HookSlot.ofKey(key).ifPresent(slot -> hooks.put(slot, new HookReference(
                slot, h.blueprint(), h.action(), Optional.ofNullable(h.subject()).map(RunPlans::subject),
                duration(h.timeout()), h.maxRetries(),
                OnError.parse(String.valueOf(h.onError())).orElse(OnError.FAIL), h.options() == null ? Map.of() : h.options(), at, at))));
        Optional<HookSubject> dflt = Optional.ofNullable(record.subject()).map(RunPlans::defaultSubject);
        return new HookPlan(runId, new HookSet(hooks), BlueprintResolver.fromTexts(record.blueprints()),
                record.namespaces(), record.options(), dflt, record.parallelism(), record.homeNamespace(), policy);
    }

    private static SubjectRecord subject(HookSubject s) {
        return new SubjectRecord(s.type(), s.name(), s.namespace(), s.apiVersion(), s.group(), s.resource());
    }

    private static HookSubject subject(SubjectRecord s) {
        return new HookSubject(s.type(), s.name(), s.namespace(), s.apiVersion(), s.group(), s.resource());
    }

    /** {@code --subject KIND/NAME} as it was accepted when the run started. */
    private static HookSubject defaultSubject(String kindAndName) {
        int slash = kindAndName.indexOf('/');
        return slash < 0 ? new HookSubject("namespace", null, null, null, null, null)
                : new HookSubject(kindAndName.substring(0, slash).toLowerCase(Locale.ROOT),
                        kindAndName.substring(slash + 1), null, null, null, null);
    }

    private static Duration duration(String go) {
        try {
            return Duration.ofNanos(GoDuration.parse(go));
        } catch (GoTimeException e) {
            throw new IllegalStateException("the run state holds an invalid duration \"" + go + "\"", e);
        }
    }
}
