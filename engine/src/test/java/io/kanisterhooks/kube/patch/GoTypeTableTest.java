package io.kanisterhooks.kube.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kanisterhooks.golang.value.GoKind;
import io.kanisterhooks.golang.value.GoType;
import io.kanisterhooks.golang.value.StructField;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class GoTypeTableTest {

    @Test
    void everyTypeOfThePodTableBuilds() {
        GoTypeTable table = GoTypeTable.load("pod-types.txt");
        assertThat(table.names()).contains("Pod", "PodSpec", "Container", "Quantity").hasSizeGreaterThan(100);
        for (String name : table.names()) {
            assertThat(table.struct(name).kind()).as(name).isEqualTo(GoKind.STRUCT);
        }
    }

    @Test
    void fieldsAreSplitOnAnyRunOfWhitespace() {
        GoTypeTable table = GoTypeTable.parse("struct A\n\tports  []P\tmerge   containerPort\n  b\t*int64\nstruct P\n"
                + "  containerPort int32\n");
        GoType a = table.struct("A");
        StructField ports = a.fields().get(0);
        assertThat(ports.name()).isEqualTo("Ports");
        assertThat(ports.type().kind()).isEqualTo(GoKind.SLICE);
        assertThat(ports.tag("patchStrategy")).isEqualTo("merge");
        assertThat(ports.tag("patchMergeKey")).isEqualTo("containerPort");
        assertThat(a.fields().get(1).type().kind()).isEqualTo(GoKind.POINTER);
    }

    @Test
    void aStructIsBuiltWhenAskedForSoABadOneFailsThen() {
        GoTypeTable table = GoTypeTable.parse("struct Good\n  x string\nstruct Bad\n  y Missing\n");
        assertThat(table.struct("Good").fields()).hasSize(1);
        assertThatThrownBy(() -> table.struct("Bad")).hasMessage("unknown struct Missing");
        assertThatThrownBy(() -> GoTypeTable.parse("struct A\n  x y z w v\n")).hasMessageStartingWith("bad field line");
        assertThatThrownBy(() -> GoTypeTable.parse("type A\n")).hasMessageStartingWith("bad type line");
    }

    @Test
    void parallelCallersGetTheSameStruct() throws Exception {
        GoTypeTable table = GoTypeTable.load("pod-types.txt");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<GoType>> calls = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                calls.add(() -> table.struct("PodSpec"));
            }
            List<GoType> types = new ArrayList<>();
            for (Future<GoType> f : pool.invokeAll(calls)) {
                types.add(f.get());
            }
            assertThat(types).allSatisfy(t -> assertThat(t).isSameAs(types.get(0)));
        } finally {
            pool.shutdownNow();
        }
    }
}
