package io.kanisterhooks.hooks.run;

import io.kanisterhooks.kube.RandomNames;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Run ids: they label hook pods and claims and name the run's Secret, so they are Kubernetes label values that are
 * also valid in object names: lower-case letters, digits, {@code -} and {@code .}, at most 63 characters, starting and
 * ending with a letter or digit.
 */
public final class RunIds {

    public static final int MAX_LENGTH = 63;
    private static final Pattern VALID = Pattern.compile("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private RunIds() {
    }

    /** A new id: {@code kh-<UTC time>-<5 random characters>}. */
    public static String generate() {
        return "kh-" + TIME.format(Instant.now()) + "-" + RandomNames.suffix(5);
    }

    /** Why {@code id} cannot be a run id, or empty when it can. */
    public static Optional<String> problem(String id) {
        if (id.isEmpty()) {
            return Optional.of("a run id must not be empty");
        }
        if (id.length() > MAX_LENGTH) {
            return Optional.of("a run id has at most " + MAX_LENGTH + " characters (\"" + id + "\" has "
                    + id.length() + ")");
        }
        if (!VALID.matcher(id).matches()) {
            return Optional.of("a run id consists of lower-case letters, digits, '-' and '.', and starts and ends "
                    + "with a letter or digit (\"" + id + "\" does not)");
        }
        return Optional.empty();
    }

    /**
     * A label value standing for a Jenkins {@code BUILD_TAG} ({@code jenkins-JOB-NUMBER}): so that a build can find
     * its own runs ({@code runs recover --build-tag}). Characters a label cannot hold become {@code -}; a tag too
     * long for a label keeps its start and gets a hash of the whole tag.
     */
    public static String buildLabel(String buildTag) {
        String s = buildTag.replaceAll("[^A-Za-z0-9_.-]", "-").replaceAll("^[^A-Za-z0-9]+|[^A-Za-z0-9]+$", "");
        if (s.length() <= MAX_LENGTH && !s.isEmpty()) {
            return s;
        }
        String hash = sha256(buildTag).substring(0, 10);
        String head = s.substring(0, Math.min(s.length(), MAX_LENGTH - hash.length() - 1))
                .replaceAll("[^A-Za-z0-9]+$", "");
        return (head.isEmpty() ? "" : head + "-") + hash;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8))).toLowerCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
