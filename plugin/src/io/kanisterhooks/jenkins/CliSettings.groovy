package io.kanisterhooks.jenkins

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
        cli = c == null ? null : KubeNames.path('cli', c)
        String repo = args.string('mavenRepository')
        mavenRepository = repo == null ? null : KubeNames.repositoryUrl('mavenRepository', repo)
        String cache = args.string('toolCache')
        toolCache = cache == null ? null : KubeNames.path('toolCache', cache)
        kubeconfigCredentialsId = args.string('kubeconfigCredentialsId')
        String context = args.string('kubeContext')
        kubeContext = context == null ? null : KubeNames.path('kubeContext', context)
    }
}
