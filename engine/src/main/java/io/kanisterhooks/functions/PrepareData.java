package io.kanisterhooks.functions;

import io.kanisterhooks.blueprint.FunctionSignature;
import io.kanisterhooks.cancel.CancelledException;
import io.kanisterhooks.functions.args.ArgException;
import io.kanisterhooks.functions.args.ArgType;
import io.kanisterhooks.functions.args.Args;
import io.kanisterhooks.kube.Kube;
import io.kanisterhooks.kube.KubeException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Runs a command in a new pod ({@code prepare-data-job-*}) with PVCs mounted: the {@code volumes} argument (PVC →
 * mount path), or else every PVC of the subject workload's running pods at {@code /mnt/prepare_data/<pvc>}. A PVC whose
 * access modes include ReadOnlyMany is mounted read-only. The whole log is read for phase outputs; only with
 * {@code failOnError: true} does a failed pod fail the phase — by default a failing command still succeeds.
 */
public final class PrepareData implements KanisterFunction {

    public static final String NAME = "PrepareData";
    public static final String ARG_IMAGE = "image";
    public static final String ARG_COMMAND = "command";
    public static final String ARG_VOLUMES = "volumes";
    public static final String ARG_SERVICEACCOUNT = "serviceaccount";
    public static final String ARG_FAIL_ON_ERROR = "failOnError";
    static final String GENERATE_NAME = "prepare-data-job-";
    static final String DEFAULT_MOUNT_DIR = "/mnt/prepare_data/";

    static final FunctionSignature SIGNATURE = new FunctionSignature(NAME,
            List.of(CommonArgs.NAMESPACE, ARG_IMAGE, ARG_COMMAND),
            List.of(CommonArgs.NAMESPACE, ARG_IMAGE, ARG_COMMAND, ARG_VOLUMES, ARG_SERVICEACCOUNT,
                    CommonArgs.POD_OVERRIDE, CommonArgs.POD_ANNOTATIONS, CommonArgs.POD_LABELS, ARG_FAIL_ON_ERROR),
            true, FunctionSignature.Needs.NOTHING);

    /** Kanister's {@code getVolumes} reads the subject's PVCs from TemplateParams; so do we, through a template. */
    private static final Map<String, String> SUBJECT_CLAIMS = Map.of(
            "deployment", claimsOf(".Deployment"),
            "statefulset", claimsOf(".StatefulSet"));

    @Override
    public FunctionSignature signature() {
        return SIGNATURE;
    }

    @Override
    public Map<String, Object> run(PhaseContext ctx, Args args)
            throws ArgException, PhaseException, CancelledException {
        String namespace = args.required(CommonArgs.NAMESPACE, ArgType.STRING);
        String image = args.required(ARG_IMAGE, ArgType.STRING);
        List<String> command = args.required(ARG_COMMAND, ArgType.STRING_LIST);
        Map<String, String> volumes = args.optional(ARG_VOLUMES, ArgType.STRING_MAP, null);
        String serviceAccount = args.optional(ARG_SERVICEACCOUNT, ArgType.STRING, "");
        Map<String, String> annotations = PodStringMaps.annotations(args);
        Map<String, String> labels = PodStringMaps.labels(args);
        boolean failOnError = args.optional(ARG_FAIL_ON_ERROR, ArgType.BOOL, false);
        Map<String, Object> override = PodArgs.podOverride(args);
        if (volumes == null || volumes.isEmpty()) {
            volumes = subjectVolumes(ctx);
        }
        Map<String, Object> spec = spec(ctx, namespace, image, command == null ? List.of() : command, volumes);
        if (!serviceAccount.isEmpty()) {
            spec.put("serviceAccountName", serviceAccount);
        }
        Map<String, Object> pod = JobPods.pod(ctx, namespace, GENERATE_NAME, spec, override, JobPods.MAIN_CONTAINER,
                labels, annotations);
        // Kanister reads the whole log, and only with failOnError checks that the pod succeeded
        return new PodOutputs(ctx).run(pod, JobPods.MAIN_CONTAINER, failOnError);
    }

    /** Every PVC mounted by the subject workload's running pods, at {@code /mnt/prepare_data/<pvc>}. */
    private static Map<String, String> subjectVolumes(PhaseContext ctx) throws PhaseException {
        String template = SUBJECT_CLAIMS.get(ctx.subjectKind());
        if (template == null) {
            throw new PhaseException("Failed to get volumes");
        }
        Set<String> claims = new LinkedHashSet<>();
        for (String claim : ctx.templates().render(template).split("\n")) {
            if (!claim.isEmpty()) {
                claims.add(claim);
            }
        }
        if (claims.isEmpty()) {
            throw new PhaseException("No volumes found");
        }
        Map<String, String> volumes = new LinkedHashMap<>();
        claims.forEach(c -> volumes.put(c, DEFAULT_MOUNT_DIR + c));
        return volumes;
    }

    private static String claimsOf(String workload) {
        return "{{ range $pod, $claims := " + workload + ".PersistentVolumeClaims }}{{ range $claim, $path := $claims }}"
                + "{{ $claim }}\n{{ end }}{{ end }}";
    }

    /** The default spec with one PVC volume per claim; each claim must exist. */
    private static Map<String, Object> spec(PhaseContext ctx, String namespace, String image, List<String> command,
                                            Map<String, String> volumes) throws PhaseException {
        List<Object> mounts = new ArrayList<>();
        List<Object> podVolumes = new ArrayList<>();
        for (Map.Entry<String, String> v : volumes.entrySet()) {
            boolean readOnly = readOnlyMany(ctx, namespace, v.getKey());
            String name = "vol-" + UUID.randomUUID();
            Map<String, Object> mount = new LinkedHashMap<>();
            mount.put("name", name);
            mount.put("mountPath", v.getValue());
            Map<String, Object> claim = new LinkedHashMap<>();
            claim.put("claimName", v.getKey());
            if (readOnly) {
                mount.put("readOnly", true);
                claim.put("readOnly", true);
            }
            mounts.add(mount);
            podVolumes.add(Map.of("name", name, "persistentVolumeClaim", claim));
        }
        return JobPods.singleContainerSpec(image, command, mounts, podVolumes);
    }

    private static boolean readOnlyMany(PhaseContext ctx, String namespace, String claim) throws PhaseException {
        Map<String, Object> pvc;
        try {
            pvc = ctx.kube().request("GET", Kube.path("", "v1", "persistentvolumeclaims", namespace, claim), null, null,
                    "Failed to retrieve PVC. namespace: " + namespace + ", name: " + claim);
        } catch (KubeException e) {
            throw new PhaseException(e.getMessage());
        }
        return pvc.get("spec") instanceof Map<?, ?> spec && spec.get("accessModes") instanceof List<?> modes
                && modes.contains("ReadOnlyMany");
    }
}
