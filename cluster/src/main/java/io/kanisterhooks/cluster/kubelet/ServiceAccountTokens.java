package io.kanisterhooks.cluster.kubelet;

import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.AuthenticationV1TokenRequest;
import io.kubernetes.client.openapi.models.V1BoundObjectReference;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V1TokenRequestSpec;

/**
 * Gets a pod its service account's token through the TokenRequest API, bound to the pod (it stops working when the pod
 * is deleted), unless token automounting is off for the pod or its service account.
 */
final class ServiceAccountTokens {
    /** Long enough for idle StatefulSet pods that stay up during a whole test run. */
    private static final long EXPIRATION_SECONDS = 24 * 3600;

    private ServiceAccountTokens() {}

    /** The token, or {@code null} when none is to be mounted. */
    static String forPod(CoreV1Api api, V1Pod pod) throws ApiException {
        String namespace = pod.getMetadata().getNamespace();
        String account =
                pod.getSpec().getServiceAccountName() == null ? "default" : pod.getSpec().getServiceAccountName();
        Boolean automount = pod.getSpec().getAutomountServiceAccountToken();
        if (automount == null) {
            V1ServiceAccount sa = api.readNamespacedServiceAccount(account, namespace).execute();
            automount = sa.getAutomountServiceAccountToken();
        }
        if (Boolean.FALSE.equals(automount)) {
            return null;
        }
        AuthenticationV1TokenRequest request = new AuthenticationV1TokenRequest().spec(new V1TokenRequestSpec()
                .expirationSeconds(EXPIRATION_SECONDS)
                .boundObjectRef(new V1BoundObjectReference().apiVersion("v1").kind("Pod")
                        .name(pod.getMetadata().getName()).uid(pod.getMetadata().getUid())));
        return api.createNamespacedServiceAccountToken(account, namespace, request).execute().getStatus().getToken();
    }
}
