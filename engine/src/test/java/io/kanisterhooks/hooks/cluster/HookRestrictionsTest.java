package io.kanisterhooks.hooks.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.kanisterhooks.cluster.junit.KubeTestContext;
import io.kanisterhooks.cluster.junit.LocalClusterExtension;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * K10: "hook Blueprint actions cannot use template parameters and helpers such as {{ .Profile.Location.Bucket }} or
 * kando location" (README, "How hooks behave"): a hook blueprint that uses a function needing a profile, {@code .Profile} or
 * {@code kando location} is bad input, pointed at by file:line, and nothing is created in the cluster.
 */
@ExtendWith(LocalClusterExtension.class)
class HookRestrictionsTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            profile function | 7  | function BackupData needs a location profile; hook actions cannot use location profiles
            .Profile         | 14 | hook actions cannot use .Profile
            kando location   | 14 | hook actions cannot use kando location
            """)
    void isRefusedWithFileAndLineBeforeAnythingRuns(String what, int line, String message, KubeTestContext k) {
        try (HookTestbed t = new HookTestbed(k, dir)) {
            String ns = t.namespaces("app").get(0);
            Path bp = t.file("restricted.yaml", blueprint(what));
            Path stageRan = dir.resolve("stage-ran");

            CliResult r = HooksCli.inProcess(t.wrapCommand(List.of("--blueprint", bp.toString(), "--pre-hook",
                    "restricted/pre", "--on-failure", "hooks/ok", "-n", ns), "touch", stageRan.toString()));

            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.stderr()).contains(bp + ":" + line + ":").contains(message).contains("nothing was run");
            assertThat(stageRan).doesNotExist();
            assertThat(t.state()).doesNotExist();
            assertThat(t.syncedPods().created()).isEmpty();
        }
    }

    private static String blueprint(String what) {
        String header = """
                apiVersion: cr.kanister.io/v1alpha1
                kind: Blueprint
                metadata: {name: restricted}
                actions:
                  pre:
                    phases:
                """;
        return header + switch (what) {
            case "profile function" -> """
                        - func: BackupData
                          name: backup
                          args: {namespace: x, pod: p, container: c, includePath: /data, backupArtifactPrefix: x}
                    """;
            case ".Profile" -> """
                        - func: KubeTask
                          name: bucket
                          args:
                            image: busybox
                            command:
                            - sh
                            - -c
                            - echo {{ .Profile.Location.Bucket }}
                    """;
            case "kando location" -> """
                        - func: KubeTask
                          name: push
                          args:
                            image: busybox
                            command:
                            - sh
                            - -c
                            - echo data | kando location push --path /x -
                    """;
            default -> throw new IllegalArgumentException(what);
        };
    }
}
