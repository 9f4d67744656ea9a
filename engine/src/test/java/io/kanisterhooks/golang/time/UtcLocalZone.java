package io.kanisterhooks.golang.time;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class with Go's {@code time.Local} pinned to UTC (as the recorded Go facts were) and restores the
 * previous zone afterwards. Use with {@code @ExtendWith(UtcLocalZone.class)}.
 */
public final class UtcLocalZone implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(UtcLocalZone.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).put("saved", GoLocation.local());
        GoLocation.setLocal(GoLocation.UTC);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        GoLocation.setLocal(context.getStore(NAMESPACE).get("saved", GoLocation.class));
    }
}
