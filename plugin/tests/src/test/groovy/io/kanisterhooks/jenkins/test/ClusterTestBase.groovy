package io.kanisterhooks.jenkins.test

import org.junit.After
import org.junit.Before

import java.nio.file.Files

/**
 * End-to-end tests: the real CLI (bin/kanister-hooks) against the local cluster. Each test gets a namespace of its
 * own (where its hook pods run too), the kubeconfig as the file credential 'kubeconfig', and the test blueprints in
 * its workspace under blueprints/.
 */
abstract class ClusterTestBase extends PipelineTestBase {
    String ns
    final List<String> namespaces = []

    ClusterTestBase(String mode) {
        super(mode)
    }

    @Before
    void prepareCluster() {
        TestCluster.ensureK10()
        ns = namespace('')
        credentials['kubeconfig'] = TestCluster.kubeconfig()
        File blueprints = new File(workspace, 'blueprints')
        blueprints.mkdirs()
        Files.copy(new File(ROOT, 'plugin/tests/src/test/resources/blueprints/test-hooks.yaml').toPath(),
                new File(blueprints, 'test-hooks.yaml').toPath())
        params.NS = ns
    }

    @After
    void deleteNamespaces() {
        namespaces.each { TestCluster.deleteNamespace(it) }
    }

    String namespace(String suffix, Map<String, String> labels = [:]) {
        String name = TestCluster.newNamespace("${testName.methodName.replaceAll('\\[.*', '')}-${mode}${suffix}", labels)
        namespaces << name
        return name
    }

    /** The hook pod log line as the CLI prints it: [namespace/slot/phase] line. */
    static String podLog(String namespace, String slot, String phase, String line) {
        return "[${namespace}/${slot}/${phase}] ${line}"
    }

    /** The common parameters: test blueprints, this test's namespace for hooks and their pods, the kubeconfig. */
    static final String COMMON = "blueprint: 'blueprints/test-hooks.yaml', namespaces: [params.NS], " +
            "homeNamespace: params.NS, kubeconfigCredentialsId: 'kubeconfig', reportDir: 'reports'"
}
