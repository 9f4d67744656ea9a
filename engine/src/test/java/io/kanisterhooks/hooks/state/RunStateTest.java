package io.kanisterhooks.hooks.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanisterhooks.hooks.TestRunStates;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Merging one writer's changes into what another writer stored (a recovery forced while the run still lived). */
class RunStateTest {

    private static SlotRecord record(SlotStatus status) {
        return new SlotRecord("bp", "a", status, 1, null, "t0", "t1", Map.of(), 1);
    }

    @Test
    void overlayAppliesOnlyTheChangesOfOneWriter() {
        RunState base = TestRunStates.fresh("r", List.of("a", "b"))
                .with("a", "preHook", record(SlotStatus.SUCCEEDED)).with("b", "preHook", record(SlotStatus.RUNNING));
        RunState mine = base.with("a", "onSuccess", record(SlotStatus.SUCCEEDED));
        RunState theirs = base.with("b", "preHook", record(SlotStatus.ABORTED))
                .withStatus(RunStatus.RECOVERED, "t2");

        RunState merged = theirs.overlay(base, mine);

        assertThat(merged.record("a", "onSuccess")).hasValue(record(SlotStatus.SUCCEEDED));
        assertThat(merged.record("b", "preHook")).as("theirs: not changed by me").hasValue(
                record(SlotStatus.ABORTED));
        assertThat(merged.status()).as("not changed by me").isEqualTo(RunStatus.RECOVERED);
    }

    @Test
    void aStartedPreHookIsOneWithAnyRecordButSkipped() {
        RunState s = TestRunStates.fresh("r", List.of("a", "b", "c")).with("a", "preHook", record(SlotStatus.RUNNING))
                .with("b", "preHook", record(SlotStatus.SKIPPED));
        assertThat(s.preHookStarted("a")).isTrue();
        assertThat(s.preHookStarted("b")).isFalse();
        assertThat(s.preHookStarted("c")).isFalse();
    }
}
