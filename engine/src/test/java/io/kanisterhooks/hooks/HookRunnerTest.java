package io.kanisterhooks.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanisterhooks.blueprint.Artifact;
import io.kanisterhooks.blueprint.Blueprint;
import io.kanisterhooks.cancel.Cancellation;
import io.kanisterhooks.functions.PodPolicy;
import io.kanisterhooks.hooks.state.FileRunStateStore;
import io.kanisterhooks.hooks.state.RunState;
import io.kanisterhooks.hooks.state.RunStateStore;
import io.kanisterhooks.hooks.state.SlotRecord;
import io.kanisterhooks.hooks.state.SlotStatus;
import io.kanisterhooks.yaml.SourcePosition;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** K10's hook rules, with an executor that fails on command. */
class HookRunnerTest {

    @TempDir
    Path dir;

    private final ScriptedExecutor executor = new ScriptedExecutor();

    private static HookReference hook(HookSlot slot, String action, int maxRetries) {
        return hook(slot, action, maxRetries, OnError.FAIL);
    }

    private static HookReference hook(HookSlot slot, String action, int maxRetries, OnError onError) {
        SourcePosition at = SourcePosition.ofFile("hooks.yaml");
        return new HookReference(slot, "bp", action, Optional.empty(), Duration.ofMinutes(1), maxRetries, onError,
                Map.of(), at, at);
    }

    private static HookPlan plan(List<String> namespaces, HookReference... hooks) {
        Map<HookSlot, HookReference> set = new EnumMap<>(HookSlot.class);
        for (HookReference h : hooks) {
            set.put(h.slot(), h);
        }
        Blueprint bp = new Blueprint("bp", "kasten-io", Map.of(), SourcePosition.ofFile("bp.yaml"));
        return new HookPlan("run1", new HookSet(set), Map.of("bp", bp), namespaces, Map.of("global", "g"),
                Optional.empty(), 2, "kasten-io", PodPolicy.NONE);
    }

    private static final HookReference PRE = hook(HookSlot.PRE_HOOK, "quiesce", 2);
    private static final HookReference SUCCESS = hook(HookSlot.ON_SUCCESS, "unquiesce", 2);
    private static final HookReference FAILURE = hook(HookSlot.ON_FAILURE, "cleanup", 0);
    private static final HookReference ALWAYS = hook(HookSlot.ALWAYS, "notify", 0);

    /** One store per test, like one run state file shared by the invocations of a run. */
    private RunStateStore store;

    private HookRunner runner(HookPlan plan) throws Exception {
        if (store == null) {
            store = FileRunStateStore.of(dir.resolve("state.json"), TestRunStates.fresh(plan.runId(),
                    plan.namespaces()));
        }
        return new HookRunner(plan, executor, store, new HookRunListener() { }, Cancellation.none(),
                HookRunner.RetryDelay.NONE, 1);
    }

    @Test
    void preHookIsRetriedUpToMaxRetriesThenFails() throws Exception {
        executor.failing("a", "quiesce", 5);
        RunOutcome outcome = runner(plan(List.of("a"), PRE)).pre();
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.failedNamespaces()).containsExactly("a");
        assertThat(executor.callsOf("a")).containsExactly("quiesce#1", "quiesce#2", "quiesce#3");
    }

    @Test
    void preHookSucceedsOnARetry() throws Exception {
        executor.failing("a", "quiesce", 1);
        assertThat(runner(plan(List.of("a"), PRE)).pre().succeeded()).isTrue();
        assertThat(executor.callsOf("a")).containsExactly("quiesce#1", "quiesce#2");
    }

    @Test
    void successfulPreHookIsNotRunAgainWhenTheStageIsRetried() throws Exception {
        HookPlan plan = plan(List.of("a", "b"), PRE);
        executor.failing("b", "quiesce", 3);
        assertThat(runner(plan).pre().failedNamespaces()).containsExactly("b");
        assertThat(runner(plan).pre().succeeded()).isTrue();
        assertThat(executor.callsOf("a")).containsExactly("quiesce#1");
        assertThat(executor.callsOf("b")).containsExactly("quiesce#1", "quiesce#2", "quiesce#3", "quiesce#1");
    }

    @Test
    void preHookArtifactsReachEveryPostHook() throws Exception {
        HookPlan plan = plan(List.of("a"), PRE, SUCCESS, ALWAYS);
        runner(plan).pre();
        runner(plan).post(true, Cancellation.none());
        Map<String, Artifact> expected = Map.of("quiesced", new Artifact(Map.of("at", "a-1"), ""));
        assertThat(executor.calls).filteredOn(c -> !c.action().equals("quiesce"))
                .extracting(ScriptedExecutor.Call::artifactsIn).containsExactly(expected, expected);
    }

    @Test
    void onSuccessFailureIsRetriedThenOnFailureRunsOnce() throws Exception {
        executor.failing("a", "unquiesce", 3).failing("a", "cleanup", 5);
        HookPlan plan = plan(List.of("a"), PRE, SUCCESS, FAILURE, ALWAYS);
        runner(plan).pre();
        RunOutcome outcome = runner(plan).post(true, Cancellation.none());
        assertThat(outcome.succeeded()).isFalse();
        assertThat(executor.callsOf("a")).containsExactly("quiesce#1", "unquiesce#1", "unquiesce#2", "unquiesce#3",
                "cleanup#1", "notify#1");
    }

    @Test
    void stageFailureRunsOnFailureNotOnSuccess() throws Exception {
        HookPlan plan = plan(List.of("a"), PRE, SUCCESS, FAILURE);
        runner(plan).pre();
        RunOutcome outcome = runner(plan).post(false, Cancellation.none());
        assertThat(outcome.succeeded()).isFalse();
        assertThat(executor.callsOf("a")).containsExactly("quiesce#1", "cleanup#1");
        RunState state = FileRunStateStore.read(dir.resolve("state.json")).orElseThrow();
        assertThat(state.record("a", "onSuccess").orElseThrow().status()).isEqualTo(SlotStatus.SKIPPED);
        assertThat(state.record("a", "onFailure").orElseThrow().status()).isEqualTo(SlotStatus.SUCCEEDED);
    }

    @Test
    void aContinuedPreHookFailureLetsTheRunGoOnAsAfterASuccess() throws Exception {
        executor.failing("a", "quiesce", 5);
        HookReference pre = hook(HookSlot.PRE_HOOK, "quiesce", 1, OnError.CONTINUE);
        HookPlan plan = plan(List.of("a"), pre, SUCCESS, FAILURE, ALWAYS);
        assertThat(runner(plan).pre().succeeded()).isTrue();
        assertThat(runner(plan).pre().succeeded()).isTrue();
        RunOutcome post = runner(plan).post(true, Cancellation.none());

        assertThat(post.succeeded()).isTrue();
        assertThat(executor.callsOf("a")).containsExactly("quiesce#1", "quiesce#2", "unquiesce#1", "notify#1");
        RunState state = FileRunStateStore.read(dir.resolve("state.json")).orElseThrow();
        SlotRecord r = state.record("a", "preHook").orElseThrow();
        assertThat(r.status()).isEqualTo(SlotStatus.CONTINUED);
        assertThat(r.attempts()).isEqualTo(2);
        assertThat(r.error()).isNotBlank();
    }

    @Test
    void aContinuedOnSuccessFailureIsNotFollowedByOnFailure() throws Exception {
        executor.failing("a", "unquiesce", 5).failing("a", "notify", 1);
        HookPlan plan = plan(List.of("a"), PRE, hook(HookSlot.ON_SUCCESS, "unquiesce", 0, OnError.CONTINUE), FAILURE,
                ALWAYS);
        runner(plan).pre();
        RunOutcome post = runner(plan).post(true, Cancellation.none());

        assertThat(executor.callsOf("a")).containsExactly("quiesce#1", "unquiesce#1", "notify#1");
        assertThat(post.succeeded()).as("always failed with onError: Fail").isFalse();
        RunState state = FileRunStateStore.read(dir.resolve("state.json")).orElseThrow();
        assertThat(state.record("a", "onSuccess").orElseThrow().status()).isEqualTo(SlotStatus.CONTINUED);
        assertThat(state.record("a", "onFailure")).isEmpty();
    }

    @Test
    void aContinuedFailureAfterAFailedStageStillLeavesTheRunFailed() throws Exception {
        executor.failing("a", "cleanup", 1);
        HookPlan plan = plan(List.of("a"), PRE, SUCCESS, hook(HookSlot.ON_FAILURE, "cleanup", 0, OnError.CONTINUE));
        runner(plan).pre();
        RunOutcome post = runner(plan).post(false, Cancellation.none());

        assertThat(post.succeeded()).as("the stage failed").isFalse();
        RunState state = FileRunStateStore.read(dir.resolve("state.json")).orElseThrow();
        assertThat(state.record("a", "onFailure").orElseThrow().status()).isEqualTo(SlotStatus.CONTINUED);
    }

    @Test
    void anAbortIsNeverContinued() throws Exception {
        RunOutcome outcome = preAfterAnAbort(plan(List.of("a"), hook(HookSlot.PRE_HOOK, "quiesce", 0,
                OnError.CONTINUE)));
        assertThat(outcome.succeeded()).isFalse();
        assertThat(store.state().record("a", "preHook").orElseThrow().status()).isEqualTo(SlotStatus.ABORTED);
    }

    /** hooks pre of a run whose abort came before it. */
    private RunOutcome preAfterAnAbort(HookPlan plan) throws Exception {
        store = FileRunStateStore.of(dir.resolve("state.json"), TestRunStates.fresh("run1", plan.namespaces()));
        Cancellation abort = Cancellation.none();
        abort.cancel("SIGTERM");
        return new HookRunner(plan, executor, store, new HookRunListener() { }, abort, HookRunner.RetryDelay.NONE, 1)
                .pre();
    }

    @Test
    void anAlwaysHookThatWasInterruptedRunsAgainWhenTheRunIsFinished() throws Exception {
        HookPlan plan = plan(List.of("a"), PRE, SUCCESS, FAILURE, ALWAYS);
        runner(plan).pre();
        runner(plan).post(true, Cancellation.none());
        // as a process killed while always ran leaves it, once recovery marked the slot interrupted
        SlotRecord done = store.state().record("a", "always").orElseThrow();
        store.put("a", "always", new SlotRecord(done.blueprint(), done.action(), SlotStatus.ABORTED, 0,
                "interrupted: the process running it ended before it finished", done.started(), done.finished(),
                Map.of(), 1));

        RunOutcome again = runner(plan).post(false, Cancellation.none());

        assertThat(executor.callsOf("a")).containsExactly("quiesce#1", "unquiesce#1", "notify#1", "notify#1");
        assertThat(store.state().record("a", "always").orElseThrow().status()).isEqualTo(SlotStatus.SUCCEEDED);
        assertThat(store.state().record("a", "onFailure")).as("onSuccess had completed").isEmpty();
        assertThat(again.succeeded()).isTrue();
    }

    @Test
    void postCalledTwiceCompletesExactlyOneOfOnSuccessAndOnFailure() throws Exception {
        executor.failing("a", "unquiesce", 3);
        HookPlan plan = plan(List.of("a"), SUCCESS, FAILURE);
        runner(plan).post(true, Cancellation.none());
        runner(plan).post(true, Cancellation.none());
        assertThat(executor.callsOf("a")).containsExactly("unquiesce#1", "unquiesce#2", "unquiesce#3", "cleanup#1");
    }

    @Test
    void oneNamespaceFailingAmongFiveDoesNotStopTheOthers() throws Exception {
        List<String> five = List.of("n1", "n2", "n3", "n4", "n5");
        executor.failing("n3", "quiesce", 3);
        HookPlan plan = plan(five, PRE, SUCCESS, FAILURE);
        RunOutcome pre = runner(plan).pre();
        assertThat(pre.failedNamespaces()).containsExactly("n3");
        RunOutcome post = runner(plan).post(pre.succeeded(), Cancellation.none());
        assertThat(post.failedNamespaces()).containsExactlyElementsOf(five);
        for (String ns : five) {
            assertThat(executor.callsOf(ns)).last().isEqualTo("cleanup#1");
        }
    }

    @Test
    void preHookFailureInOneNamespaceMakesOnlyThatNamespaceFailOnSuccessPath() throws Exception {
        executor.failing("b", "quiesce", 3);
        HookPlan plan = plan(List.of("a", "b"), PRE, SUCCESS, FAILURE);
        runner(plan).pre();
        RunOutcome post = runner(plan).post(true, Cancellation.none());
        assertThat(post.failedNamespaces()).containsExactly("b");
        assertThat(executor.callsOf("a")).containsExactly("quiesce#1", "unquiesce#1");
        assertThat(executor.callsOf("b")).endsWith("cleanup#1");
    }

    @Test
    void globalAndHookOptionsAreMerged() throws Exception {
        HookReference pre = new HookReference(HookSlot.PRE_HOOK, "bp", "quiesce", Optional.empty(),
                Duration.ofMinutes(1), 0, OnError.FAIL, Map.of("mode", "fast", "global", "hook"), PRE.blueprintAt(),
                PRE.actionAt());
        runner(plan(List.of("a"), pre)).pre();
        assertThat(executor.calls.get(0).options()).isEqualTo(Map.of("mode", "fast", "global", "hook"));
        assertThat(executor.calls.get(0).subject()).isEqualTo("namespace/a");
    }

    @Test
    void abortedRunRecordsAbortAndRunsNothingMore() throws Exception {
        RunOutcome outcome = preAfterAnAbort(plan(List.of("a"), PRE));
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.aborted()).isTrue();
        assertThat(executor.calls).isEmpty();
        assertThat(store.state().record("a", "preHook").orElseThrow().status()).isEqualTo(SlotStatus.ABORTED);
    }
}
