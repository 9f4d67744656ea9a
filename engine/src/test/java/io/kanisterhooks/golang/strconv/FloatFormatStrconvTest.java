package io.kanisterhooks.golang.strconv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go's float printing ({@code %f}, {@code %v}), checked against values produced by Go itself. */
class FloatFormatStrconvTest {

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
}
