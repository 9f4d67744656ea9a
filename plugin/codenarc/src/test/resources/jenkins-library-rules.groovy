// CodeNarc's jenkins ruleset (CPS pitfalls), applied to the shared library and to Jenkinsfiles: the rules themselves
// only look at files named Jenkinsfile.
ruleset {
    description 'CPS rules for the kanister-hooks Pipeline library and the example Jenkinsfiles'
    ruleset('rulesets/jenkins.xml') {
        ParameterOrReturnTypeNotSerializable { applyToFileNames = '*.groovy,*.Jenkinsfile' }
        ObjectOverrideOnlyNonCpsMethods { applyToFileNames = '*.groovy,*.Jenkinsfile' }
        ForbiddenCallInCpsMethod { applyToFileNames = '*.groovy,*.Jenkinsfile' }
        ExpressionInCpsMethodNotSerializable { applyToFileNames = '*.groovy,*.Jenkinsfile' }
        CpsCallFromNonCpsMethod { applyToFileNames = '*.groovy,*.Jenkinsfile' }
        ClosureInGString { applyToFileNames = '*.groovy,*.Jenkinsfile' }
        ClassNotSerializable { applyToFileNames = '*.groovy,*.Jenkinsfile' }
    }
}
