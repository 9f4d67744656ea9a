package io.kanisterhooks.params;

import io.kanisterhooks.golang.value.GoType;

import static io.kanisterhooks.golang.value.GoType.BOOL;
import static io.kanisterhooks.golang.value.GoType.INT;
import static io.kanisterhooks.golang.value.GoType.MAP_OF_INTERFACE;
import static io.kanisterhooks.golang.value.GoType.MAP_OF_STRING;
import static io.kanisterhooks.golang.value.GoType.SLICE_OF_STRING;
import static io.kanisterhooks.golang.value.GoType.STRING;
import static io.kanisterhooks.golang.value.GoType.mapOf;
import static io.kanisterhooks.golang.value.GoType.pointerTo;
import static io.kanisterhooks.golang.value.GoType.sliceOf;

/**
 * Kanister's {@code param.TemplateParams} graph ({@code pkg/param/param.go}) and the {@code v1alpha1} types it uses,
 * exactly as Go sees them: templates address Go field names ({@code .Profile.Location.Bucket}), nil pointers are falsy
 * and fail on dereference ({@code nil pointer evaluating *param.DeploymentParams.Name}), map element types decide what
 * a missing key yields, and {@code toJson} follows the JSON tags (none on {@code param.Profile}).
 */
public final class ParamTypes {

    private ParamTypes() {
    }

    public static final GoType ARTIFACT = GoType.struct("v1alpha1.Artifact")
            .field("KeyValue", MAP_OF_STRING, "keyValue,omitempty")
            .field("KopiaSnapshot", STRING, "kopiaSnapshot,omitempty")
            .build();

    public static final GoType LOCATION_TYPE = GoType.named("v1alpha1.LocationType", STRING);

    public static final GoType LOCATION = GoType.struct("v1alpha1.Location")
            .field("Type", LOCATION_TYPE, "type")
            .field("Bucket", STRING, "bucket")
            .field("Endpoint", STRING, "endpoint")
            .field("Prefix", STRING, "prefix")
            .field("Region", STRING, "region")
            .build();

    public static final GoType JSON_MAP = GoType.named("v1alpha1.JSONMap", MAP_OF_INTERFACE);

    /** Name, namespace, running pods, their containers and PVC mounts of the subject workload. */
    private static GoType workload(String name) {
        return GoType.struct(name)
                .field("Name", STRING)
                .field("Namespace", STRING)
                .field("Pods", SLICE_OF_STRING)
                .field("Containers", sliceOf(SLICE_OF_STRING))
                .field("PersistentVolumeClaims", mapOf(STRING, MAP_OF_STRING))
                .build();
    }

    public static final GoType STATEFUL_SET_PARAMS = workload("param.StatefulSetParams");
    public static final GoType DEPLOYMENT_PARAMS = workload("param.DeploymentParams");
    public static final GoType DEPLOYMENT_CONFIG_PARAMS = workload("param.DeploymentConfigParams");

    public static final GoType PVC_PARAMS = GoType.struct("param.PVCParams")
            .field("Name", STRING)
            .field("Namespace", STRING)
            .build();

    public static final GoType NAMESPACE_PARAMS = GoType.struct("param.NamespaceParams")
            .field("Name", STRING)
            .field("Namespace", STRING)
            .build();

    public static final GoType CREDENTIAL_TYPE = GoType.named("param.CredentialType", STRING);

    public static final GoType KEY_PAIR = GoType.struct("param.KeyPair")
            .field("ID", STRING)
            .field("Secret", STRING)
            .build();

    public static final GoType KOPIA_SERVER_CREDS = GoType.struct("param.KopiaServerCreds")
            .field("Username", STRING)
            .field("Hostname", STRING)
            .field("Password", STRING)
            .field("Cert", STRING)
            .field("ConnectOptions", mapOf(STRING, INT))
            .build();

    public static final GoType CREDENTIAL = GoType.struct("param.Credential")
            .field("Type", CREDENTIAL_TYPE)
            .field("KeyPair", pointerTo(KEY_PAIR))
            .field("Secret", pointerTo(KubeTypes.SECRET))
            .field("KopiaServerSecret", pointerTo(KOPIA_SERVER_CREDS))
            .build();

    public static final GoType PROFILE = GoType.struct("param.Profile")
            .field("Location", LOCATION)
            .field("Credential", CREDENTIAL)
            .field("SkipSSLVerify", BOOL)
            .build();

    public static final GoType PHASE = GoType.struct("param.Phase")
            .field("Secrets", mapOf(STRING, KubeTypes.SECRET))
            .field("ConfigMaps", mapOf(STRING, KubeTypes.CONFIG_MAP))
            .field("Output", MAP_OF_INTERFACE)
            .build();

    public static final GoType TEMPLATE_PARAMS = GoType.struct("param.TemplateParams")
            .field("StatefulSet", pointerTo(STATEFUL_SET_PARAMS))
            .field("DeploymentConfig", pointerTo(DEPLOYMENT_CONFIG_PARAMS))
            .field("Deployment", pointerTo(DEPLOYMENT_PARAMS))
            .field("PVC", pointerTo(PVC_PARAMS))
            .field("Namespace", pointerTo(NAMESPACE_PARAMS))
            .field("ArtifactsIn", mapOf(STRING, ARTIFACT))
            .field("ConfigMaps", mapOf(STRING, KubeTypes.CONFIG_MAP))
            .field("Secrets", mapOf(STRING, KubeTypes.SECRET))
            .field("Time", STRING)
            .field("Profile", pointerTo(PROFILE))
            .field("Options", MAP_OF_STRING)
            .field("Object", MAP_OF_INTERFACE)
            .field("CurrentPhase", pointerTo(PHASE))
            .field("Phases", mapOf(STRING, pointerTo(PHASE)))
            .field("DeferPhase", pointerTo(PHASE))
            .field("PodOverride", JSON_MAP)
            .field("PodAnnotations", MAP_OF_STRING)
            .field("PodLabels", MAP_OF_STRING)
            .build();
}
