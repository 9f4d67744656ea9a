package io.kanisterhooks.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Go's {@code %v} for error messages, with credentials and long strings left out. */
class SafeFormatTest {

    @Test
    void safeFormattingLeavesOutCredentialsAndLongStrings() {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("name", "DB_PASSWORD");
        env.put("value", "hunter2");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("env", List.of(env));
        m.put("token", "abc");
        m.put("secretName", "my-secret");
        m.put("imagePullSecrets", List.of(Map.of("name", "regcred")));
        m.put("note", "n".repeat(65));
        assertThat(SafeFormat.formatSafely(m)).isEqualTo("map[env:[map[name:DB_PASSWORD value:<redacted>]] "
                + "imagePullSecrets:[map[name:regcred]] note:<65 characters> secretName:my-secret token:<redacted>]");
        assertThat(SecretKeys.isSecretLike("awsSecretAccessKey")).isTrue();
        assertThat(SecretKeys.isSecretLike("passwordSecretRef")).isFalse();
        assertThat(SecretKeys.isSecretLike("image")).isFalse();
    }
}
