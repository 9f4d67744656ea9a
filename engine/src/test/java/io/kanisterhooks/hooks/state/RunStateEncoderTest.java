package io.kanisterhooks.hooks.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanisterhooks.blueprint.Artifact;
import io.kanisterhooks.hooks.TestRunStates;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Writing the state again after each change re-encodes only what changed, and reads back as the state itself. */
class RunStateEncoderTest {

    private static SlotRecord record(SlotStatus status, String secret) {
        return new SlotRecord("bp", "a \"quoted\" <action>", status, 1, null, "t0", "t1",
                Map.of("creds", new Artifact(Map.of("password", secret), null)), 1);
    }

    @Test
    void everyWriteIsTheCompactJsonOfTheWholeState() throws StateException {
        RunStateEncoder encoder = new RunStateEncoder();
        RunState s = TestRunStates.fresh("r", List.of("a", "b", "ü\"ns"));
        assertThat(encoder.write(s)).isEqualTo(RunStateJson.write(s, false));
        s = s.with("a", "preHook", record(SlotStatus.RUNNING, "p1"));
        assertThat(encoder.write(s)).isEqualTo(RunStateJson.write(s, false));
        s = s.with("b", "preHook", record(SlotStatus.RUNNING, "p2"))
                .with("ü\"ns", "preHook", record(SlotStatus.RUNNING, "p3"));
        assertThat(encoder.write(s)).isEqualTo(RunStateJson.write(s, false));
        s = s.with("a", "preHook", record(SlotStatus.SUCCEEDED, "p1")).withStatus(RunStatus.COMPLETED, "t9")
                .withPreDone("t5");
        String json = encoder.write(s);

        assertThat(json).isEqualTo(RunStateJson.write(s, false));
        assertThat(RunStateJson.read(json, "test")).isEqualTo(s);
        assertThat(RunStateJson.read(json, "test").record("a", "preHook")).hasValue(
                record(SlotStatus.SUCCEEDED, "p1"));
    }

    @Test
    void aNamespaceWhoseRecordsDidNotChangeIsNotEncodedAgain() {
        RunStateEncoder encoder = new RunStateEncoder();
        RunState s = TestRunStates.fresh("r", List.of("a", "b")).with("a", "preHook", record(SlotStatus.RUNNING, "x"))
                .with("b", "preHook", record(SlotStatus.RUNNING, "y"));
        encoder.write(s);
        RunState next = s.with("b", "preHook", record(SlotStatus.SUCCEEDED, "y"));

        assertThat(next.records().get("a")).as("kept as it was").isSameAs(s.records().get("a"));
        assertThat(encoder.write(next)).isEqualTo(RunStateJson.write(next, false));
    }
}
