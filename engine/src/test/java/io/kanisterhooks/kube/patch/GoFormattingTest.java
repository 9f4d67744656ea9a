package io.kanisterhooks.kube.patch;

import io.kanisterhooks.golang.json.UntypedValues;
import io.kanisterhooks.golang.sort.GoStableSort;
import io.kanisterhooks.golang.strconv.FloatFormat;
import io.kanisterhooks.golang.strings.GoStrings;
import io.kanisterhooks.secrets.SafeFormat;
import io.kanisterhooks.secrets.SecretKeys;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go's number and value printing, and its stable sort, checked against values produced by Go itself. */
class GoFormattingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0|0|0", "1|1|1", "1e6|1000000|1e+06", "123456|123456|123456", "1234567|1234567|1.234567e+06",
        "0.0001|0.0001|0.0001", "0.00001|0.00001|1e-05", "1.5e-7|0.00000015|1.5e-07",
        "3.141592653589793|3.141592653589793|3.141592653589793", "1e21|1000000000000000000000|1e+21",
        "1e20|100000000000000000000|1e+20", "100|100|100", "2.5|2.5|2.5", "0.1|0.1|0.1", "0.3|0.3|0.3",
        "123456789.123|123456789.123|1.23456789123e+08", "-2.5|-2.5|-2.5"})
    void floatsFormatLikeStrconv(double value, String f, String g) {
        assertThat(FloatFormat.format64F(value)).isEqualTo(f);
        assertThat(FloatFormat.format64G(value)).isEqualTo(g);
    }

    @Test
    void extremeFloats() {
        assertThat(FloatFormat.format64G(5e-324)).isEqualTo("5e-324");
        assertThat(FloatFormat.format64F(5e-324)).startsWith("0.000").endsWith("005").hasSize(326);
        assertThat(FloatFormat.format64G(Double.MAX_VALUE)).isEqualTo("1.7976931348623157e+308");
        assertThat(FloatFormat.format64F(Double.MAX_VALUE)).startsWith("17976931348623157000").hasSize(309);
        assertThat(FloatFormat.format64F(-0.0)).isEqualTo("-0");
        assertThat(FloatFormat.format64F(Double.NaN)).isEqualTo("NaN");
        assertThat(FloatFormat.format64G(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
        assertThat(FloatFormat.format64F(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
    }

    @Test
    void valuesPrintLikeFmtV() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "x");
        m.put("b", List.of(1L, 2.5, true));
        m.put("a", null);
        m.put("c", Map.of("z", 1e6));
        assertThat(UntypedValues.format(m)).isEqualTo("map[a:<nil> b:[1 2.5 true] c:map[z:1e+06] name:x]");
        assertThat(UntypedValues.format(List.of())).isEqualTo("[]");
        assertThat(UntypedValues.format(Map.of())).isEqualTo("map[]");
    }

    @Test
    void safeFormattingLeavesOutCredentialsAndLongStrings() {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("name", "DB_PASSWORD");
        env.put("value", "hunter2");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("env", List.of(env));
        m.put("token", "abc");
        m.put("secretName", "my-secret");
        m.put("imagePullSecrets", List.of(Map.of("name", "regcred")));
        m.put("note", "n".repeat(65));
        assertThat(SafeFormat.formatSafely(m)).isEqualTo("map[env:[map[name:DB_PASSWORD value:<redacted>]] "
                + "imagePullSecrets:[map[name:regcred]] note:<65 characters> secretName:my-secret token:<redacted>]");
        assertThat(SecretKeys.isSecretLike("awsSecretAccessKey")).isTrue();
        assertThat(SecretKeys.isSecretLike("passwordSecretRef")).isFalse();
        assertThat(SecretKeys.isSecretLike("image")).isFalse();
    }

    @Test
    void typeNamesAreGoTypes() {
        assertThat(UntypedValues.typeName(Map.of())).isEqualTo("map[string]interface {}");
        assertThat(UntypedValues.typeName(List.of())).isEqualTo("[]interface {}");
        assertThat(UntypedValues.typeName(1L)).isEqualTo("int64");
        assertThat(UntypedValues.typeName(1.5)).isEqualTo("float64");
        assertThat(UntypedValues.typeName("s")).isEqualTo("string");
        assertThat(UntypedValues.typeName(true)).isEqualTo("bool");
        assertThat(UntypedValues.kindName(List.of())).isEqualTo("slice");
    }

    @Test
    void foldingMatchesGoEqualFold() {
        assertThat(GoStrings.equalFold("apiVersion", "APIVERSION")).isTrue();
        assertThat(GoStrings.equalFold("kind", "\u212Aind")).isTrue();
        assertThat(GoStrings.equalFold("status", "\u017Ftatus")).isTrue();
        assertThat(GoStrings.equalFold("image", "\u0131mage")).isFalse();
        assertThat(GoStrings.equalFold("name", "names")).isFalse();
    }

    @Test
    void stableSortReproducesGoWithAnInconsistentComparison() throws PatchException {
        List<Integer> items = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            items.add((i * 17) % 45);
        }
        GoStableSort.sort(items, (i, j) -> {
            int a = rank(items.get(i));
            int b = a < 0 ? -1 : rank(items.get(j));
            return a < 0 || b < 0 || a < b;
        });
        // Output of sort.SliceStable with the same data and comparison.
        assertThat(items).containsExactly(28, 11, 39, 22, 5, 16, 44, 10, 38, 4, 32, 43, 26, 37, 20, 31, 14, 42, 8, 36,
                33, 27, 21, 15, 9, 3, 25, 19, 2, 30, 13, 41, 24, 7, 35, 18, 1, 29, 12, 40, 23, 6, 34, 17, 0);
    }

    @Test
    void stableSortIsAStableSortForProperComparisons() throws PatchException {
        Random random = new Random(42);
        for (int round = 0; round < 50; round++) {
            List<int[]> items = new ArrayList<>();
            for (int i = 0; i < random.nextInt(200); i++) {
                items.add(new int[] {random.nextInt(10), i});
            }
            List<int[]> expected = new ArrayList<>(items);
            expected.sort((x, y) -> Integer.compare(x[0], y[0]));
            GoStableSort.sort(items, (i, j) -> items.get(i)[0] < items.get(j)[0]);
            assertThat(items.stream().map(Arrays::toString).toList())
                    .isEqualTo(expected.stream().map(Arrays::toString).toList());
        }
    }

    private static int rank(int v) {
        return v % 3 != 0 ? -1 : 100 - v;
    }
}
