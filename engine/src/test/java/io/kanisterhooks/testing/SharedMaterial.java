package io.kanisterhooks.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The read-only reference material kept next to the project ({@code ../shared}: Kanister examples, specs). Tests that
 * need it are skipped, with a message saying so, where it is absent.
 */
public final class SharedMaterial {

    private SharedMaterial() {
    }

    public static Path require(String relative) {
        String configured = System.getenv("KANISTER_HOOKS_SHARED");
        if (configured == null) {
            configured = System.getProperty("kanisterhooks.shared", "../shared");
        }
        Path p = Path.of(configured).resolve(relative).normalize();
        assumeTrue(Files.exists(p), "skipped: reference material " + p + " is absent (../shared is not next to this "
                + "checkout; set KANISTER_HOOKS_SHARED to its location)");
        return p;
    }
}
