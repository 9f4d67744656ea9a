package io.kanisterhooks.jenkins.test

import hudson.AbortException

import java.nio.file.Files

/**
 * The Jenkins credentials of a test (file, secret text, username with password), and how steps bind them:
 * {@code withCredentials([file(...), string(...), usernamePassword(...), usernameColonPassword(...)]) { }} sets the
 * variables for the steps inside only, a file credential as a temporary copy in the workspace's
 * {@code @tmp/secretFiles} (so it needs a node), deleted afterwards. Declarative's {@code credentials('id')} binds
 * by the credential's type, as its CredentialsBindingHandlers: a file its path, secret text its value, a username
 * with password {@code user:password} and also {@code NAME_USR} and {@code NAME_PSW}.
 */
class Credentials {
    private final PipelineTestBase test
    final Map<String, File> files = [:]
    final Map<String, String> secretTexts = [:]
    /** id -> [username, password] */
    final Map<String, List<String>> usernamePasswords = [:]

    Credentials(PipelineTestBase test) {
        this.test = test
    }

    /** {@code credentials['id'] = file}: a file credential. */
    void putAt(String id, File secret) {
        files.put(id, secret)
    }

    /** The bindings that Declarative's {@code NAME = credentials('id')} makes. */
    List<Map> declarativeBindings(String variable, String id) {
        if (files.containsKey(id)) {
            return [[binding: 'file', credentialsId: id, variable: variable]]
        }
        if (secretTexts.containsKey(id)) {
            return [[binding: 'string', credentialsId: id, variable: variable]]
        }
        if (usernamePasswords.containsKey(id)) {
            return [[binding: 'usernameColonPassword', credentialsId: id, variable: variable],
                    [binding: 'usernamePassword', credentialsId: id, usernameVariable: variable + '_USR',
                            passwordVariable: variable + '_PSW']]
        }
        throw new AbortException("Could not find credentials entry with ID '${id}'")
    }

    /** withCredentials(bindings) { body } */
    Object bind(List bindings, Closure body) {
        List<File> copies = []
        List<String> vars = []
        try {
            bindings.each { Map b -> vars.addAll(variables(b, copies)) }
            return test.withEnvironment(vars, body)
        } finally {
            copies.each { it.deleteDir() }
        }
    }

    private List<String> variables(Map b, List<File> copies) {
        String id = b.credentialsId as String
        switch (b.binding) {
            case 'file':
                File dir = new File(test.currentWorkspace().path + '@tmp/secretFiles/' + UUID.randomUUID())
                dir.mkdirs()
                copies << dir
                File copy = new File(dir, found(files, id).name)
                Files.copy(found(files, id).toPath(), copy.toPath())
                return ["${b.variable}=${copy.path}".toString()]
            case 'string':
                return ["${b.variable}=${found(secretTexts, id)}".toString()]
            case 'usernamePassword':
                List<String> up = found(usernamePasswords, id)
                return ["${b.usernameVariable}=${up[0]}".toString(), "${b.passwordVariable}=${up[1]}".toString()]
            case 'usernameColonPassword':
                return ["${b.variable}=${found(usernamePasswords, id).join(':')}".toString()]
            default:
                throw new UnsupportedOperationException("the ${b.binding} binding is not modelled by the test stand-in")
        }
    }

    private static <T> T found(Map<String, T> store, String id) {
        T secret = store.get(id)
        if (secret == null) {
            throw new AbortException("Could not find credentials entry with ID '${id}'")
        }
        return secret
    }
}
