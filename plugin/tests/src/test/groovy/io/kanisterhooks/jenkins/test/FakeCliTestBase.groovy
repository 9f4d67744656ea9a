package io.kanisterhooks.jenkins.test

import org.junit.Before

/** Tests of what the library passes to the CLI: a recording stand-in CLI, no cluster. */
abstract class FakeCliTestBase extends PipelineTestBase {
    static final File FAKE_CLI = new File(ROOT, 'plugin/tests/src/test/resources/fake-cli/kanister-hooks')
    File calls

    FakeCliTestBase(String mode) {
        super(mode)
    }

    @Before
    void useFakeCli() {
        calls = temporary.newFolder('calls')
        agentEnv.KANISTER_HOOKS_CLI = FAKE_CLI.path
        agentEnv.FAKE_CLI_DIR = calls.path
    }

    /** The arguments of the CLI's n-th call (0-based), exactly as it received them. */
    List<String> cliCall(int n) {
        File f = new File(calls, "call-${n}")
        assert f.exists(): "no CLI call ${n}; console:\n${console}"
        String text = f.getText('UTF-8')
        return text.isEmpty() ? [] : text.substring(0, text.length() - 1).split('\u0000', -1).toList()
    }

    int callCount() {
        return calls.list().count { it ==~ /call-[0-9]+/ } as int
    }

    String callEnv(int n) {
        return new File(calls, "call-${n}.env").text
    }
}
