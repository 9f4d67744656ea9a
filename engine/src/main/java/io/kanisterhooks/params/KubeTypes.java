package io.kanisterhooks.params;

import io.kanisterhooks.golang.value.GoType;

import static io.kanisterhooks.golang.value.GoType.BOOL;
import static io.kanisterhooks.golang.value.GoType.BYTES;
import static io.kanisterhooks.golang.value.GoType.INT64;
import static io.kanisterhooks.golang.value.GoType.MAP_OF_STRING;
import static io.kanisterhooks.golang.value.GoType.SLICE_OF_STRING;
import static io.kanisterhooks.golang.value.GoType.STRING;
import static io.kanisterhooks.golang.value.GoType.mapOf;
import static io.kanisterhooks.golang.value.GoType.pointerTo;
import static io.kanisterhooks.golang.value.GoType.sliceOf;

/**
 * The Kubernetes types Kanister's template data exposes ({@code corev1.Secret}, {@code corev1.ConfigMap} and the
 * {@code metav1} parts they embed), with Go's field names, embedding and JSON tags: templates reach
 * {@code .Secrets.x.Name} through the embedded {@code ObjectMeta}, and {@code toJson} of a Secret gives Kubernetes JSON
 * (including {@code "creationTimestamp":null}). Both Go packages are named {@code v1}, hence the type names.
 */
public final class KubeTypes {

    private KubeTypes() {
    }

    public static final GoType TYPE_META = GoType.struct("v1.TypeMeta")
            .field("Kind", STRING, "kind,omitempty")
            .field("APIVersion", STRING, "apiVersion,omitempty")
            .build();

    /**
     * {@code metav1.Time}. Go embeds {@code time.Time}; here the instant is kept as its RFC 3339 text (what the API
     * server sent), which is all Kanister's data ever does with it: marshal it back to JSON.
     */
    public static final GoType TIME = KubeTime.TYPE;

    public static final GoType UID = GoType.named("types.UID", STRING);

    public static final GoType OWNER_REFERENCE = GoType.struct("v1.OwnerReference")
            .field("APIVersion", STRING, "apiVersion")
            .field("Kind", STRING, "kind")
            .field("Name", STRING, "name")
            .field("UID", UID, "uid")
            .field("Controller", pointerTo(BOOL), "controller,omitempty")
            .field("BlockOwnerDeletion", pointerTo(BOOL), "blockOwnerDeletion,omitempty")
            .build();

    public static final GoType OBJECT_META = GoType.struct("v1.ObjectMeta")
            .field("Name", STRING, "name,omitempty")
            .field("GenerateName", STRING, "generateName,omitempty")
            .field("Namespace", STRING, "namespace,omitempty")
            .field("SelfLink", STRING, "selfLink,omitempty")
            .field("UID", UID, "uid,omitempty")
            .field("ResourceVersion", STRING, "resourceVersion,omitempty")
            .field("Generation", INT64, "generation,omitempty")
            .field("CreationTimestamp", TIME, "creationTimestamp,omitempty")
            .field("DeletionTimestamp", pointerTo(TIME), "deletionTimestamp,omitempty")
            .field("DeletionGracePeriodSeconds", pointerTo(INT64), "deletionGracePeriodSeconds,omitempty")
            .field("Labels", MAP_OF_STRING, "labels,omitempty")
            .field("Annotations", MAP_OF_STRING, "annotations,omitempty")
            .field("OwnerReferences", sliceOf(OWNER_REFERENCE), "ownerReferences,omitempty")
            .field("Finalizers", SLICE_OF_STRING, "finalizers,omitempty")
            .build();

    public static final GoType SECRET_TYPE = GoType.named("v1.SecretType", STRING);

    public static final GoType SECRET = GoType.struct("v1.Secret")
            .embed("TypeMeta", TYPE_META, ",inline")
            .embed("ObjectMeta", OBJECT_META, "metadata,omitempty")
            .field("Immutable", pointerTo(BOOL), "immutable,omitempty")
            .field("Data", mapOf(STRING, BYTES), "data,omitempty")
            .field("StringData", MAP_OF_STRING, "stringData,omitempty")
            .field("Type", SECRET_TYPE, "type,omitempty")
            .build();

    public static final GoType CONFIG_MAP = GoType.struct("v1.ConfigMap")
            .embed("TypeMeta", TYPE_META, ",inline")
            .embed("ObjectMeta", OBJECT_META, "metadata,omitempty")
            .field("Immutable", pointerTo(BOOL), "immutable,omitempty")
            .field("Data", MAP_OF_STRING, "data,omitempty")
            .field("BinaryData", mapOf(STRING, BYTES), "binaryData,omitempty")
            .build();
}
