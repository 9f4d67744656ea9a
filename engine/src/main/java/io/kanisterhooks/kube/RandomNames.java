package io.kanisterhooks.kube;

import java.security.SecureRandom;

/**
 * Kubernetes' {@code rand.String}: the random tails of generated names (pods, snapshots, run ids). Its alphabet has no
 * vowels and no easily confused characters, so a tail never spells a word.
 */
public final class RandomNames {

    private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomNames() {
    }

    /** {@code n} random characters of the alphabet. */
    public static String suffix(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
