package io.kanisterhooks.params;

import io.kanisterhooks.golang.json.GoJson;
import io.kanisterhooks.golang.value.GoMap;
import io.kanisterhooks.golang.value.GoNamed;
import io.kanisterhooks.golang.value.GoPointer;
import io.kanisterhooks.golang.value.GoStruct;
import io.kanisterhooks.golang.value.Values;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateParamsJsonTest {

    @SuppressWarnings("unchecked")
    private static GoStruct decode(String json) {
        return TemplateParamsJson.decode((Map<String, Object>) GoJson.decode(json, GoJson.NumberMode.INT64));
    }

    @Test
    void fieldsAreMatchedByGoNameOrJsonTagIgnoringCase() {
        GoStruct tp = decode("{\"statefulset\": {\"Name\": \"mysql\", \"Pods\": [\"mysql-0\"]},"
                + " \"Profile\": {\"Location\": {\"Bucket\": \"b\", \"type\": \"s3Compliant\"}}}");
        GoStruct sts = (GoStruct) ((GoPointer) tp.field("StatefulSet")).target();
        assertThat(sts.field("Name")).isEqualTo("mysql");
        assertThat(Values.typeName(tp.field("StatefulSet"))).isEqualTo("*param.StatefulSetParams");
        GoStruct location = (GoStruct) ((GoStruct) ((GoPointer) tp.field("Profile")).target()).field("Location");
        assertThat(location.field("Bucket")).isEqualTo("b");
        assertThat(location.field("Type")).isEqualTo(GoNamed.of(ParamTypes.LOCATION_TYPE, "s3Compliant"));
    }

    @Test
    void unsetPointersAndMapsAreNil() {
        GoStruct tp = decode("{\"Time\": \"2024-03-05T07:08:09Z\"}");
        assertThat(Values.isNil(tp.field("Deployment"))).isTrue();
        assertThat(Values.isNil(tp.field("Options"))).isTrue();
        assertThat(Values.typeName(tp.field("Options"))).isEqualTo("map[string]string");
        assertThat(tp.field("Time")).isEqualTo("2024-03-05T07:08:09Z");
    }

    @Test
    void secretsUseKubernetesJsonWithPromotedObjectMeta() {
        GoStruct tp = decode("{\"Secrets\": {\"db\": {\"metadata\": {\"name\": \"db-creds\", \"namespace\": \"ns\"},"
                + " \"type\": \"Opaque\", \"data\": {\"user\": \"cm9vdA==\"}}}}");
        GoStruct secret = (GoStruct) ((GoMap) tp.field("Secrets")).entries().get("db");
        assertThat(secret.field("Name")).isEqualTo("db-creds");
        assertThat(secret.field("Namespace")).isEqualTo("ns");
        assertThat(Values.typeName(secret.field("Type"))).isEqualTo("v1.SecretType");
        byte[] user = (byte[]) ((GoMap) secret.field("Data")).entries().get("user");
        assertThat(new String(user, StandardCharsets.UTF_8)).isEqualTo("root");
        assertThat(Values.typeName(secret.field("Data"))).isEqualTo("map[string][]uint8");
    }

    @Test
    void objectKeepsTheCallersNumberTyping() {
        GoStruct tp = decode("{\"Object\": {\"spec\": {\"replicas\": 3, \"ratio\": 0.5}},"
                + " \"Phases\": {\"p\": {\"Output\": {\"n\": 2}}}}");
        @SuppressWarnings("unchecked")
        Map<String, Object> spec = (Map<String, Object>) ((Map<String, Object>) tp.field("Object")).get("spec");
        assertThat(spec.get("replicas")).isEqualTo(3L);
        assertThat(spec.get("ratio")).isEqualTo(0.5);
        GoStruct phase = (GoStruct) ((GoPointer) ((GoMap) tp.field("Phases")).entries().get("p")).target();
        assertThat(phase.field("Output")).isEqualTo(Map.of("n", 2L));
    }

    @Test
    void wrongJsonTypeFailsLikeGo() {
        assertThatThrownBy(() -> decode("{\"Time\": 5}"))
                .hasMessage("json: cannot unmarshal number into Go value of type string");
    }
}
