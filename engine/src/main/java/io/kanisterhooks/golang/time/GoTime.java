package io.kanisterhooks.golang.time;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import io.kanisterhooks.golang.value.GoType;
import io.kanisterhooks.golang.value.GoValue;
import java.util.Objects;

/**
 * Go's {@code time.Time}: an instant (Unix seconds and nanoseconds), the location it is presented in and, for values
 * from {@link #now()}, a monotonic clock reading that only {@link #toString()} and comparisons look at.
 */
public final class GoTime implements GoValue {

    /** Unix seconds of Go's zero time, January 1, year 1, 00:00:00 UTC. */
    static final long ZERO_UNIX = -62135596800L;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long PROCESS_START = System.nanoTime();

    /** The zero {@code time.Time}. */
    public static final GoTime ZERO = new GoTime(ZERO_UNIX, 0, GoLocation.UTC, false, 0);

    private final long unix;
    private final int nanos;
    private final GoLocation location;
    private final boolean hasMonotonic;
    private final long monotonic;

    private GoTime(long unix, int nanos, GoLocation location, boolean hasMonotonic, long monotonic) {
        this.unix = unix;
        this.nanos = nanos;
        this.location = Objects.requireNonNull(location);
        this.hasMonotonic = hasMonotonic;
        this.monotonic = monotonic;
    }

    /** Go's {@code time.Now()}, in {@code Local}, with a monotonic reading relative to process start. */
    public static GoTime now() {
        Instant instant = Instant.now();
        long mono = System.nanoTime() - PROCESS_START;
        return new GoTime(instant.getEpochSecond(), instant.getNano(), GoLocation.local(), true, mono);
    }

    /** Go's {@code time.Unix(sec, nsec)}, in {@code Local}. */
    public static GoTime unix(long seconds, long nanoseconds) {
        if (nanoseconds < 0 || nanoseconds >= NANOS_PER_SECOND) {
            seconds += Math.floorDiv(nanoseconds, NANOS_PER_SECOND);
            nanoseconds = Math.floorMod(nanoseconds, NANOS_PER_SECOND);
        }
        return new GoTime(seconds, (int) nanoseconds, GoLocation.local(), false, 0);
    }

    /** Go's {@code time.Date}, normalising out-of-range fields the way Go does. */
    public static GoTime date(long year, long month, long day, long hour, long minute, long second, long nanosecond,
            GoLocation location) {
        long m = month - 1;
        year += Math.floorDiv(m, 12);
        m = Math.floorMod(m, 12);
        second += Math.floorDiv(nanosecond, NANOS_PER_SECOND);
        nanosecond = Math.floorMod(nanosecond, NANOS_PER_SECOND);
        minute += Math.floorDiv(second, 60);
        second = Math.floorMod(second, 60);
        hour += Math.floorDiv(minute, 60);
        minute = Math.floorMod(minute, 60);
        day += Math.floorDiv(hour, 24);
        hour = Math.floorMod(hour, 24);
        long days = LocalDate.of(Math.toIntExact(year), (int) m + 1, 1).toEpochDay() + day - 1;
        long wall = days * 86400 + hour * 3600 + minute * 60 + second;
        // Go looks the offset up at the wall time read as UTC, then again at the corrected instant.
        long unix = wall;
        int offset = location.offsetAt(wall);
        if (offset != 0) {
            unix = wall - location.offsetAt(wall - offset);
        }
        return new GoTime(unix, (int) nanosecond, location, false, 0);
    }

    /** Go's {@code time.Parse}: no zone in the value means UTC; zone names and offsets are matched against Local. */
    public static GoTime parse(String layout, String value) throws GoTimeException {
        return GoTimeParser.parse(layout, value, GoLocation.UTC, GoLocation.local());
    }

    /** Go's {@code time.ParseInLocation}. */
    public static GoTime parseInLocation(String layout, String value, GoLocation location) throws GoTimeException {
        return GoTimeParser.parse(layout, value, location, location);
    }

    public GoLocation location() {
        return location;
    }

    /** Unix seconds ({@code t.Unix()}). */
    public long unix() {
        return unix;
    }

    /** {@code t.UnixNano()}, wrapping on overflow like Go. */
    public long unixNano() {
        return unix * NANOS_PER_SECOND + nanos;
    }

    public long unixMilli() {
        return unix * 1000 + nanos / 1_000_000;
    }

    public long unixMicro() {
        return unix * 1_000_000 + nanos / 1000;
    }

    public boolean hasMonotonic() {
        return hasMonotonic;
    }

    private LocalDateTime wall() {
        return LocalDateTime.ofEpochSecond(unix + offset(), nanos, ZoneOffset.UTC);
    }

    /** Offset of the location at this instant, in seconds east of UTC. */
    public int offset() {
        return location.offsetAt(unix);
    }

    /** The zone abbreviation in effect ({@code name} of {@code t.Zone()}). */
    public String zoneName() {
        return location.abbreviationAt(unix);
    }

    public int year() {
        return wall().getYear();
    }

    /** Month 1..12. */
    public int month() {
        return wall().getMonthValue();
    }

    public int day() {
        return wall().getDayOfMonth();
    }

    public int hour() {
        return wall().getHour();
    }

    public int minute() {
        return wall().getMinute();
    }

    public int second() {
        return wall().getSecond();
    }

    public int nanosecond() {
        return nanos;
    }

    /** Weekday with Go's numbering: Sunday = 0. */
    public int weekday() {
        return wall().getDayOfWeek().getValue() % 7;
    }

    public int yearDay() {
        return wall().getDayOfYear();
    }

    public GoTime in(GoLocation loc) {
        return new GoTime(unix, nanos, loc, false, 0);
    }

    public GoTime utc() {
        return in(GoLocation.UTC);
    }

    public GoTime local() {
        return in(GoLocation.local());
    }

    /** {@code t.Add(d)}: both the wall and the monotonic reading move. */
    public GoTime add(long durationNanos) {
        long seconds = unix + durationNanos / NANOS_PER_SECOND;
        long n = nanos + durationNanos % NANOS_PER_SECOND;
        if (n >= NANOS_PER_SECOND) {
            seconds++;
            n -= NANOS_PER_SECOND;
        } else if (n < 0) {
            seconds--;
            n += NANOS_PER_SECOND;
        }
        return new GoTime(seconds, (int) n, location, hasMonotonic, monotonic + durationNanos);
    }

    /** {@code t.AddDate(years, months, days)}. */
    public GoTime addDate(long years, long months, long days) {
        LocalDateTime w = wall();
        return date(w.getYear() + years, w.getMonthValue() + months, w.getDayOfMonth() + days, w.getHour(),
                w.getMinute(), w.getSecond(), nanos, location);
    }

    /** {@code t.Sub(u)} in nanoseconds, saturating like Go. */
    public long sub(GoTime u) {
        if (hasMonotonic && u.hasMonotonic) {
            return monotonic - u.monotonic;
        }
        BigInteger d = BigInteger.valueOf(unix).subtract(BigInteger.valueOf(u.unix))
                .multiply(BigInteger.valueOf(NANOS_PER_SECOND)).add(BigInteger.valueOf(nanos - u.nanos));
        if (d.bitLength() > 63) {
            return d.signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        return d.longValue();
    }

    public boolean after(GoTime u) {
        return compareInstant(u) > 0;
    }

    public boolean before(GoTime u) {
        return compareInstant(u) < 0;
    }

    /** {@code t.Equal(u)}: same instant, whatever the location. */
    public boolean equalInstant(GoTime u) {
        return compareInstant(u) == 0;
    }

    private int compareInstant(GoTime u) {
        if (hasMonotonic && u.hasMonotonic) {
            return Long.compare(monotonic, u.monotonic);
        }
        int c = Long.compare(unix, u.unix);
        return c != 0 ? c : Integer.compare(nanos, u.nanos);
    }

    public boolean isZero() {
        return unix == ZERO_UNIX && nanos == 0;
    }

    /** {@code t.Truncate(d)}: rounds down to a multiple of d since the zero time; d &lt;= 0 only strips. */
    public GoTime truncate(long durationNanos) {
        GoTime stripped = new GoTime(unix, nanos, location, false, 0);
        if (durationNanos <= 0) {
            return stripped;
        }
        return stripped.add(-sinceZero().mod(BigInteger.valueOf(durationNanos)).longValueExact());
    }

    /** {@code t.Round(d)}: rounds half up to a multiple of d since the zero time; d &lt;= 0 only strips. */
    public GoTime round(long durationNanos) {
        GoTime stripped = new GoTime(unix, nanos, location, false, 0);
        if (durationNanos <= 0) {
            return stripped;
        }
        long r = sinceZero().mod(BigInteger.valueOf(durationNanos)).longValueExact();
        if (Long.compareUnsigned(r + r, durationNanos) < 0) {
            return stripped.add(-r);
        }
        return stripped.add(durationNanos - r);
    }

    private BigInteger sinceZero() {
        return BigInteger.valueOf(unix - ZERO_UNIX).multiply(BigInteger.valueOf(NANOS_PER_SECOND))
                .add(BigInteger.valueOf(nanos));
    }

    /** {@code t.Format(layout)}. */
    public String format(String layout) {
        return GoTimeFormat.format(this, layout);
    }

    /** Go's {@code t.String()}, with the {@code m=±s.nnnnnnnnn} suffix when there is a monotonic reading. */
    @Override
    public String toString() {
        String s = format("2006-01-02 15:04:05.999999999 -0700 MST");
        if (!hasMonotonic) {
            return s;
        }
        long m = monotonic;
        String sign = m < 0 ? "-" : "+";
        m = Math.abs(m);
        return s + String.format(" m=%s%d.%09d", sign, m / NANOS_PER_SECOND, m % NANOS_PER_SECOND);
    }

    /** Go's {@code t.MarshalJSON()} text (RFC 3339 with nanoseconds, quoted). */
    public String marshalJson() throws GoTimeException {
        int y = year();
        if (y < 0 || y >= 10000) {
            throw new GoTimeException("Time.MarshalJSON: year outside of range [0,9999]");
        }
        return '"' + format("2006-01-02T15:04:05.999999999Z07:00") + '"';
    }

    @Override
    public GoType goType() {
        return GoTimeTypes.TIME;
    }

    /** Go's {@code ==} on Time values: instant, location and monotonic reading. */
    @Override
    public boolean equals(Object o) {
        return o instanceof GoTime t && unix == t.unix && nanos == t.nanos && location == t.location
                && hasMonotonic == t.hasMonotonic && monotonic == t.monotonic;
    }

    @Override
    public int hashCode() {
        return Objects.hash(unix, nanos, location.name());
    }
}
