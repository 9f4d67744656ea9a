package io.kanisterhooks.jenkins

import com.cloudbees.groovy.cps.NonCPS

/**
 * How a step reaches the CLI and the cluster: where the CLI is (or where to download it from), and the kubeconfig
 * (a Jenkins file credential, bound only around CLI calls) and context to use.
 */
class CliSettings implements Serializable {
    private static final long serialVersionUID = 1L

    static final List<String> PARAMETERS = ['cli', 'mavenRepository', 'toolCache', 'kubeconfigCredentialsId', 'kubeContext']
    /** The parameters of steps that do not talk to the cluster. */
    static final List<String> LOCAL_PARAMETERS = ['cli', 'mavenRepository', 'toolCache']

    final String cli
    final String mavenRepository
    final String toolCache
    final String kubeconfigCredentialsId
    final String kubeContext

    CliSettings(StepArguments args) {
        String c = args.string('cli')
        cli = c == null ? null : WorkspacePaths.path('cli', c)
        String repo = args.string('mavenRepository')
        mavenRepository = repo == null ? null : repositoryUrl('mavenRepository', repo)
        String cache = args.string('toolCache')
        toolCache = cache == null ? null : WorkspacePaths.path('toolCache', cache)
        kubeconfigCredentialsId = args.string('kubeconfigCredentialsId')
        String context = args.string('kubeContext')
        kubeContext = context == null ? null : KubeNames.contextName('kubeContext', context)
    }

    /** The repository the CLI jar is downloaded from. */
    @NonCPS
    static String repositoryUrl(String param, String value) {
        if (!(value ==~ /(https?:\/\/|file:\/)[^\s]+/)) {
            throw new IllegalArgumentException("${param}: expected an http(s):// or file:// URL of a Maven repository")
        }
        return value
    }
}
