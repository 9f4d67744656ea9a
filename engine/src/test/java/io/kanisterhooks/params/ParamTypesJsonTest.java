package io.kanisterhooks.params;

import io.kanisterhooks.golang.fmt.GoFmt;
import io.kanisterhooks.golang.json.GoJson;
import io.kanisterhooks.golang.value.GoPointer;
import io.kanisterhooks.golang.value.GoStruct;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code toJson} and {@code %T} make of the mirror: the same as of Kanister's Go types. */
class ParamTypesJsonTest {

    @Test
    void profileMarshalsWithGoFieldNamesAndLocationTags() {
        Map<String, Object> location = new LinkedHashMap<>();
        location.put("type", "s3Compliant");
        location.put("bucket", "my-bucket");
        location.put("endpoint", "http://minio:9000");
        location.put("prefix", "kanister");
        location.put("region", "us-east-1");
        GoStruct tp = new TemplateParamsBuilder().profileWithKeyPair(location, "AKIAXYZ", "s3cr3t", true).build();
        assertThat(GoJson.marshal(tp.field("Profile"))).isEqualTo("{\"Location\":{\"type\":\"s3Compliant\","
                + "\"bucket\":\"my-bucket\",\"endpoint\":\"http://minio:9000\",\"prefix\":\"kanister\","
                + "\"region\":\"us-east-1\"},\"Credential\":{\"Type\":\"keyPair\",\"KeyPair\":{\"ID\":\"AKIAXYZ\","
                + "\"Secret\":\"s3cr3t\"},\"Secret\":null,\"KopiaServerSecret\":null},\"SkipSSLVerify\":true}");
    }

    @Test
    void secretMarshalsAsKubernetesJsonWithNullCreationTimestamp() {
        GoStruct secret = KubeObjects.secret(Map.of(
                "metadata", Map.of("name", "s", "namespace", "ns"),
                "type", "Opaque",
                "data", Map.of("user", "cm9vdA==")));
        assertThat(GoJson.marshal(secret)).isEqualTo("{\"metadata\":{\"name\":\"s\",\"namespace\":\"ns\","
                + "\"creationTimestamp\":null},\"data\":{\"user\":\"cm9vdA==\"},\"type\":\"Opaque\"}");
    }

    @Test
    void creationTimestampMarshalsAsRfc3339() {
        GoStruct configMap = KubeObjects.configMap(Map.of(
                "apiVersion", "v1", "kind", "ConfigMap",
                "metadata", Map.of("name", "c", "creationTimestamp", "2024-03-05T07:08:09Z"),
                "data", Map.of("k", "v")));
        assertThat(GoJson.marshal(configMap)).isEqualTo("{\"kind\":\"ConfigMap\",\"apiVersion\":\"v1\","
                + "\"metadata\":{\"name\":\"c\",\"creationTimestamp\":\"2024-03-05T07:08:09Z\"},\"data\":{\"k\":\"v\"}}");
    }

    @Test
    void typeNamesAreKanisters() {
        GoStruct tp = new TemplateParamsBuilder()
                .profileWithSecret(Map.of("type", "gcs"), Map.of("metadata", Map.of("name", "gcp")), false)
                .build();
        GoStruct profile = (GoStruct) ((GoPointer) tp.field("Profile")).target();
        GoStruct credential = (GoStruct) profile.field("Credential");
        assertThat(GoFmt.sprintf("%T %T %T %T %T", tp, tp.field("Profile"), credential.field("Type"),
                credential.field("Secret"), profile.field("Location")))
                .isEqualTo("param.TemplateParams *param.Profile param.CredentialType *v1.Secret v1alpha1.Location");
    }
}
