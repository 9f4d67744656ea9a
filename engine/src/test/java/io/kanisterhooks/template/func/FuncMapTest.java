package io.kanisterhooks.template.func;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Function maps, and functions declared by name and defined on first use. */
class FuncMapTest {

    private final AtomicInteger definitions = new AtomicInteger();

    /** Defines upper and lower, counting how often it runs. */
    private final Consumer<FuncMap> upperAndLower = m -> {
        definitions.incrementAndGet();
        m.define("upper", "func(string) string", a -> ((String) a[0]).toUpperCase());
        m.define("lower", "func(string) string", a -> ((String) a[0]).toLowerCase());
    };

    @Test
    void deferredFunctionsAreDefinedByTheFirstLookupOfOneOfThemAndOnlyOnce() {
        FuncMap m = new FuncMap().defineLater(List.of("upper", "lower"), upperAndLower);

        assertThat(m.contains("upper")).isTrue();
        assertThat(m.contains("title")).isFalse();
        assertThat(m.get("title")).isNull();
        assertThat(definitions).hasValue(0);

        assertThat(m.get("upper").call("go")).isEqualTo("GO");
        assertThat(m.get("lower").call("GO")).isEqualTo("go");
        assertThat(m.get("upper").signature().toString()).isEqualTo("func(string) string");
        assertThat(definitions).hasValue(1);
    }

    @Test
    void parallelFirstLookupsDefineThemOnceAndAllSeeTheSameFunction() throws Exception {
        FuncMap m = new FuncMap().defineLater(List.of("upper", "lower"), upperAndLower);
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<TemplateFunction>> lookups = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String name = i % 2 == 0 ? "upper" : "lower";
                lookups.add(pool.submit(() -> {
                    start.await();
                    return m.get(name);
                }));
            }
            start.countDown();
            for (int i = 0; i < threads; i++) {
                assertThat(lookups.get(i).get(10, TimeUnit.SECONDS)).isSameAs(m.get(i % 2 == 0 ? "upper" : "lower"));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(definitions).hasValue(1);
    }

    @Test
    void namesThatDifferFromWhatIsDefinedAreAnErrorAtDefinition() {
        FuncMap missing = new FuncMap().defineLater(List.of("upper", "lower", "title"), upperAndLower);
        assertThatThrownBy(() -> missing.get("upper")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("[upper, lower, title]").hasMessageContaining("[upper, lower]");

        FuncMap extra = new FuncMap().defineLater(List.of("upper"), upperAndLower);
        assertThatThrownBy(() -> extra.get("upper")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void laterEntriesWinWhetherDeferredOrNot() {
        FuncMap deferredFirst = new FuncMap().defineLater(List.of("upper", "lower"), upperAndLower)
                .define("upper", "func(string) string", a -> "shadowed");
        assertThat(deferredFirst.get("upper").call("go")).isEqualTo("shadowed");
        assertThat(definitions).hasValue(0);
        assertThat(deferredFirst.get("lower").call("GO")).isEqualTo("go");

        FuncMap deferredLast = new FuncMap().define("upper", "func(string) string", a -> "shadowed")
                .defineLater(List.of("upper", "lower"), upperAndLower);
        assertThat(deferredLast.get("upper").call("go")).isEqualTo("GO");
    }

    @Test
    void aCopyKeepsTheFunctionsDeferredAndSharesTheirDefinition() {
        FuncMap shared = new FuncMap().defineLater(List.of("upper", "lower"), upperAndLower);
        FuncMap extended = new FuncMap().putAll(shared).define("title", "func(string) string", a -> a[0]);

        assertThat(extended.contains("lower")).isTrue();
        assertThat(definitions).hasValue(0);
        assertThat(extended.get("upper")).isSameAs(shared.get("upper"));
        assertThat(definitions).hasValue(1);
    }

    @Test
    void asMapDefinesEverythingInTheOrderItWasAdded() {
        FuncMap m = new FuncMap().define("title", "func(string) string", a -> a[0])
                .defineLater(List.of("upper", "lower"), upperAndLower);
        assertThat(m.asMap()).containsOnlyKeys("title", "upper", "lower");
        assertThat(m.asMap().keySet()).containsExactly("title", "upper", "lower");
        assertThat(definitions).hasValue(1);
    }

    @Test
    void aDeclaredNameMustBeAnIdentifier() {
        assertThatThrownBy(() -> new FuncMap().defineLater(List.of("upper", "not-a-name"), upperAndLower))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not-a-name");
    }
}
