package io.kanisterhooks.jenkins.test

import hudson.AbortException
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException
import org.junit.Before
import org.junit.Test
import org.junit.runner.RunWith
import org.junit.runners.Parameterized

import static org.assertj.core.api.Assertions.assertThat

/** The model of Declarative Pipeline ({@link DeclarativePipeline}), one rule per test. No CLI, no cluster. */
@RunWith(Parameterized)
class DeclarativePipelineTest extends PipelineTestBase {

    DeclarativePipelineTest(String mode) {
        super(mode)
    }

    @Before
    void shortGracePeriod() {
        timeoutGracePeriodMillis = 3_000
    }

    /** Runs a pipeline on agent any with {@code stages} inside stages { } and {@code post} after them. */
    private Object pipelineWith(String stages, String post = '') {
        return runPipeline(pipelineText(stages, post))
    }

    private Throwable failingPipelineWith(String stages, String post = '') {
        return failingPipeline(pipelineText(stages, post))
    }

    private static String pipelineText(String stages, String post) {
        return """
pipeline {
    agent any
    stages {
${stages}
    }
${post}
}
"""
    }

    private List<String> ran() {
        return stages.findAll { it.skipped == null && it.name != DeclarativeRun.POST_STAGE }*.name
    }

    private List<String> skipped(String reason) {
        return stages.findAll { it.skipped == reason }*.name
    }

    private static String stageWhen(String name, String condition) {
        return "        stage('${name}') { when { ${condition} }; steps { echo 'in ${name}' } }\n"
    }

    // ---- when -------------------------------------------------------------------------------------------------------

    @Test
    void whenBranchMatchesAnAntPatternOnBranchName() {
        env.BRANCH_NAME = 'release/1.2'
        pipelineWith(stageWhen('glob', "branch 'release/*'") + stageWhen('other', "branch 'main'") +
                stageWhen('case', "branch 'RELEASE/**'") + stageWhen('deep', "branch '*'") +
                stageWhen('regexp', "branch pattern: 'release/[0-9.]+', comparator: 'REGEXP'") +
                stageWhen('equals', "branch pattern: 'release/1.2', comparator: 'EQUALS'"))
        assertThat(ran()).containsExactly('glob', 'case', 'regexp', 'equals')
        assertThat(skipped('SKIPPED_FOR_CONDITIONAL')).containsExactly('other', 'deep')
        assertThat(console).contains('Stage "other" skipped due to when conditional').doesNotContain('in other')
    }

    @Test
    void whenBranchFallsBackToGitLocalBranch() {
        env.GIT_LOCAL_BRANCH = 'main'
        pipelineWith(stageWhen('main', "branch 'main'") + stageWhen('dev', "branch 'dev'"))
        assertThat(ran()).containsExactly('main')
    }

    @Test
    void whenExpression() {
        params.DEPLOY = true
        pipelineWith(stageWhen('yes', 'expression { params.DEPLOY }') +
                stageWhen('no', 'expression { !params.DEPLOY }') +
                stageWhen('truthy', "expression { 'non-empty' }"))
        assertThat(ran()).containsExactly('yes', 'truthy')
    }

    @Test
    void whenEnvironment() {
        env.TARGET = 'Prod'
        pipelineWith(stageWhen('exact', "environment name: 'TARGET', value: 'Prod'") +
                stageWhen('case', "environment name: 'TARGET', value: 'prod'") +
                stageWhen('ignoreCase', "environment name: 'TARGET', value: 'prod', ignoreCase: true") +
                stageWhen('unset', "environment name: 'NOT_SET', value: 'x'"))
        assertThat(ran()).containsExactly('exact', 'ignoreCase')
    }

    @Test
    void whenEquals() {
        pipelineWith(stageWhen('two', 'equals expected: 2, actual: currentBuild.number + 1') +
                stageWhen('one', 'equals expected: 1, actual: 2'))
        assertThat(ran()).containsExactly('two')
    }

    @Test
    void whenTagAndBuildingTag() {
        env.TAG_NAME = 'v1.0'
        pipelineWith(stageWhen('v', "tag 'v*'") + stageWhen('rc', "tag 'rc-*'") + stageWhen('any', 'buildingTag()'))
        assertThat(ran()).containsExactly('v', 'any')
    }

    @Test
    void whenTagWithoutATagBuild() {
        pipelineWith(stageWhen('v', "tag 'v*'") + stageWhen('any', 'buildingTag()'))
        assertThat(ran()).isEmpty()
    }

    @Test
    void whenChangeRequest() {
        env.CHANGE_ID = '42'
        env.CHANGE_TARGET = 'main'
        pipelineWith(stageWhen('any', 'changeRequest()') + stageWhen('main', "changeRequest target: 'main'") +
                stageWhen('dev', "changeRequest target: 'dev'") +
                stageWhen('glob', "changeRequest target: 'ma*', comparator: 'GLOB'"))
        assertThat(ran()).containsExactly('any', 'main', 'glob')
    }

    @Test
    void whenChangeRequestOnABranchBuild() {
        pipelineWith(stageWhen('any', 'changeRequest()'))
        assertThat(ran()).isEmpty()
    }

    @Test
    void whenNotAllOfAnyOf() {
        env.BRANCH_NAME = 'main'
        pipelineWith(stageWhen('not', "not { branch 'dev' }") +
                stageWhen('allOf', "allOf { branch 'main'; environment name: 'BRANCH_NAME', value: 'main' }") +
                stageWhen('allOfNot', "allOf { branch 'main'; branch 'dev' }") +
                stageWhen('anyOf', "anyOf { branch 'dev'; branch 'main' }") +
                stageWhen('several', "branch 'main'; expression { false }"))
        assertThat(ran()).containsExactly('not', 'allOf', 'anyOf')
    }

    @Test
    void aStageSkippedByWhenRunsNoPostAndTheNextStagesRun() {
        pipelineWith('''
        stage('skipped') {
            when { expression { false } }
            steps { echo 'in skipped' }
            post { always { echo 'post of skipped' } }
        }
        stage('next') { steps { echo 'in next' } }
''')
        assertThat(console).contains('in next').doesNotContain('in skipped').doesNotContain('post of skipped')
        assertThat(stageNamed('skipped').post).isEmpty()
        assertThat(buildResult).isEqualTo('SUCCESS')
    }

    @Test
    void whenIsEvaluatedOnTheStagesAgentUnlessBeforeAgent() {
        addAgent('agent-2', ['k8s'])
        pipelineWith('''
        stage('after') {
            agent { label 'k8s' }
            when { expression { env.NODE_NAME == 'agent-2' } }
            steps { echo 'in after' }
        }
        stage('before') {
            agent { label 'k8s' }
            when { beforeAgent true; expression { env.NODE_NAME == 'agent-2' } }
            steps { echo 'in before' }
        }
''')
        assertThat(ran()).containsExactly('after')
        assertThat(stageNamed('before').agent).isNull()
        assertThat(stageNamed('before').skipped).isEqualTo('SKIPPED_FOR_CONDITIONAL')
    }

    // ---- environment ------------------------------------------------------------------------------------------------

    @Test
    void environmentOfThePipelineAndOfAStage() {
        runPipeline('''
pipeline {
    agent any
    environment {
        TARGET = 'staging'
        REGION = 'eu'
        SITE = "https://${TARGET}.${REGION}.example"
    }
    stages {
        stage('one') {
            environment { TARGET = 'prod' }
            steps { sh 'echo "one: $TARGET $REGION" > one'; echo "site ${env.SITE}" }
        }
        stage('two') { steps { sh 'echo "two: $TARGET" > two' } }
    }
}
''')
        assertThat(new File(workspace, 'one').text.trim()).isEqualTo('one: prod eu')
        assertThat(new File(workspace, 'two').text.trim()).isEqualTo('two: staging')
        assertThat(console).contains('site https://staging.eu.example')
        assertThat(env).doesNotContainKey('TARGET')
    }

    @Test
    void environmentCredentialsAreBoundForTheStage() {
        addCredentialsOfEachKind()
        pipelineWith('''
        stage('deploy') {
            environment {
                KUBECONFIG = credentials('kc')
                TOKEN = credentials('token')
                REPO = credentials('repo')
            }
            steps {
                sh 'cat "$KUBECONFIG" > kc; echo "$KUBECONFIG" > kc-path; echo "$TOKEN $REPO $REPO_USR $REPO_PSW" > s'
            }
        }
        stage('after') { steps { sh 'echo "${TOKEN:-unset}" > after' } }
''')
        assertThat(new File(workspace, 'kc').text).isEqualTo('apiVersion: v1')
        assertThat(new File(new File(workspace, 'kc-path').text.trim())).doesNotExist()
        assertThat(new File(workspace, 's').text.trim()).isEqualTo('s3cr3t deployer:pw deployer pw')
        assertThat(new File(workspace, 'after').text.trim()).isEqualTo('unset')
    }

    // ---- post -------------------------------------------------------------------------------------------------------

    private static final String ALL_CONDITIONS = '''
    post {
        cleanup { echo 'cleanup' }
        notBuilt { echo 'notBuilt' }
        failure { echo 'failure' }
        unstable { echo 'unstable' }
        unsuccessful { echo 'unsuccessful' }
        success { echo 'success' }
        aborted { echo 'aborted' }
        regression { echo 'regression' }
        fixed { echo 'fixed' }
        changed { echo 'changed' }
        always { echo 'always' }
    }
'''

    @Test
    void postConditionsRunInJenkinsOrderAfterAFailureThatIsARegression() {
        previousBuildResult = 'SUCCESS'
        Throwable t = failingPipeline("""
pipeline {
    agent any
    stages { stage('s') { steps { error 'broken' } } }
${ALL_CONDITIONS}
}
""")
        assertThat(t).isInstanceOf(AbortException).hasMessage('broken')
        assertThat(declarative.ranConditions).containsExactly('always', 'changed', 'regression', 'unsuccessful',
                'failure', 'cleanup')
        assertThat(buildResult).isEqualTo('FAILURE')
    }

    @Test
    void postFixedAfterAFailedPreviousBuild() {
        previousBuildResult = 'FAILURE'
        pipelineWith("        stage('s') { steps { echo 'fine' } }", ALL_CONDITIONS)
        assertThat(declarative.ranConditions).containsExactly('always', 'changed', 'fixed', 'success', 'cleanup')
    }

    @Test
    void postWithoutAPreviousBuildIsChangedButNeitherFixedNorRegression() {
        pipelineWith("        stage('s') { steps { echo 'fine' } }", ALL_CONDITIONS)
        assertThat(declarative.ranConditions).containsExactly('always', 'changed', 'success', 'cleanup')
    }

    @Test
    void postUnchangedSuccess() {
        previousBuildResult = 'SUCCESS'
        pipelineWith("        stage('s') { steps { echo 'fine' } }", ALL_CONDITIONS)
        assertThat(declarative.ranConditions).containsExactly('always', 'success', 'cleanup')
    }

    @Test
    void postOfAnUnstableBuild() {
        previousBuildResult = 'UNSTABLE'
        pipelineWith("        stage('s') { steps { unstable 'flaky' } }", ALL_CONDITIONS)
        assertThat(declarative.ranConditions).containsExactly('always', 'unsuccessful', 'unstable', 'cleanup')
        assertThat(buildResult).isEqualTo('UNSTABLE')
    }

    @Test
    void postOfAnAbortedBuild() {
        abortWhen('carol') { new File(workspace, 'started').exists() }
        Throwable t = failingPipeline("""
pipeline {
    agent any
    stages { stage('s') { steps { sh 'touch started; sleep 60' } } }
${ALL_CONDITIONS}
}
""")
        assertThat(t).isInstanceOf(FlowInterruptedException)
        assertThat(declarative.ranConditions).containsExactly('always', 'changed', 'aborted', 'unsuccessful',
                'cleanup')
        assertThat(buildResult).isEqualTo('ABORTED')
    }

    @Test
    void aStagesFailureSetsTheBuildResultBeforeItsPostRuns() {
        failingPipeline('''
pipeline {
    agent any
    stages {
        stage('s') {
            steps { error 'broken' }
            post {
                failure { echo "stage post sees ${currentBuild.result}" }
                success { echo 'stage success' }
            }
        }
        stage('later') { steps { echo 'in later' } }
    }
    post { always { echo "pipeline post sees ${currentBuild.result}" } }
}
''')
        assertThat(console).contains('stage post sees FAILURE', 'pipeline post sees FAILURE')
                .doesNotContain('stage success').doesNotContain('in later')
        assertThat(stageNamed('s').post).containsExactly('failure')
        assertThat(skipped('SKIPPED_FOR_FAILURE')).containsExactly('later')
        assertThat(stageNamed('s').result).isEqualTo('FAILURE')
    }

    @Test
    void aStagesPostGetsTheBuildsOwnResultBackAfterwards() {
        pipelineWith('''
        stage('s') {
            steps { catchError(buildResult: 'SUCCESS', stageResult: 'FAILURE') { error 'soft' } }
            post { failure { echo "during post: ${currentBuild.currentResult}" } }
        }
        stage('t') { steps { echo "after post: ${currentBuild.currentResult}" } }
''', "    post { success { echo 'pipeline success' } }")
        assertThat(console).contains('during post: FAILURE', 'after post: SUCCESS', 'pipeline success')
        assertThat(buildResult).isEqualTo('SUCCESS')
    }

    @Test
    void aStagesPostSeesTheBuildsResultToo() {
        pipelineWith('''
        stage('flaky') { steps { unstable 'flaky' } }
        stage('fine') {
            steps { echo 'fine' }
            post { success { echo 'fine success' }; unstable { echo 'fine unstable' } }
        }
''')
        assertThat(console).contains('fine unstable').doesNotContain('fine success')
    }

    @Test
    void anErrorInAPostConditionCountsForTheConditionsAfterIt() {
        Throwable t = failingPipeline('''
pipeline {
    agent any
    stages { stage('s') { steps { echo 'fine' } } }
    post {
        always { error 'always broke' }
        success { echo 'success ran' }
        failure { echo 'failure ran' }
        cleanup { echo 'cleanup ran' }
    }
}
''')
        assertThat(t).isInstanceOf(AbortException).hasMessage('always broke')
        assertThat(console).contains('Error when executing always post condition:', 'failure ran', 'cleanup ran')
                .doesNotContain('success ran')
        assertThat(buildResult).isEqualTo('FAILURE')
    }

    @Test
    void skipStagesAfterUnstable() {
        runPipeline('''
pipeline {
    agent any
    options { skipStagesAfterUnstable() }
    stages {
        stage('tests') { steps { unstable 'flaky' } }
        stage('deploy') { steps { echo 'deploying' } }
    }
}
''')
        assertThat(skipped('SKIPPED_FOR_UNSTABLE')).containsExactly('deploy')
        assertThat(console).contains('Stage "deploy" skipped due to earlier stage(s) marking the build as unstable')
    }

    @Test
    void stageResultsFromUnstableCatchErrorAndWarnError() {
        runPipeline('''
pipeline {
    agent any
    stages {
        stage('unstable') { steps { unstable 'u' } }
        stage('caught') { steps { catchError(buildResult: 'SUCCESS', stageResult: 'FAILURE') { error 'c' } } }
        stage('warned') { steps { warnError('w') { error 'w' } } }
        stage('still runs') { steps { echo 'ran' } }
    }
}
''')
        assertThat(stages.findAll { it.name != DeclarativeRun.POST_STAGE }.collect { it.name + '=' + it.result })
                .containsExactly('unstable=UNSTABLE', 'caught=FAILURE', 'warned=UNSTABLE', 'still runs=SUCCESS')
        assertThat(buildResult).isEqualTo('UNSTABLE')
    }

    // ---- options ----------------------------------------------------------------------------------------------------

    @Test
    void aPipelineTimeoutCoversTheStagesAndThePost() {
        Throwable t = failingPipeline('''
pipeline {
    agent any
    options { timeout(time: 1, unit: 'SECONDS') }
    stages { stage('slow') { steps { sh 'sleep 60' } } }
    post {
        aborted { echo 'post aborted' }
        cleanup { sh 'sleep 60; echo cleanup finished' }
    }
}
''')
        assertThat(t).isInstanceOf(FlowInterruptedException)
        assertThat(console).contains('post aborted', 'terminating with extreme prejudice')
                .doesNotContain('cleanup finished')
        assertThat(console.count('Timeout set to expire')).isEqualTo(1)
    }

    @Test
    void aStageRetryRunsTheStepsAndThePostAgain() {
        pipelineWith("""
        stage('flaky') {
            options { retry(3) }
            steps { sh '${countAttempt()}; [ "\$n" -ge 2 ]' }
            post { always { echo 'stage post' } }
        }
""")
        assertThat(new File(workspace, 'attempts').text.trim()).isEqualTo('3')
        assertThat(console.count('stage post')).isEqualTo(3)
        assertThat(buildResult).isEqualTo('SUCCESS')
    }

    @Test
    void aPipelineRetryRunsStagesAndPostAgain() {
        runPipeline("""
pipeline {
    agent any
    options { retry(2) }
    stages { stage('s') { steps { sh '${countAttempt()}; [ "\$n" -ge 1 ]' } } }
    post { always { echo 'pipeline post' } }
}
""")
        assertThat(new File(workspace, 'attempts').text.trim()).isEqualTo('2')
        assertThat(console.count('pipeline post')).isEqualTo(2)
    }

    @Test
    void theFirstOptionWrapsTheOthers() {
        pipelineWith("""
        stage('timeout outside') {
            options { timeout(time: 30, unit: 'SECONDS'); retry(2) }
            steps { sh '${countAttempt('a')}; [ "\$n" -ge 1 ]' }
        }
""")
        assertThat(console.count('Timeout set to expire')).isEqualTo(1)
        stages.clear()
        pipelineWith("""
        stage('retry outside') {
            options { retry(2); timeout(time: 30, unit: 'SECONDS') }
            steps { sh '${countAttempt('b')}; [ "\$n" -ge 1 ]' }
        }
""")
        assertThat(console.count('Timeout set to expire')).isEqualTo(3)
    }

    // ---- parallel and agents ----------------------------------------------------------------------------------------

    @Test
    void parallelStagesRunEachAsAStageAndTheParentsPostAfterThem() {
        pipelineWith('''
        stage('tests') {
            parallel {
                stage('unit') { steps { echo 'unit' } }
                stage('lint') { steps { unstable 'lint warnings' } }
            }
            post { always { echo 'parent post' } }
        }
''')
        assertThat(console).containsSubsequence('unit', 'lint warnings', 'parent post')
        assertThat(stageNamed('unit').parent).isEqualTo('tests')
        assertThat(stageNamed('lint').result).isEqualTo('UNSTABLE')
        assertThat(parallelStep.branchResults).isEqualTo([unit: 'SUCCESS', lint: 'SUCCESS'])
        assertThat(buildResult).isEqualTo('UNSTABLE')
    }

    @Test
    void parallelStagesWithFailFast() {
        failingPipeline('''
pipeline {
    agent any
    stages {
        stage('tests') {
            failFast true
            parallel {
                stage('a') { steps { error 'a failed' } }
                stage('b') { steps { echo 'b ran' } }
            }
        }
    }
}
''')
        assertThat(console).doesNotContain('b ran').contains('Failed in branch a')
        assertThat(stageNamed('a').result).isEqualTo('FAILURE')
        assertThat(stageNamed('b').result).isEqualTo('ABORTED')
        assertThat(stageNamed('tests').result).isEqualTo('FAILURE')
    }

    @Test
    void parallelsAlwaysFailFast() {
        failingPipeline('''
pipeline {
    agent any
    options { parallelsAlwaysFailFast() }
    stages {
        stage('tests') {
            parallel {
                stage('a') { steps { error 'a failed' } }
                stage('b') { steps { echo 'b ran' } }
            }
        }
    }
}
''')
        assertThat(stageNamed('b').result).isEqualTo('ABORTED')
        assertThat(console).doesNotContain('b ran')
    }

    @Test
    void parallelStagesWithoutFailFastAllRun() {
        failingPipeline('''
pipeline {
    agent any
    stages {
        stage('tests') {
            parallel {
                stage('a') { steps { error 'a failed' } }
                stage('b') { steps { echo 'b ran' } }
            }
        }
    }
}
''')
        assertThat(console).contains('b ran')
        assertThat(stageNamed('b').result).isEqualTo('SUCCESS')
    }

    @Test
    void agentNoneWithAnAgentPerStage() {
        Agents.Agent k8s = addAgent('agent-2', ['k8s'])
        Throwable t = failingPipeline('''
pipeline {
    agent none
    stages {
        stage('build') {
            agent { label 'k8s' }
            steps { sh 'echo built > out' }
        }
        stage('nowhere') { steps { sh 'true' } }
    }
}
''')
        assertThat(new File(k8s.workspace, 'out').text.trim()).isEqualTo('built')
        assertThat(stageNamed('build').agent).isEqualTo('agent-2')
        assertThat(t).isInstanceOf(AbortException).hasMessageContaining('‘agent none’ was specified')
        assertThat(stageNamed('nowhere').agent).isNull()
    }

    @Test
    void agentAnyRunsEverythingOnTheFirstAgent() {
        pipelineWith("        stage('s') { steps { sh 'echo \"on \$NODE_NAME\" > where' } }")
        assertThat(new File(workspace, 'where').text.trim()).isEqualTo('on agent-1')
        assertThat(stageNamed('s').agent).isNull() // the pipeline's agent, allocated before any stage
    }

    @Test
    void nestedSequentialStages() {
        Throwable t = failingPipelineWith('''
        stage('outer') {
            stages {
                stage('first') { steps { echo 'first ran' } }
                stage('second') { steps { error 'second failed' } }
                stage('third') { steps { echo 'third ran' } }
            }
            post { failure { echo 'outer post' } }
        }
        stage('next') { steps { echo 'next ran' } }
''')
        assertThat(t).hasMessage('second failed')
        assertThat(console).containsSubsequence('first ran', 'outer post').doesNotContain('third ran')
                .doesNotContain('next ran')
        assertThat(skipped('SKIPPED_FOR_FAILURE')).containsExactly('third', 'next')
        assertThat(stageNamed('third').parent).isEqualTo('outer')
        assertThat(stageNamed('outer').post).containsExactly('failure')
    }
}
