package io.kanisterhooks.jenkins

import com.cloudbees.groovy.cps.NonCPS

/** What one CLI call left: its exit code, its stdout, and the lines it printed on stderr (also in the build log). */
class CliOutput implements Serializable {
    private static final long serialVersionUID = 1L

    /** The CLI's exit codes. */
    static final int OK = 0
    static final int FAILED = 1
    static final int BAD_INPUT = 2
    static final int SIGINT = 130
    static final int SIGTERM = 143

    final String command
    final int exitCode
    final String stdout
    final String stderr

    CliOutput(String command, int exitCode, String stdout, String stderr) {
        this.command = command
        this.exitCode = exitCode
        this.stdout = stdout
        this.stderr = stderr
    }

    @NonCPS
    boolean isSignalled() {
        return exitCode == SIGINT || exitCode == SIGTERM
    }

    /** The non-blank lines of stdout. */
    @NonCPS
    List<String> stdoutLines() {
        return (stdout ?: '').readLines().findAll { !it.trim().isEmpty() }
    }

    /**
     * The CLI's own explanation: for bad input everything it printed (the problems, then its summary; it printed
     * little, as nothing ran), else its "error:" lines, else the last lines it printed.
     */
    @NonCPS
    String explanation() {
        List<String> lines = (stderr ?: '').readLines().findAll { !it.trim().isEmpty() }
        List<String> errors = lines.findAll { it.startsWith('error: ') || it.startsWith('internal error: ') }
        List<String> chosen = exitCode == BAD_INPUT || errors.isEmpty() ?
                lines.subList(Math.max(0, lines.size() - (exitCode == BAD_INPUT ? 20 : 5)), lines.size()) : errors
        return chosen.join('\n')
    }

    /** A one-paragraph message for a failed call. */
    @NonCPS
    String failureMessage(String what) {
        String reason = exitCode == BAD_INPUT ? 'bad input, nothing was run' :
                (isSignalled() ? 'aborted' : "exit code ${exitCode}")
        String text = explanation()
        return "kanister-hooks ${command}: ${what} (${reason})" + (text.isEmpty() ? '' : ':\n' + text)
    }
}
