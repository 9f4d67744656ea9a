package io.kanisterhooks.jenkins.test

import hudson.AbortException
import io.kanisterhooks.cluster.junit.ClusterNamespace
import io.kanisterhooks.cluster.junit.CommandResult
import io.kanisterhooks.cluster.junit.SampleApps
import org.junit.Before
import org.junit.Test
import org.junit.runner.RunWith
import org.junit.runners.Parameterized

import java.time.Duration

import static org.assertj.core.api.Assertions.assertThat

/**
 * The MariaDB backup examples of jenkinsfile-examples/ (scripted and Declarative) on a real MariaDB server: the
 * cluster module's MariaDB app in the test's namespace, a table written before the build, then the Jenkinsfile as a
 * user runs it. While the body runs, right after its dump, the application writes (as its own user, without SUPER):
 * the quiesced server refuses it. The dump holds the rows written before the preHook, and after the build the
 * application writes again, whether the backup succeeded (onSuccess released the database) or failed (onFailure did).
 */
@RunWith(Parameterized)
class MariaDbExamplesTest extends ClusterTestBase {
    static final SampleApps MARIADB = SampleApps.MARIADB
    static final Duration SERVER_START = Duration.ofMinutes(5) // a first start takes minutes on 2 busy cores
    /** The mariadb client as the application's user, on its database (the variables are the pod's). */
    static final String APP_SQL =
            'MYSQL_PWD="$MARIADB_PASSWORD" mariadb -u"$MARIADB_USER" --skip-column-names "$MARIADB_DATABASE" -e '
    static final String REFUSED =
            'ERROR 1290 (HY000) at line 1: The MariaDB server is running with the --read-only option'

    ClusterNamespace app
    File backupStore
    /** The application's write while the body ran (after its dump); null: the body dumped nothing. */
    CommandResult writeDuringBackup

    MariaDbExamplesTest(String mode) {
        super(mode)
    }

    @Before
    void deployMariaDbWithOrders() {
        checkout('jenkinsfile-examples')
        params.NAMESPACE = ns
        // the examples keep their runs in kasten-io, which all tests share: each test is a build of its own
        env.BUILD_TAG = "jenkins-examples-${ns}".toString()
        backupStore = temporary.newFolder('backups')
        params.BACKUP_DIR = backupStore.path
        app = new ClusterNamespace(TestCluster.get(), ns)
        MARIADB.deploy(app)
        MARIADB.awaitReady(app, SERVER_START)
        CommandResult created = appSql("CREATE TABLE orders (id INT PRIMARY KEY, item VARCHAR(40));"
                + " INSERT INTO orders VALUES (1, 'tea'), (2, 'cake')")
        assert created.succeeded(): created.stderr()
        [String, Object].each { Class type ->
            registerStep('sh', [type], { Object script -> shThenApplicationWrite([script: script as String]) })
        }
        registerStep('sh', [Map], { Map args -> shThenApplicationWrite(args) })
    }

    @Test
    void scriptedBackupDumpsAReadOnlyDatabaseAndReleasesIt() {
        runJenkinsfile('jenkinsfile-examples/scripted/mariadb-backup.Jenkinsfile')

        assertThat(buildResult).isEqualTo('SUCCESS')
        assertThat(console).containsSubsequence(quiesced(), "dumping ${ns}/mariadb-0 (read-only since 20",
                released(), "backup of ${ns} stored in ${backupStore}")
        assertBackupTakenWhileReadOnly()
        assertThat(new File(backupStore, "${ns}-mariadb-1.sql").text).isEqualTo(dump())
        assertWritableAfterTheBuild()
    }

    @Test
    void scriptedBackupThatFailsAfterItsDumpReleasesTheDatabase() {
        Throwable t = failingBackup('jenkinsfile-examples/scripted/mariadb-backup.Jenkinsfile')

        assertThat(t).isInstanceOf(AbortException).hasMessage('script returned exit code 1')
        assertFailedAndReleasedByOnFailure()
    }

    @Test
    void declarativeBackupDumpsAReadOnlyDatabaseAndReleasesIt() {
        runJenkinsfile('jenkinsfile-examples/declarative/mariadb-backup.Jenkinsfile')

        assertThat(buildResult).isEqualTo('SUCCESS')
        assertThat(declarative.ranConditions).containsExactly('always', 'success')
        assertThat(console).containsSubsequence(quiesced(), released(), 'kanister-hooks: no run to recover')
                .contains("backup of ${ns} stored in ${backupStore}")
        assertBackupTakenWhileReadOnly()
        assertThat(new File(backupStore, "${ns}-mariadb-1.sql").text).isEqualTo(dump())
        assertWritableAfterTheBuild()
    }

    @Test
    void declarativeBackupThatFailsAfterItsDumpReleasesTheDatabase() {
        Throwable t = failingBackup('jenkinsfile-examples/declarative/mariadb-backup.Jenkinsfile')

        assertThat(t).isInstanceOf(AbortException).hasMessage('script returned exit code 1')
        assertThat(declarative.ranConditions).containsExactly('always')
        assertThat(console).contains('kanister-hooks: no run to recover').doesNotContain('stored in')
        assertFailedAndReleasedByOnFailure()
    }

    /** Runs the example with a backup store that does not exist: the copy after the dump fails. */
    private Throwable failingBackup(String jenkinsfile) {
        params.BACKUP_DIR = new File(backupStore, 'unmounted').path
        return failingPipeline(new File(ROOT, jenkinsfile).text)
    }

    /** The sh step; after the body's dump, the application writes while the build goes on. */
    private Object shThenApplicationWrite(Map args) {
        Object result = shell.sh(args, currentDir(), processEnv())
        if ((args.script as String).contains('mariadb-dump')) {
            writeDuringBackup = appSql("INSERT INTO orders VALUES (3, 'during the backup')")
        }
        return result
    }

    private CommandResult appSql(String sql) {
        return MARIADB.exec(app, APP_SQL + "\"${sql}\"")
    }

    private String dump() {
        return new File(workspace, 'mariadb.sql').text
    }

    private String quiesced() {
        return podLog(ns, 'preHook', 'readOnly', "${ns}/mariadb-0 is read-only")
    }

    private String released() {
        return podLog(ns, 'onSuccess', 'readWrite', 'backup done: mariadb-0 writable again (read-only since 20')
    }

    private void assertBackupTakenWhileReadOnly() {
        assertThat(dump()).contains("INSERT INTO `orders` VALUES\n(1,'tea'),\n(2,'cake');").doesNotContain('during')
        assertThat(writeDuringBackup).as('the application wrote during the backup').isNotNull()
        assertThat(writeDuringBackup.exitCode()).as('exit code of the write during the backup').isNotZero()
        assertThat(writeDuringBackup.stderr()).contains(REFUSED)
    }

    private void assertFailedAndReleasedByOnFailure() {
        assertThat(buildResult).isEqualTo('FAILURE')
        assertThat(console).containsSubsequence(quiesced(), 'cp: cannot create regular file',
                podLog(ns, 'onFailure', 'releaseAndReport',
                        'BACKUP FAILED: mariadb-0 writable again (read-only since 20'))
                .doesNotContain('backup done')
        assertBackupTakenWhileReadOnly()
        assertWritableAfterTheBuild()
    }

    private void assertWritableAfterTheBuild() {
        CommandResult after = appSql("INSERT INTO orders VALUES (4, 'after')")
        assertThat(after.exitCode()).as(after.stderr()).isZero()
        assertThat(appSql('SELECT CONCAT(id, \' \', item) FROM orders ORDER BY id').stdout())
                .isEqualTo('1 tea\n2 cake\n4 after\n')
    }
}
