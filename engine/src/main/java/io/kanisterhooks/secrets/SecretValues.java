package io.kanisterhooks.secrets;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Secret values this process has read (for phase {@code objects} and template parameters), so that logs and
 * reports can mask them wherever they appear — verbatim and in the forms Go shows values in errors ({@code %q}'s
 * escapes, base64, URL escaping, a byte slice's numbers: {@link SecretForms}). Values shorter than 4 characters are
 * not masked: they would turn ordinary text into noise and are no secret worth the name.
 */
public final class SecretValues {

    public static final String MASK = "********";
    /** Shorter values are not masked. */
    public static final int MIN_LENGTH = 4;

    private final Set<String> values = ConcurrentHashMap.newKeySet();

    /** Remembers a secret value, and the forms in which Go's error texts and encoders show it. */
    public void add(String value) {
        if (value != null && value.length() >= MIN_LENGTH) {
            values.add(value);
            values.addAll(SecretForms.of(value));
        }
    }

    public void add(byte[] value) {
        if (value != null) {
            add(new String(value, StandardCharsets.UTF_8));
        }
    }

    /** {@code text} with every known secret value replaced by the mask (longest first, so none is half-masked). */
    public String mask(String text) {
        if (text == null || values.isEmpty()) {
            return text;
        }
        List<String> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        String result = text;
        for (String v : sorted) {
            if (result.contains(v)) {
                result = result.replace(v, MASK);
            }
        }
        return result;
    }

    /**
     * The value to show for a phase output: masked when its key looks sensitive — and from then on masked wherever
     * it appears — else with the known secret values masked.
     */
    public String showOutput(String key, String value) {
        if (key != null && SecretKeys.isSecretLike(key)) {
            add(value);
            return MASK;
        }
        return mask(value);
    }

    /** The value to show for an output or artifact entry: masked entirely when its key looks like a credential. */
    public String maskEntry(String key, String value) {
        return SecretKeys.isSecretLike(key) ? MASK : mask(value);
    }
}
