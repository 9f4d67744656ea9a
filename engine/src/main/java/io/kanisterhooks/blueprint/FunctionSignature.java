package io.kanisterhooks.blueprint;

import java.util.List;

/**
 * What static validation needs to know about a Kanister function: its exact name, Kanister's required and supported
 * argument names, and what it depends on.
 *
 * @param checksPodMetadata whether Kanister validates {@code podLabels}/{@code podAnnotations} for it
 * @param needs             what must exist for it to run at all
 */
public record FunctionSignature(String name, List<String> requiredArgs, List<String> supportedArgs,
                                boolean checksPodMetadata, Needs needs) {

    /** Preconditions outside the blueprint. */
    public enum Needs {
        /** Runs against the Kubernetes API only. */
        NOTHING,
        /** Needs a Kanister location Profile (object store): refused in hooks, as K10 refuses it. */
        LOCATION_PROFILE,
        /** Talks to AWS RDS; needs a Profile unless {@code credentialsSource: secret} is given. */
        AWS_RDS
    }

    public FunctionSignature {
        requiredArgs = List.copyOf(requiredArgs);
        supportedArgs = List.copyOf(supportedArgs);
    }
}
