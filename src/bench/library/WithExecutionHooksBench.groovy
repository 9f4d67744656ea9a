package io.kanisterhooks.bench.library

import groovy.json.JsonSlurper
import io.kanisterhooks.jenkins.test.ClusterTestBase
import org.junit.Test
import org.junit.runner.RunWith
import org.junit.runners.Parameterized

import java.nio.file.Files
import java.nio.file.Path

/**
 * What one withExecutionHooks costs end to end on the local cluster, as the library runs it: the Jenkins library's
 * test stand-in (JenkinsPipelineUnit, the real CLI through the library's own sh steps, the local cluster of
 * $KANISTER_HOOKS_CLUSTER_DIR) runs, alternating in each round, (a) a build whose stage is the body alone,
 * {@code sh 'true'}, and (b) the same body in one withExecutionHooks with a preHook, an onSuccess and an always hook,
 * each one KubeTask phase running {@code true} in the build's namespace. Each build's wall time is taken here; its CPU
 * time is that of the processes it started (the CLI JVMs, the shells), read from this JVM's {@code cutime + cstime}
 * in /proc/self/stat, which grow by a child's times once it is reaped. The hooks' own time is the sum of their phases'
 * durations in the run's JSON report (from before each pod is created until it has been deleted). Every build is
 * printed, then the medians, the overhead (b - a) and its ratio to the hooks' own time.
 * Run by bin/library-bench (src/bench/README.md); system properties: rounds (default 7), mode (plain, the default,
 * or cps).
 */
@RunWith(Parameterized)
class WithExecutionHooksBench extends ClusterTestBase {
    static final int ROUNDS = Integer.getInteger('rounds', 7)
    static final double TICKS_PER_SECOND = 100.0 // USER_HZ, fixed at 100 on Linux
    static final String BLUEPRINT = '''apiVersion: cr.kanister.io/v1alpha1
kind: Blueprint
metadata:
  name: bench
actions:
''' + ['pre', 'success', 'always'].collect { String action ->
        """  ${action}:
    phases:
    - func: KubeTask
      name: ${action}
      args:
        image: busybox
        command: ['true']
"""
    }.join('')
    // both load the library, as a Jenkinsfile that uses it does
    static final String BODY_ALONE = '''@Library('kanister-hooks') _
node {
    stage('Backup') {
        sh 'true'
    }
}
'''
    static final String WITH_HOOKS = '''@Library('kanister-hooks') _
node {
    stage('Backup') {
        withExecutionHooks(blueprint: 'bench.yaml', preHook: 'bench/pre', onSuccess: 'bench/success',
                always: 'bench/always', namespaces: [params.NS], homeNamespace: params.NS,
                kubeconfigCredentialsId: 'kubeconfig', reportDir: "reports/${params.ROUND}") {
            sh 'true'
        }
    }
}
'''

    @Parameterized.Parameters(name = '{0}')
    static Collection<Object[]> modes() {
        return [[System.getProperty('mode', 'plain')] as Object[]]
    }

    WithExecutionHooksBench(String mode) {
        super(mode)
    }

    @Test
    void bodyAloneAgainstOneWithExecutionHooks() {
        new File(workspace, 'bench.yaml').text = BLUEPRINT
        List<Map<String, Double>> rounds = []
        printf('%s mode, %d rounds, %d processors, load average %s%n', mode, ROUNDS,
                Runtime.runtime.availableProcessors(), loadAverage())
        printf('%-6s %-24s %8s %8s %10s%n', 'round', 'build', 'wall s', 'CPU s', 'hooks s')
        (0..ROUNDS).each { int round ->
            params.ROUND = round.toString()
            Map<String, Double> alone = measure { runPipeline(BODY_ALONE) }
            Map<String, Double> hooked = measure { runPipeline(WITH_HOOKS) }
            assert buildResult == 'SUCCESS': console
            hooked.hooks = hookSeconds(new File(workspace, "reports/${round}"))
            String label = round == 0 ? 'warm-up' : round.toString()
            printf('%-6s %-24s %8.2f %8.2f %10s%n', label, 'body alone', alone.wall, alone.cpu, '')
            printf('%-6s %-24s %8.2f %8.2f %10.2f%n', label, 'withExecutionHooks', hooked.wall, hooked.cpu,
                    hooked.hooks)
            if (round > 0) {
                rounds << [aloneWall: alone.wall, aloneCpu: alone.cpu, wall: hooked.wall, cpu: hooked.cpu,
                           hooks: hooked.hooks, overhead: hooked.wall - alone.wall - hooked.hooks]
            }
        }
        printf('medians of %d rounds (warm-up left out): body alone %.2f s wall, %.2f s CPU; withExecutionHooks ' +
                '%.2f s wall, %.2f s CPU; hooks\' own time %.2f s%n', rounds.size(), median(rounds, 'aloneWall'),
                median(rounds, 'aloneCpu'), median(rounds, 'wall'), median(rounds, 'cpu'), median(rounds, 'hooks'))
        double added = median(rounds, 'wall') - median(rounds, 'aloneWall')
        printf('withExecutionHooks adds %.2f s wall (%.2f s CPU), %.2f times the hooks\' own time; beyond the hook ' +
                'pods: %.2f s (median per round)%n', added, median(rounds, 'cpu') - median(rounds, 'aloneCpu'),
                added / median(rounds, 'hooks'), median(rounds, 'overhead'))
        printf('load average after: %s%n', loadAverage())
    }

    /** The wall time and the CPU time of the processes started by {@code build}, in seconds. */
    private static Map<String, Double> measure(Closure build) {
        long ticks = childTicks()
        long start = System.nanoTime()
        build.call()
        return [wall: (System.nanoTime() - start) / 1e9d, cpu: (childTicks() - ticks) / TICKS_PER_SECOND]
    }

    /** cutime + cstime of this JVM: the CPU time of its reaped children (fields 16 and 17 of /proc/self/stat). */
    private static long childTicks() {
        String stat = Files.readString(Path.of('/proc/self/stat'))
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(' ')
        return Long.parseLong(fields[13]) + Long.parseLong(fields[14])
    }

    /** The sum of the phase durations of every hook in the run's JSON report, in seconds. */
    private static double hookSeconds(File reportDir) {
        Map report = new JsonSlurper().parse(new File(reportDir, 'kanister-hooks-result.json')) as Map
        double millis = 0
        (report.namespaces as Map).values().each { Map slots ->
            ['preHook', 'onSuccess', 'always'].each { String slot ->
                Map hook = slots[slot] as Map
                assert hook != null: "no ${slot} in ${reportDir}"
                (hook.attemptDetails as List<Map>).each { Map attempt ->
                    (attempt.phases as List<Map>).each { Map phase -> millis += phase.durationMs as double }
                }
            }
        }
        return millis / 1000
    }

    private static double median(List<Map<String, Double>> rounds, String key) {
        List<Double> sorted = rounds.collect { it[key] }.sort()
        int n = sorted.size()
        return n % 2 == 1 ? sorted[n.intdiv(2)] : (sorted[n.intdiv(2) - 1] + sorted[n.intdiv(2)]) / 2
    }

    private static String loadAverage() {
        return new File('/proc/loadavg').text.split(' ')[0..2].join(' ')
    }
}
