package io.kanisterhooks.params;

import io.kanisterhooks.golang.value.GoMap;
import io.kanisterhooks.golang.value.GoPointer;
import io.kanisterhooks.golang.value.GoStruct;
import io.kanisterhooks.golang.value.Values;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateParamsBuilderTest {

    @Test
    void statefulSetSubjectLeavesOtherWorkloadsNil() {
        GoStruct tp = new TemplateParamsBuilder()
                .workload(TemplateParamsBuilder.WorkloadKind.STATEFUL_SET, "mysql", "db", List.of("mysql-0"),
                        List.of(List.of("mysql", "sidecar")), Map.of("mysql-0", Map.of("data-mysql-0", "/data")))
                .build();
        GoStruct sts = (GoStruct) ((GoPointer) tp.field("StatefulSet")).target();
        assertThat(sts.field("Name")).isEqualTo("mysql");
        assertThat(Values.typeName(sts.field("Containers"))).isEqualTo("[][]string");
        assertThat(Values.typeName(sts.field("PersistentVolumeClaims"))).isEqualTo("map[string]map[string]string");
        assertThat(Values.isNil(tp.field("Deployment"))).isTrue();
        assertThat(Values.isNil(tp.field("DeploymentConfig"))).isTrue();
    }

    @Test
    void phasesCarrySecretsAndLaterTheirOutput() {
        TemplateParamsBuilder builder = new TemplateParamsBuilder()
                .startPhase("backup", Map.of("auth", Map.of("metadata", Map.of("name", "auth", "namespace", "ns1"),
                        "data", Map.of("password", "cGFzcw=="))), null);
        GoStruct before = builder.build();
        assertThat(Values.isNil(phase(before, "backup").field("Output"))).isTrue();

        GoStruct after = builder.phaseOutput("backup", Map.of("replicas", 2L)).build();
        assertThat(phase(after, "backup").field("Output")).isEqualTo(Map.of("replicas", 2L));
        GoStruct secret = (GoStruct) ((GoMap) phase(after, "backup").field("Secrets")).entries().get("auth");
        assertThat(secret.field("Namespace")).isEqualTo("ns1");
        assertThat(new String((byte[]) ((GoMap) secret.field("Data")).entries().get("password"),
                StandardCharsets.UTF_8)).isEqualTo("pass");
        assertThat(((GoPointer) after.field("CurrentPhase")).target()).isSameAs(phase(after, "backup"));
        assertThat(Values.isNil(after.field("DeferPhase"))).isFalse();
    }

    @Test
    void deferPhaseHasNoCurrentPhase() {
        GoStruct tp = new TemplateParamsBuilder()
                .startPhase("one", null, null)
                .startDeferPhase(null, null)
                .deferPhaseOutput(Map.of("value", "deferValue"))
                .build();
        assertThat(Values.isNil(tp.field("CurrentPhase"))).isTrue();
        GoStruct deferPhase = (GoStruct) ((GoPointer) tp.field("DeferPhase")).target();
        assertThat(deferPhase.field("Output")).isEqualTo(Map.of("value", "deferValue"));
    }

    @Test
    void keyPairProfile() {
        GoStruct tp = new TemplateParamsBuilder()
                .profileWithKeyPair(Map.of("type", "s3Compliant", "bucket", "my-bucket"), "AKIAXYZ", "s3cr3t", true)
                .build();
        GoStruct profile = (GoStruct) ((GoPointer) tp.field("Profile")).target();
        GoStruct credential = (GoStruct) profile.field("Credential");
        assertThat(Values.typeName(credential.field("Type"))).isEqualTo("param.CredentialType");
        assertThat(((GoStruct) ((GoPointer) credential.field("KeyPair")).target()).field("ID")).isEqualTo("AKIAXYZ");
        assertThat(Values.isNil(credential.field("Secret"))).isTrue();
        assertThat(profile.field("SkipSSLVerify")).isEqualTo(true);
    }

    @Test
    void absentOptionsAreANilMap() {
        GoStruct tp = new TemplateParamsBuilder().options(null).build();
        assertThat(Values.isNil(tp.field("Options"))).isTrue();
    }

    private static GoStruct phase(GoStruct tp, String name) {
        return (GoStruct) ((GoPointer) ((GoMap) tp.field("Phases")).entries().get(name)).target();
    }
}
