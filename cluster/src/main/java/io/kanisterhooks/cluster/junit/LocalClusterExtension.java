package io.kanisterhooks.cluster.junit;

import io.kanisterhooks.cluster.LocalCluster;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 access to the local Kubernetes cluster: {@code @ExtendWith(LocalClusterExtension.class)}, then declare a
 * {@link KubeTestContext} parameter (test method: a namespace per test; {@code @BeforeAll}: one per class) or a
 * {@link LocalCluster} parameter. One cluster serves the whole JVM (see {@link SharedCluster}).
 */
public final class LocalClusterExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace STORE =
            ExtensionContext.Namespace.create(LocalClusterExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == KubeTestContext.class || type == LocalCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (parameter.getParameter().getType() == LocalCluster.class) {
            return SharedCluster.get();
        }
        // stored in the test's (or class's) context: JUnit closes it, deleting the namespace, when that context ends
        return context.getStore(STORE).getOrComputeIfAbsent(KubeTestContext.class,
                k -> KubeTestContext.create(SharedCluster.get(), hint(context)), KubeTestContext.class);
    }

    private static String hint(ExtensionContext context) {
        return context.getTestMethod().map(m -> m.getName())
                .orElseGet(() -> context.getTestClass().map(Class::getSimpleName).orElse("test"));
    }
}
