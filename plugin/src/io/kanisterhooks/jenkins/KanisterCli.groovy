package io.kanisterhooks.jenkins

import com.cloudbees.groovy.cps.NonCPS

/**
 * The kanister-hooks CLI on the agent, driven through {@code sh} (a durable step: a hook that runs for an hour
 * survives a controller restart). No value is ever put into a shell command line: the {@code sh} script is a fixed
 * single-quoted string that runs the library's runner script, and the CLI's arguments travel in environment variables
 * ({@code KH_ARG_0..n}) that the runner turns into an argument array. The kubeconfig credential is bound only around
 * the CLI calls, never around the user's own steps. The CLI gets the build's {@code BUILD_TAG}, which it records with
 * each run (so that {@code runs recover --build-tag} finds the build's runs).
 */
class KanisterCli implements Serializable {
    private static final long serialVersionUID = 1L

    static final String RUNNER_RESOURCE = 'io/kanisterhooks/jenkins/kanister-hooks-runner.sh'
    static final String VERSION_RESOURCE = 'io/kanisterhooks/jenkins/version.properties'
    /** Per-step files (runner, CLI output, reports) and the default tool cache, relative to the working directory. */
    static final String WORK_ROOT = '.kanister-hooks'
    /** The runner exits with these when it cannot provide a CLI (see the runner script). */
    static final int NOT_FOUND = 127
    static final int DOES_NOT_RUN = 126
    static final int DOWNLOAD_FAILED = 3

    private final Object script
    private final CliSettings settings
    /** This step call's own directory: a retried or parallel step never shares files with another one. */
    final String workDir
    private String cliPath
    private String cliVersion
    private String buildTag

    KanisterCli(Object script, CliSettings settings) {
        this.script = script
        this.settings = settings
        this.workDir = WORK_ROOT + '/' + UUID.randomUUID().toString()
    }

    /** Writes the runner script, finds the CLI (or downloads it), and warns when its version is not the library's. */
    void prepare() {
        if (!script.isUnix()) {
            script.error('kanister-hooks steps need a Unix agent with bash')
        }
        buildTag = script.env.BUILD_TAG as String
        String libraryVersion = parseVersion(script.libraryResource(VERSION_RESOURCE) as String)
        script.writeFile(file: path('runner.sh'), text: script.libraryResource(RUNNER_RESOURCE) as String)
        List<String> env = runnerEnvironment('locate')
        env.add('KH_VERSION=' + libraryVersion)
        env.add('KH_TOOL_CACHE=' + (settings.toolCache ?: WORK_ROOT + '/tools'))
        if (settings.cli != null) {
            env.add('KANISTER_HOOKS_CLI=' + settings.cli)
        }
        if (settings.mavenRepository != null) {
            env.add('KANISTER_HOOKS_MAVEN_REPOSITORY=' + settings.mavenRepository)
        }
        int status = runRunner(env, 'kanister-hooks: find the CLI')
        if (status != 0) {
            String reason = readIfExists(path('cli.err')).trim()
            script.error(status == NOT_FOUND || status == DOES_NOT_RUN || status == DOWNLOAD_FAILED ? reason :
                    "kanister-hooks: cannot find the CLI (exit code ${status})" + (reason ? ': ' + reason : ''))
        }
        Map<String, String> found = parseProperties(script.readFile(path('cli.out')) as String)
        cliPath = found.cli
        cliVersion = found.version
        if (cliVersion != libraryVersion) {
            script.echo("WARNING: kanister-hooks CLI ${cliPath} (found via ${found.source}) is version ${cliVersion}, " +
                    "but this library is made for ${libraryVersion}; install kanister-hooks ${libraryVersion}, or use " +
                    "the library version that matches the CLI")
        } else {
            script.echo("kanister-hooks ${cliVersion}: ${cliPath} (found via ${found.source})")
        }
    }

    /** The options that choose the cluster context, for commands that talk to the cluster. */
    @NonCPS
    List<String> clusterArguments() {
        return settings.kubeContext == null ? [] : ['--context=' + settings.kubeContext]
    }

    /**
     * Runs the CLI with {@code arguments}; {@code command} names it in the log and in messages. The kubeconfig
     * credential, when one is configured, is bound for this call only.
     */
    CliOutput run(String command, List<String> arguments) {
        if (!script.fileExists(path('runner.sh'))) {
            script.echo('kanister-hooks: the files of this step are gone from the workspace (a new agent?); ' +
                    'finding the CLI again')
            prepare()
        }
        List<String> env = runnerEnvironment('run')
        env.add('KANISTER_HOOKS_CLI=' + cliPath)
        if (buildTag) {
            env.add('BUILD_TAG=' + buildTag)
        }
        env.add('KH_ARGC=' + arguments.size())
        for (int i = 0; i < arguments.size(); i++) {
            env.add('KH_ARG_' + i + '=' + arguments[i])
        }
        int status
        if (settings.kubeconfigCredentialsId != null) {
            status = script.withCredentials([script.file(credentialsId: settings.kubeconfigCredentialsId,
                    variable: 'KUBECONFIG')]) {
                runRunner(env, 'kanister-hooks ' + command)
            } as int
        } else {
            status = runRunner(env, 'kanister-hooks ' + command)
        }
        return new CliOutput(command, status, readIfExists(path('cli.out')), readIfExists(path('cli.err')))
    }

    int runRunner(List<String> env, String label) {
        return script.withEnv(env) {
            script.sh(script: 'bash "$KH_RUNNER"', returnStatus: true, label: label)
        } as int
    }

    String readIfExists(String file) {
        return script.fileExists(file) ? script.readFile(file) as String : ''
    }

    @NonCPS
    private List<String> runnerEnvironment(String mode) {
        return ['KH_MODE=' + mode, 'KH_RUNNER=' + path('runner.sh'), 'KH_STDOUT=' + path('cli.out'),
                'KH_STDERR=' + path('cli.err')]
    }

    @NonCPS
    private String path(String name) {
        return workDir + '/' + name
    }

    @NonCPS
    static String parseVersion(String properties) {
        String v = parseProperties(properties).version
        if (!v) {
            throw new IllegalStateException("the library's ${VERSION_RESOURCE} has no version")
        }
        return v
    }

    /** {@code key=value} lines; # comments and blank lines skipped. */
    @NonCPS
    static Map<String, String> parseProperties(String text) {
        Map<String, String> result = [:]
        text.readLines().each { String line ->
            int eq = line.indexOf('=')
            if (!line.trim().startsWith('#') && eq > 0) {
                result.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim())
            }
        }
        return result
    }
}
