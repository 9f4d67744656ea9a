package io.kanisterhooks.jenkins

import com.cloudbees.groovy.cps.NonCPS

import java.security.SecureRandom

/**
 * The run id of a step call: the build's {@code BUILD_TAG} made a valid run id (the CLI's rule: lower-case letters,
 * digits, '-' and '.', at most 63 characters, starting and ending with a letter or digit), then the number of the step
 * call in the build and five random characters, e.g. {@code jenkins-shop-backup-42-2-k3x9q}. The part that must be
 * unique is at the end, so a tag too long is cut from its end, never the counter or the random part. The random part
 * keeps ids unique where the counter cannot (parallel branches read it at once; a restarted controller).
 */
final class BuildRunIds implements Serializable {
    static final int MAX_LENGTH = 63
    private static final String ALPHABET = 'bcdfghjklmnpqrstvwxz2456789'
    private static final int RANDOM_LENGTH = 5

    private BuildRunIds() {
    }

    @NonCPS
    static String runId(String buildTag, int stepCall, String random) {
        String suffix = '-' + stepCall + '-' + random
        String tag = (buildTag ?: '').toLowerCase(Locale.ROOT).replaceAll(/[^a-z0-9.-]+/, '-')
                .replaceAll(/^[^a-z0-9]+/, '')
        tag = tag.substring(0, Math.min(tag.length(), MAX_LENGTH - suffix.length())).replaceAll(/[^a-z0-9]+$/, '')
        return (tag.isEmpty() ? 'kh' : tag) + suffix
    }

    /** The next step call's number, from the build's count so far (null: none yet). */
    @NonCPS
    static int nextStepCall(Object countSoFar) {
        String s = countSoFar == null ? '' : countSoFar.toString()
        return (s ==~ /[0-9]{1,9}/ ? Integer.parseInt(s) : 0) + 1
    }

    @NonCPS
    static String random() {
        SecureRandom r = new SecureRandom()
        StringBuilder sb = new StringBuilder()
        RANDOM_LENGTH.times { sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length()))) }
        return sb.toString()
    }
}
