package io.kanisterhooks.template.sprig;

import static io.kanisterhooks.template.sprig.SprigValues.goInt;
import static io.kanisterhooks.template.sprig.SprigValues.longArg;
import static io.kanisterhooks.template.sprig.SprigValues.toFloat64;
import static io.kanisterhooks.template.sprig.SprigValues.toInt64;

import io.kanisterhooks.golang.errors.GoPanic;
import io.kanisterhooks.golang.fmt.GoFmt;
import io.kanisterhooks.golang.math.GoMath;
import io.kanisterhooks.golang.strconv.GoStrconv;
import io.kanisterhooks.golang.value.GoSlice;
import io.kanisterhooks.golang.value.GoType;
import io.kanisterhooks.template.func.FuncMap;
import io.kanisterhooks.template.func.FunctionLimits;
import java.util.ArrayList;
import java.util.List;

/**
 * sprig v2.22's number functions (numeric.go and the arithmetic of its function map): everything converts with
 * {@code toInt64} (floats truncate, strings parse base 10, anything else is 0) and computes in int64, wrapping
 * on overflow; division by zero panics.
 */
final class NumberFunctions {

    private NumberFunctions() {
    }

    static void register(FuncMap m) {
        m.define("atoi", "func(string) int", a -> goInt(GoStrconv.atoiIgnoringErrors((String) a[0])));
        m.define("int64", "func(interface {}) int64", a -> toInt64(a[0]));
        m.define("int", "func(interface {}) int", a -> goInt(toInt64(a[0])));
        m.define("float64", "func(interface {}) float64", a -> toFloat64(a[0]));
        m.define("toDecimal", "func(interface {}) int64", a -> {
            try {
                return GoStrconv.parseInt(GoFmt.sprint(a[0]), 8, 64);
            } catch (GoStrconv.NumError e) {
                return 0L;
            }
        });
        m.define("until", "func(int) []int", a -> {
            long count = longArg(a[0]);
            return untilStep(0, count, count < 0 ? -1 : 1);
        });
        m.define("untilStep", "func(int, int, int) []int",
                a -> untilStep(longArg(a[0]), longArg(a[1]), longArg(a[2])));
        m.define("add1", "func(interface {}) int64", a -> toInt64(a[0]) + 1);
        m.define("add", "func(...interface {}) int64", a -> {
            long sum = 0;
            for (Object v : a) {
                sum += toInt64(v);
            }
            return sum;
        });
        m.define("sub", "func(interface {}, interface {}) int64", a -> toInt64(a[0]) - toInt64(a[1]));
        m.define("div", "func(interface {}, interface {}) int64", a -> toInt64(a[0]) / divisor(a[1]));
        m.define("mod", "func(interface {}, interface {}) int64", a -> toInt64(a[0]) % divisor(a[1]));
        m.define("mul", "func(interface {}, ...interface {}) int64", a -> {
            long product = toInt64(a[0]);
            for (int i = 1; i < a.length; i++) {
                product *= toInt64(a[i]);
            }
            return product;
        });
        m.define("biggest", "func(interface {}, ...interface {}) int64", a -> extreme(a, true));
        m.define("max", "func(interface {}, ...interface {}) int64", a -> extreme(a, true));
        m.define("min", "func(interface {}, ...interface {}) int64", a -> extreme(a, false));
        m.define("ceil", "func(interface {}) float64", a -> Math.ceil(toFloat64(a[0])));
        m.define("floor", "func(interface {}) float64", a -> Math.floor(toFloat64(a[0])));
        m.define("round", "func(interface {}, int, ...float64) float64",
                a -> round(toFloat64(a[0]), longArg(a[1]), a.length > 2 ? (Double) a[2] : 0.5));
    }

    private static long divisor(Object v) {
        long d = toInt64(v);
        if (d == 0) {
            throw new GoPanic("runtime error: integer divide by zero");
        }
        return d;
    }

    private static long extreme(Object[] a, boolean biggest) {
        long best = toInt64(a[0]);
        for (int i = 1; i < a.length; i++) {
            long v = toInt64(a[i]);
            if (biggest ? v > best : v < best) {
                best = v;
            }
        }
        return best;
    }

    /** sprig's untilStep: counts from start towards stop (exclusive); a step of the wrong sign gives []. */
    static GoSlice untilStep(long start, long stop, long step) {
        if (step != 0 && (stop < start) == (step < 0)) {
            FunctionLimits.checkList(Math.abs((stop - start) / step));
        }
        List<Object> v = new ArrayList<>();
        if (stop < start) {
            if (step < 0) {
                for (long i = start; i > stop; i += step) {
                    v.add(goInt(i));
                }
            }
        } else if (step > 0) {
            for (long i = start; i < stop; i += step) {
                v.add(goInt(i));
            }
        }
        return GoSlice.of(GoType.SLICE_OF_INT, v);
    }

    /** sprig's round: scales by 10^places, then ceil if the fraction reaches roundOn, else floor. */
    static double round(double val, long places, double roundOn) {
        double pow = GoMath.pow10(places);
        double digit = pow * val;
        double frac = GoMath.modfFraction(digit);
        double rounded = frac >= roundOn ? Math.ceil(digit) : Math.floor(digit);
        return rounded / pow;
    }
}
