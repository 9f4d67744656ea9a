package io.kanisterhooks.params;

import io.kanisterhooks.golang.value.GoMap;
import io.kanisterhooks.golang.value.GoNamed;
import io.kanisterhooks.golang.value.GoPointer;
import io.kanisterhooks.golang.value.GoSlice;
import io.kanisterhooks.golang.value.GoStruct;
import io.kanisterhooks.golang.value.GoType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assembles Kanister's {@code param.TemplateParams} from what the engine fetched (plain JSON maps, no Kubernetes
 * client classes). Fields left unset keep Go's zero values: nil pointers ({@code .Deployment} when the subject is a
 * StatefulSet) and nil maps ({@code .Options} when the ActionSet has none, so any {@code .Options.x} fails).
 * {@link #build()} can be called again after adding phase outputs: each call returns a new value.
 */
public final class TemplateParamsBuilder {

    /** The kind of workload a subject is, selecting which of the three workload fields is set. */
    public enum WorkloadKind {
        STATEFUL_SET("StatefulSet", ParamTypes.STATEFUL_SET_PARAMS),
        DEPLOYMENT("Deployment", ParamTypes.DEPLOYMENT_PARAMS),
        DEPLOYMENT_CONFIG("DeploymentConfig", ParamTypes.DEPLOYMENT_CONFIG_PARAMS);

        private final String field;
        private final GoType type;

        WorkloadKind(String field, GoType type) {
            this.field = field;
            this.type = type;
        }
    }

    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final Map<String, GoStruct> phases = new LinkedHashMap<>();
    private String currentPhase;
    private GoStruct deferPhase;

    /**
     * A workload subject: its pods (running, in API order), each pod's container names, and per pod the PVCs
     * (claim name to mount path); pods without PVCs are absent from that map.
     */
    public TemplateParamsBuilder workload(WorkloadKind kind, String name, String namespace, List<String> pods,
                                          List<List<String>> containers, Map<String, Map<String, String>> pvcs) {
        List<Object> containerLists = new ArrayList<>();
        for (List<String> c : containers) {
            containerLists.add(GoSlice.of(GoType.SLICE_OF_STRING, c));
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        pvcs.forEach((pod, mounts) -> claims.put(pod, GoMap.of(GoType.MAP_OF_STRING, mounts)));
        GoStruct params = GoStruct.zero(kind.type)
                .set("Name", name)
                .set("Namespace", namespace)
                .set("Pods", GoSlice.of(GoType.SLICE_OF_STRING, pods))
                .set("Containers", GoSlice.of(GoType.sliceOf(GoType.SLICE_OF_STRING), containerLists))
                .set("PersistentVolumeClaims", GoMap.of(GoType.mapOf(GoType.STRING, GoType.MAP_OF_STRING), claims));
        fields.put(kind.field, GoPointer.to(params));
        return this;
    }

    public TemplateParamsBuilder pvc(String name, String namespace) {
        fields.put("PVC", GoPointer.to(nameAndNamespace(ParamTypes.PVC_PARAMS, name, namespace)));
        return this;
    }

    /** Kanister sets both fields from the ActionSet object's namespace. */
    public TemplateParamsBuilder namespace(String name, String namespace) {
        fields.put("Namespace", GoPointer.to(nameAndNamespace(ParamTypes.NAMESPACE_PARAMS, name, namespace)));
        return this;
    }

    private static GoStruct nameAndNamespace(GoType type, String name, String namespace) {
        return GoStruct.zero(type).set("Name", name).set("Namespace", namespace);
    }

    /** ActionSpec.artifacts, in Kanister's JSON ({@code keyValue}, {@code kopiaSnapshot}). */
    public TemplateParamsBuilder artifactsIn(Map<String, Map<String, Object>> artifacts) {
        fields.put("ArtifactsIn", JsonToGo.decode(artifacts, GoType.mapOf(GoType.STRING, ParamTypes.ARTIFACT)));
        return this;
    }

    /** The ConfigMaps named in the ActionSpec, as fetched (JSON). */
    public TemplateParamsBuilder configMaps(Map<String, Map<String, Object>> configMaps) {
        fields.put("ConfigMaps", JsonToGo.decode(configMaps, GoType.mapOf(GoType.STRING, KubeTypes.CONFIG_MAP)));
        return this;
    }

    /** The Secrets named in the ActionSpec, as fetched (JSON). */
    public TemplateParamsBuilder secrets(Map<String, Map<String, Object>> secrets) {
        fields.put("Secrets", JsonToGo.decode(secrets, GoType.mapOf(GoType.STRING, KubeTypes.SECRET)));
        return this;
    }

    /** The action's start time, already formatted as Kanister does (RFC 3339 with nanoseconds, UTC). */
    public TemplateParamsBuilder time(String rfc3339Nano) {
        fields.put("Time", rfc3339Nano);
        return this;
    }

    /** A Profile whose credential is an access key pair. */
    public TemplateParamsBuilder profileWithKeyPair(Map<String, Object> location, String id, String secret,
                                                    boolean skipSslVerify) {
        GoStruct keyPair = GoStruct.zero(ParamTypes.KEY_PAIR).set("ID", id).set("Secret", secret);
        return profile(location, "keyPair", "KeyPair", GoPointer.to(keyPair), skipSslVerify);
    }

    /** A Profile whose credential is a whole Secret (JSON as fetched). */
    public TemplateParamsBuilder profileWithSecret(Map<String, Object> location, Map<String, Object> secret,
                                                   boolean skipSslVerify) {
        return profile(location, "secret", "Secret", GoPointer.to(KubeObjects.secret(secret)), skipSslVerify);
    }

    private TemplateParamsBuilder profile(Map<String, Object> location, String credentialType, String field,
                                          Object credentialValue, boolean skipSslVerify) {
        GoStruct credential = GoStruct.zero(ParamTypes.CREDENTIAL)
                .set("Type", GoNamed.of(ParamTypes.CREDENTIAL_TYPE, credentialType))
                .set(field, credentialValue);
        GoStruct profile = GoStruct.zero(ParamTypes.PROFILE)
                .set("Location", JsonToGo.decode(location, ParamTypes.LOCATION))
                .set("Credential", credential)
                .set("SkipSSLVerify", skipSslVerify);
        fields.put("Profile", GoPointer.to(profile));
        return this;
    }

    /** ActionSpec.options; {@code null} keeps Go's nil map. */
    public TemplateParamsBuilder options(Map<String, String> options) {
        return stringMap("Options", options);
    }

    public TemplateParamsBuilder podAnnotations(Map<String, String> annotations) {
        return stringMap("PodAnnotations", annotations);
    }

    public TemplateParamsBuilder podLabels(Map<String, String> labels) {
        return stringMap("PodLabels", labels);
    }

    private TemplateParamsBuilder stringMap(String field, Map<String, String> values) {
        fields.put(field, values == null ? GoMap.nil(GoType.MAP_OF_STRING) : GoMap.of(GoType.MAP_OF_STRING, values));
        return this;
    }

    /** The subject's unstructured content (integers as Long, other numbers as Double). */
    public TemplateParamsBuilder object(Map<String, Object> object) {
        fields.put("Object", object);
        return this;
    }

    public TemplateParamsBuilder podOverride(Map<String, Object> podOverride) {
        fields.put("PodOverride", podOverride == null ? GoMap.nil(ParamTypes.JSON_MAP)
                : GoMap.of(ParamTypes.JSON_MAP, podOverride));
        return this;
    }

    /** A phase starts: its entry holds the Secrets and ConfigMaps of its rendered {@code objects}. */
    public TemplateParamsBuilder startPhase(String name, Map<String, Map<String, Object>> secrets,
                                            Map<String, Map<String, Object>> configMaps) {
        phases.put(name, phase(secrets, configMaps));
        currentPhase = name;
        return this;
    }

    /** A phase succeeded: its output becomes {@code .Phases.<name>.Output}. */
    public TemplateParamsBuilder phaseOutput(String name, Map<String, Object> output) {
        phases.get(name).set("Output", output);
        return this;
    }

    /** The defer phase is about to run (then {@code .CurrentPhase} is nil, as in Kanister). */
    public TemplateParamsBuilder startDeferPhase(Map<String, Map<String, Object>> secrets,
                                                 Map<String, Map<String, Object>> configMaps) {
        deferPhase = phase(secrets, configMaps);
        currentPhase = null;
        return this;
    }

    public TemplateParamsBuilder deferPhaseOutput(Map<String, Object> output) {
        deferPhase().set("Output", output);
        return this;
    }

    private GoStruct deferPhase() {
        if (deferPhase == null) {
            deferPhase = GoStruct.zero(ParamTypes.PHASE);
        }
        return deferPhase;
    }

    private static GoStruct phase(Map<String, Map<String, Object>> secrets,
                                  Map<String, Map<String, Object>> configMaps) {
        GoStruct phase = GoStruct.zero(ParamTypes.PHASE);
        if (secrets != null) {
            phase.set("Secrets", JsonToGo.decode(secrets, GoType.mapOf(GoType.STRING, KubeTypes.SECRET)));
        }
        if (configMaps != null) {
            phase.set("ConfigMaps", JsonToGo.decode(configMaps, GoType.mapOf(GoType.STRING, KubeTypes.CONFIG_MAP)));
        }
        return phase;
    }

    /** The TemplateParams value as it is now; Kanister initialises {@code Phases} empty and {@code DeferPhase} non-nil. */
    public GoStruct build() {
        GoStruct tp = GoStruct.zero(ParamTypes.TEMPLATE_PARAMS);
        fields.forEach(tp::set);
        Map<String, Object> phasePointers = new LinkedHashMap<>();
        phases.forEach((name, phase) -> phasePointers.put(name, GoPointer.to(phase)));
        GoType phasesType = GoType.mapOf(GoType.STRING, GoType.pointerTo(ParamTypes.PHASE));
        tp.set("Phases", GoMap.of(phasesType, phasePointers));
        tp.set("DeferPhase", GoPointer.to(deferPhase()));
        if (currentPhase != null) {
            tp.set("CurrentPhase", phasePointers.get(currentPhase));
        }
        return tp;
    }
}
