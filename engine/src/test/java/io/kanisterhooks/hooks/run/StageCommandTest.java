package io.kanisterhooks.hooks.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanisterhooks.cancel.Cancellation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stage command ends with a shell's exit codes, also when it cannot start. */
class StageCommandTest {

    @TempDir
    Path dir;

    @Test
    void exitCodesAreTheCommandsOwn() {
        StageCommand.Exit ok = new StageCommand(List.of("true")).run(Cancellation.none());
        assertThat(ok.code()).isZero();
        assertThat(ok.problem()).isNull();
        assertThat(new StageCommand(List.of("sh", "-c", "exit 3")).run(Cancellation.none()).code()).isEqualTo(3);
    }

    @Test
    void aMissingCommandIs127AndANonExecutableOne126() throws Exception {
        StageCommand.Exit missing = new StageCommand(List.of(dir.resolve("no-such.sh").toString()))
                .run(Cancellation.none());
        Path script = Files.writeString(dir.resolve("backup.sh"), "#!/bin/sh\necho hi\n");
        StageCommand.Exit denied = new StageCommand(List.of(script.toString())).run(Cancellation.none());

        assertThat(missing.code()).isEqualTo(127);
        assertThat(missing.problem()).isEqualTo(dir.resolve("no-such.sh") + ": No such file or directory");
        assertThat(denied.code()).isEqualTo(126);
        assertThat(denied.problem()).endsWith("backup.sh: Permission denied");
    }

    @Test
    void aCommandKilledByASignalEndsWith128PlusTheSignal() {
        StageCommand.Exit killed = new StageCommand(List.of("sh", "-c", "kill -KILL $$")).run(Cancellation.none());
        assertThat(killed.code()).isEqualTo(137);
    }

    @Test
    void cancellationStopsTheCommandAndItsChildren() throws Exception {
        Path after = dir.resolve("after");
        Cancellation abort = Cancellation.none();
        Thread stopper = new Thread(() -> {
            Cancellation.none().sleep(500);
            abort.cancel("test");
        });
        stopper.start();
        StageCommand.Exit exit = new StageCommand(List.of("sh", "-c", "sleep 30; touch " + after)).run(abort);
        stopper.join();
        assertThat(exit.succeeded()).isFalse();
        assertThat(after).doesNotExist();
    }
}
