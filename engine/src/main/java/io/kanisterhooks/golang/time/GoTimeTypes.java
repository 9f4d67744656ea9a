package io.kanisterhooks.golang.time;

import io.kanisterhooks.golang.errors.GoError;
import io.kanisterhooks.golang.value.GoInt;
import io.kanisterhooks.golang.value.GoType;

/**
 * The Go types of the time package in the template value model, with the methods templates may call:
 * {@code time.Time} ({@code .Year}, {@code .Format "2006"}, {@code .Unix}, ...), {@code time.Duration},
 * {@code time.Month}, {@code time.Weekday} and {@code *time.Location}. Other code (e.g. Kubernetes'
 * {@code metav1.Time}, which embeds {@code time.Time}) must use these instead of defining its own.
 */
public final class GoTimeTypes {

    /** {@code time.Time}, a struct in Go (so {@code kindOf} says "struct"). */
    public static final GoType TIME = namedStruct("time.Time");
    /** {@code time.Duration}: int64 nanoseconds. */
    public static final GoType DURATION = named("time.Duration", GoType.INT64);
    /** {@code time.Month}: 1..12. */
    public static final GoType MONTH = named("time.Month", GoType.INT);
    /** {@code time.Weekday}: Sunday = 0. */
    public static final GoType WEEKDAY = named("time.Weekday", GoType.INT);
    /** {@code *time.Location}. */
    public static final GoType LOCATION = GoType.pointerTo(namedStruct("time.Location"));

    static {
        defineTimeMethods();
        defineDurationMethods();
        MONTH.defineMethod("String", "func() string",
                (r, a) -> monthName(((GoInt) r).longValue()));
        WEEKDAY.defineMethod("String", "func() string",
                (r, a) -> weekdayName(((GoInt) r).longValue()));
        LOCATION.defineMethod("String", "func() string", (r, a) -> ((GoLocation) r).name());
    }

    private GoTimeTypes() {
    }

    private static GoType namedStruct(String name) {
        GoType existing = GoType.lookup(name);
        return existing != null ? existing : GoType.struct(name).build();
    }

    private static GoType named(String name, GoType underlying) {
        GoType existing = GoType.lookup(name);
        return existing != null ? existing : GoType.named(name, underlying);
    }

    /** A {@code time.Duration} value. */
    public static GoInt duration(long nanos) {
        return GoInt.ofType(DURATION, nanos);
    }

    private static GoInt intValue(long v) {
        return GoInt.ofInt(v);
    }

    private static GoTime time(Object receiver) {
        return (GoTime) receiver;
    }

    private static void defineTimeMethods() {
        TIME.defineMethod("Year", "func() int", (r, a) -> intValue(time(r).year()));
        TIME.defineMethod("Month", "func() time.Month", (r, a) -> GoInt.ofType(MONTH, time(r).month()));
        TIME.defineMethod("Day", "func() int", (r, a) -> intValue(time(r).day()));
        TIME.defineMethod("Hour", "func() int", (r, a) -> intValue(time(r).hour()));
        TIME.defineMethod("Minute", "func() int", (r, a) -> intValue(time(r).minute()));
        TIME.defineMethod("Second", "func() int", (r, a) -> intValue(time(r).second()));
        TIME.defineMethod("Nanosecond", "func() int", (r, a) -> intValue(time(r).nanosecond()));
        TIME.defineMethod("Weekday", "func() time.Weekday", (r, a) -> GoInt.ofType(WEEKDAY, time(r).weekday()));
        TIME.defineMethod("YearDay", "func() int", (r, a) -> intValue(time(r).yearDay()));
        TIME.defineMethod("Unix", "func() int64", (r, a) -> time(r).unix());
        TIME.defineMethod("UnixNano", "func() int64", (r, a) -> time(r).unixNano());
        TIME.defineMethod("UnixMilli", "func() int64", (r, a) -> time(r).unixMilli());
        TIME.defineMethod("UnixMicro", "func() int64", (r, a) -> time(r).unixMicro());
        TIME.defineMethod("UTC", "func() time.Time", (r, a) -> time(r).utc());
        TIME.defineMethod("Local", "func() time.Time", (r, a) -> time(r).local());
        TIME.defineMethod("In", "func(*time.Location) time.Time", (r, a) -> {
            if (a[0] == null || !(a[0] instanceof GoLocation)) {
                throw new GoError("time: missing Location in call to Time.In");
            }
            return time(r).in((GoLocation) a[0]);
        });
        TIME.defineMethod("Location", "func() *time.Location", (r, a) -> time(r).location());
        TIME.defineMethod("Format", "func(string) string", (r, a) -> time(r).format((String) a[0]));
        TIME.defineMethod("Add", "func(time.Duration) time.Time",
                (r, a) -> time(r).add(((GoInt) a[0]).longValue()));
        TIME.defineMethod("AddDate", "func(int, int, int) time.Time", (r, a) -> time(r).addDate(
                ((GoInt) a[0]).longValue(), ((GoInt) a[1]).longValue(), ((GoInt) a[2]).longValue()));
        TIME.defineMethod("Sub", "func(time.Time) time.Duration", (r, a) -> duration(time(r).sub(time(a[0]))));
        TIME.defineMethod("After", "func(time.Time) bool", (r, a) -> time(r).after(time(a[0])));
        TIME.defineMethod("Before", "func(time.Time) bool", (r, a) -> time(r).before(time(a[0])));
        TIME.defineMethod("Equal", "func(time.Time) bool", (r, a) -> time(r).equalInstant(time(a[0])));
        TIME.defineMethod("IsZero", "func() bool", (r, a) -> time(r).isZero());
        TIME.defineMethod("Round", "func(time.Duration) time.Time",
                (r, a) -> time(r).round(((GoInt) a[0]).longValue()));
        TIME.defineMethod("Truncate", "func(time.Duration) time.Time",
                (r, a) -> time(r).truncate(((GoInt) a[0]).longValue()));
        TIME.defineMethod("String", "func() string", (r, a) -> time(r).toString());
        TIME.defineMethod("MarshalJSON", "func() ([]uint8, error)", (r, a) -> {
            try {
                return time(r).marshalJson();
            } catch (GoTimeException e) {
                throw new GoError(e.getMessage());
            }
        });
    }

    private static void defineDurationMethods() {
        DURATION.defineMethod("String", "func() string", (r, a) -> GoDuration.format(((GoInt) r).longValue()));
        DURATION.defineMethod("Hours", "func() float64", (r, a) -> inUnits(r, GoDuration.HOUR));
        DURATION.defineMethod("Minutes", "func() float64", (r, a) -> inUnits(r, GoDuration.MINUTE));
        DURATION.defineMethod("Seconds", "func() float64", (r, a) -> inUnits(r, GoDuration.SECOND));
        DURATION.defineMethod("Milliseconds", "func() int64",
                (r, a) -> ((GoInt) r).longValue() / GoDuration.MILLISECOND);
        DURATION.defineMethod("Microseconds", "func() int64",
                (r, a) -> ((GoInt) r).longValue() / GoDuration.MICROSECOND);
        DURATION.defineMethod("Nanoseconds", "func() int64", (r, a) -> ((GoInt) r).longValue());
        DURATION.defineMethod("Round", "func(time.Duration) time.Duration",
                (r, a) -> duration(GoDuration.round(((GoInt) r).longValue(), ((GoInt) a[0]).longValue())));
    }

    /** Go adds whole units and the remainder's fraction separately, to stay exact. */
    private static double inUnits(Object r, long unit) {
        long d = ((GoInt) r).longValue();
        return (double) (d / unit) + (double) (d % unit) / unit;
    }

    static String monthName(long m) {
        if (m >= 1 && m <= 12) {
            return GoTimeFormat.LONG_MONTH_NAMES[(int) m - 1];
        }
        return "%!Month(" + m + ")";
    }

    static String weekdayName(long d) {
        if (d >= 0 && d <= 6) {
            return GoTimeFormat.LONG_DAY_NAMES[(int) d];
        }
        return "%!Weekday(" + d + ")";
    }
}
