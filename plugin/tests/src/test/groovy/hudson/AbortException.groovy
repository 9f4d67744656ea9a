package hudson

/**
 * Test stand-in for Jenkins' {@code hudson.AbortException} (same name and base class): what {@code error} and a failing
 * {@code sh} throw in Jenkins, so library code and Jenkinsfiles can catch the real type name.
 */
class AbortException extends IOException {
    AbortException(String message) {
        super(message)
    }
}
