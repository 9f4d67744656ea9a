package io.kanisterhooks.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one secret-key heuristic. It replaced two: the error-message one ({@code pass}, {@code secret}, {@code token},
 * {@code credential}, {@code private key}, {@code api key}, {@code access key}, except names of and references to
 * secrets) and the report one ({@code password}, {@code passwd}, {@code secret}, {@code token}, {@code credential},
 * {@code apikey}, {@code api_key}, {@code private}); whatever either masked is still masked, except references.
 */
class SecretKeysTest {

    @ParameterizedTest
    @ValueSource(strings = {
        // masked by both
        "password", "DB_PASSWORD", "clientSecret", "token", "authToken", "credentials", "apikey", "api_key",
        // masked by the error-message heuristic
        "passphrase", "privateKey", "private_key", "apiKey", "API-KEY", "accessKey", "access_key",
        "awsSecretAccessKey",
        // masked by the report heuristic
        "passwd", "dbPasswd", "private", "privateData", "SECRET"})
    void keysEitherOldHeuristicMaskedAreSecret(String key) {
        assertThat(SecretKeys.isSecretLike(key)).isTrue();
        SecretValues values = new SecretValues();
        assertThat(values.maskEntry(key, "some value")).isEqualTo(SecretValues.MASK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"secretName", "imagePullSecrets", "secretRef", "passwordSecretRef", "tokenSecretName",
        "image", "name", "namespace", "command", "key"})
    void namesOfAndReferencesToSecretsAreNotSecret(String key) {
        assertThat(SecretKeys.isSecretLike(key)).isFalse();
        SecretValues values = new SecretValues();
        values.add("hunter2");
        assertThat(values.maskEntry(key, "my-secret")).isEqualTo("my-secret");
        assertThat(values.maskEntry(key, "pw hunter2")).isEqualTo("pw " + SecretValues.MASK);
    }

    @Test
    void entriesWithoutAKeyAreMaskedByValueOnly() {
        assertThat(SecretKeys.isSecretLike(null)).isFalse();
        assertThat(SecretKeys.isSecretLike("")).isFalse();
        SecretValues values = new SecretValues();
        values.add("hunter2");
        assertThat(values.maskEntry(null, "pw hunter2")).isEqualTo("pw " + SecretValues.MASK);
    }
}
