package io.kanisterhooks.golang.time;

import io.kanisterhooks.golang.value.GoType;
import io.kanisterhooks.golang.value.GoValue;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.time.zone.ZoneRulesProvider;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.TimeZone;

/**
 * Go's {@code *time.Location}: a named zone whose offsets come from java.time and whose abbreviations come from the
 * tz database files Go itself reads (see {@link TzifZone}), falling back to Java's short names.
 */
public final class GoLocation implements GoValue {

    /** Go's {@code time.UTC}. */
    public static final GoLocation UTC = fixedZone("UTC", 0);

    private static volatile GoLocation local = forZone("Local", ZoneId.systemDefault());

    private final String name;
    private final ZoneRules rules;
    private final ZoneId zoneId;
    private final String fixedAbbreviation;
    private final TzifZone tzif;

    private GoLocation(String name, ZoneId zoneId, String fixedAbbreviation, TzifZone tzif) {
        this.name = name;
        this.zoneId = zoneId;
        this.rules = zoneId.getRules();
        this.fixedAbbreviation = fixedAbbreviation;
        this.tzif = tzif;
    }

    /** Go's {@code time.FixedZone(name, offset)}. */
    public static GoLocation fixedZone(String name, int offsetSeconds) {
        return new GoLocation(name, ZoneOffset.ofTotalSeconds(offsetSeconds), name, null);
    }

    /** A location named {@code name} following the rules of a java.time zone. */
    public static GoLocation forZone(String name, ZoneId zone) {
        if (zone instanceof ZoneOffset offset) {
            return new GoLocation(name, offset, offset.getTotalSeconds() == 0 ? "UTC" : "", null);
        }
        return new GoLocation(name, zone, null, TzifZone.load(zone.getId()).orElse(null));
    }

    /** Go's {@code time.Local}. */
    public static GoLocation local() {
        return local;
    }

    /**
     * Installs the location Go would see as {@code time.Local} (the process zone). Kanister renders in its pod's
     * zone; tests pin it. Like assigning {@code time.Local = loc} in Go, the location keeps its own name.
     */
    public static void setLocal(GoLocation location) {
        local = location;
    }

    /** Go's {@code time.LoadLocation}. */
    public static GoLocation load(String name) throws GoTimeException {
        if (name.isEmpty() || name.equals("UTC")) {
            return UTC;
        }
        if (name.equals("Local")) {
            return local;
        }
        if (name.contains("..") || name.charAt(0) == '/' || name.charAt(0) == '\\') {
            throw new GoTimeException("time: invalid location name");
        }
        if (!ZoneRulesProvider.getAvailableZoneIds().contains(name)) {
            throw new GoTimeException("unknown time zone " + name);
        }
        return forZone(name, ZoneId.of(name));
    }

    /** Go's {@code Location.String()}. */
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }

    public int offsetAt(long unixSeconds) {
        return rules.getOffset(instant(unixSeconds)).getTotalSeconds();
    }

    /** The zone abbreviation in effect at the instant, "" when Go would know none. */
    public String abbreviationAt(long unixSeconds) {
        if (fixedAbbreviation != null) {
            return fixedAbbreviation;
        }
        boolean dst = rules.isDaylightSavings(instant(unixSeconds));
        if (tzif != null) {
            return tzif.nameAt(unixSeconds, offsetAt(unixSeconds), dst);
        }
        return javaAbbreviation(dst);
    }

    /**
     * Go's {@code Location.lookupName}: the offset of a zone abbreviation in this location around the given time,
     * preferring an abbreviation actually in effect then.
     */
    public OptionalInt lookupName(String abbreviation, long unixSeconds) {
        if (fixedAbbreviation != null) {
            return fixedAbbreviation.equals(abbreviation)
                    ? OptionalInt.of(offsetAt(unixSeconds)) : OptionalInt.empty();
        }
        if (tzif != null) {
            for (TzifZone.ZoneType type : tzif.types()) {
                if (type.name().equals(abbreviation)
                        && abbreviationAt(unixSeconds - type.offset()).equals(abbreviation)) {
                    return OptionalInt.of(offsetAt(unixSeconds - type.offset()));
                }
            }
            for (TzifZone.ZoneType type : tzif.types()) {
                if (type.name().equals(abbreviation)) {
                    return OptionalInt.of(type.offset());
                }
            }
            return OptionalInt.empty();
        }
        Instant at = instant(unixSeconds);
        for (int offset : new int[] {rules.getStandardOffset(at).getTotalSeconds(),
                rules.getOffset(at).getTotalSeconds()}) {
            if (abbreviationAt(unixSeconds - offset).equals(abbreviation)) {
                return OptionalInt.of(offsetAt(unixSeconds - offset));
            }
        }
        return OptionalInt.empty();
    }

    /** Java's short display name, rewritten to the tz database's numeric style ("+0530") where Java says "GMT+05:30". */
    private String javaAbbreviation(boolean dst) {
        String javaName = TimeZone.getTimeZone(zoneId).getDisplayName(dst, TimeZone.SHORT, Locale.ROOT);
        if (javaName.startsWith("GMT") && javaName.length() == 9) {
            String hours = javaName.substring(3, 6);
            String minutes = javaName.substring(7, 9);
            return minutes.equals("00") ? hours : hours + minutes;
        }
        return javaName;
    }

    @Override
    public GoType goType() {
        return GoTimeTypes.LOCATION;
    }

    private static Instant instant(long unixSeconds) {
        long clamped = Math.max(Instant.MIN.getEpochSecond(), Math.min(Instant.MAX.getEpochSecond(), unixSeconds));
        return Instant.ofEpochSecond(clamped);
    }
}
