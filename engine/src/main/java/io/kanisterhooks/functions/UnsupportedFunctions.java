package io.kanisterhooks.functions;

import io.kanisterhooks.blueprint.FunctionSignature;
import io.kanisterhooks.blueprint.FunctionSignature.Needs;
import java.util.List;
import java.util.stream.Stream;

/**
 * Kanister functions that kanister-hooks recognises (so blueprints using them validate exactly as in Kanister) but does
 * not run: they move data to or from an object store through a location Profile (restic/kopia in kanister-tools), or
 * call AWS RDS. K10 refuses the Profile ones in hooks; outside hooks, running them fails with a clear message.
 * Argument lists are Kanister's {@code RequiredArgs()}/{@code Arguments()}.
 */
public final class UnsupportedFunctions {

    private static final String OVERRIDE = CommonArgs.POD_OVERRIDE;
    private static final String LABELS = CommonArgs.POD_LABELS;
    private static final String ANNOTATIONS = CommonArgs.POD_ANNOTATIONS;

    static final List<FunctionSignature> SIGNATURES = List.of(
            profile("BackupData", List.of("namespace", "pod", "container", "includePath", "backupArtifactPrefix"),
                    List.of("encryptionKey", "insecureTLS"), false),
            profile("BackupDataAll", List.of("namespace", "container", "includePath", "backupArtifactPrefix"),
                    List.of("pods", "encryptionKey", "insecureTLS"), false),
            profile("BackupDataStats", List.of("namespace", "backupArtifactPrefix", "backupID"),
                    List.of("image", "statsMode", "encryptionKey", OVERRIDE, ANNOTATIONS, LABELS), true),
            profile("CheckRepository", List.of("backupArtifactPrefix"),
                    List.of("image", "encryptionKey", "insecureTLS", OVERRIDE, ANNOTATIONS, LABELS), true),
            profile("CopyVolumeData", List.of("namespace", "volume", "dataArtifactPrefix"),
                    List.of("image", "encryptionKey", "mountPath", "insecureTLS", OVERRIDE, ANNOTATIONS, LABELS), true),
            profile("DeleteData", List.of("namespace", "backupArtifactPrefix"), List.of("image", "backupID",
                    "backupTag", "encryptionKey", "reclaimSpace", "insecureTLS", OVERRIDE, ANNOTATIONS, LABELS), true),
            profile("DeleteDataAll", List.of("namespace", "backupArtifactPrefix", "backupInfo"), List.of("image",
                    "encryptionKey", "reclaimSpace", "insecureTLS", OVERRIDE, ANNOTATIONS, LABELS), true),
            profile("RestoreData", List.of("namespace", "image", "backupArtifactPrefix"), List.of("restorePath",
                    "encryptionKey", "pod", "volumes", "backupTag", "backupIdentifier", "backupPath", OVERRIDE,
                    "insecureTLS", ANNOTATIONS, LABELS), true),
            profile("RestoreDataAll", List.of("namespace", "image", "backupArtifactPrefix", "backupInfo"),
                    List.of("restorePath", "encryptionKey", "pods", OVERRIDE, "insecureTLS", ANNOTATIONS, LABELS), true),
            profile("LocationDelete", List.of("artifact"), List.of(), false),
            profile("ExportRDSSnapshotToLocation", List.of("namespace", "instanceID", "snapshotID", "dbEngine"),
                    List.of("username", "password", "backupArtifactPrefix", "databases", "securityGroupID",
                            "dbSubnetGroup", ANNOTATIONS, LABELS, "credentialsSource", "credentialsSecret", "region"),
                    true),
            profile("RestoreRDSSnapshot", List.of("instanceID"), List.of("snapshotID", "dbEngine",
                    "backupArtifactPrefix", "backupID", "username", "password", "namespace", "securityGroupID",
                    "dbSubnetGroup", ANNOTATIONS, LABELS, "credentialsSource", "credentialsSecret", "region"), true),
            rds("CreateRDSSnapshot", List.of("instanceID"),
                    List.of("dbEngine", "credentialsSource", "credentialsSecret", "region")),
            rds("DeleteRDSSnapshot", List.of("snapshotID"),
                    List.of("dbEngine", "credentialsSource", "credentialsSecret", "region")));

    private UnsupportedFunctions() {
    }

    private static FunctionSignature profile(String name, List<String> required, List<String> optional,
                                             boolean podMetadata) {
        return new FunctionSignature(name, required, concat(required, optional), podMetadata, Needs.LOCATION_PROFILE);
    }

    private static FunctionSignature rds(String name, List<String> required, List<String> optional) {
        return new FunctionSignature(name, required, concat(required, optional), false, Needs.AWS_RDS);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    /** Why running {@code signature} is refused, for the error of a phase that calls it. */
    public static String refusal(FunctionSignature signature) {
        return signature.needs() == Needs.AWS_RDS
                ? signature.name() + " calls AWS RDS, which kanister-hooks does not support"
                : signature.name() + " needs a location profile (object store); kanister-hooks runs hooks, which "
                        + "have no location profile";
    }
}
