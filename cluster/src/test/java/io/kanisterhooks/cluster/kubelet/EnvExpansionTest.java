package io.kanisterhooks.cluster.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvExpansionTest {
    private final Map<String, String> vars = Map.of("A", "1", "B", "two");

    @Test
    void replacesDefinedReferences() {
        assertThat(EnvExpansion.expand("x$(A)y$(B)", vars)).isEqualTo("x1ytwo");
    }

    @Test
    void keepsUndefinedReferencesAndUnclosedOnes() {
        assertThat(EnvExpansion.expand("$(C) $(A", vars)).isEqualTo("$(C) $(A");
    }

    @Test
    void doubleDollarEscapes() {
        assertThat(EnvExpansion.expand("$$(A) $$ $", vars)).isEqualTo("$(A) $ $");
    }
}
