package io.kanisterhooks.secrets;

import java.util.regex.Pattern;

/**
 * The one heuristic that decides whether a key or argument name holds a credential: its value is then never shown, in
 * error messages ({@link SafeFormat}) or in outputs and reports ({@link SecretValues#maskEntry}). Names of, or
 * references to, secrets are not secret themselves ({@code secretName}, {@code imagePullSecrets}, {@code secretRef}).
 */
public final class SecretKeys {

    private static final Pattern SECRET_LIKE = Pattern.compile(
            "(?i).*(pass|secret|token|credential|private|api.?key|access.?key).*");
    private static final Pattern SECRET_REFERENCE = Pattern.compile("(?i).*(name|secrets|ref)");

    private SecretKeys() {
    }

    /** True when a key or argument name suggests the value is a credential. */
    public static boolean isSecretLike(String name) {
        return name != null && SECRET_LIKE.matcher(name).matches() && !SECRET_REFERENCE.matcher(name).matches();
    }
}
