package io.kanisterhooks.template.sprig;

import io.kanisterhooks.golang.errors.GoException;
import io.kanisterhooks.golang.errors.GoPanic;
import io.kanisterhooks.golang.json.GoJson;
import io.kanisterhooks.golang.value.GoInt;
import io.kanisterhooks.golang.value.GoPointer;
import io.kanisterhooks.golang.value.GoType;
import io.kanisterhooks.golang.value.GoValue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masterminds/semver v1.5.0's {@code *Version}: a loosely parsed semantic version ("v" prefix and missing minor or
 * patch allowed). The accessor names follow the Go methods templates call ({@code .Major}, {@code .Prerelease}, ...).
 */
public final class SemverVersion implements GoValue, Comparable<SemverVersion> {

    /** {@code semver.Version}, the struct; templates only see pointers to it ({@link #TYPE}). */
    public static final GoType STRUCT = GoType.struct("semver.Version").build();
    /** {@code *semver.Version}, what {@code semver} returns. */
    public static final GoType TYPE = GoType.pointerTo(STRUCT);

    static {
        TYPE.defineMethod("Major", "func() int64", (r, a) -> of(r).major);
        TYPE.defineMethod("Minor", "func() int64", (r, a) -> of(r).minor);
        TYPE.defineMethod("Patch", "func() int64", (r, a) -> of(r).patch);
        TYPE.defineMethod("Prerelease", "func() string", (r, a) -> of(r).prerelease);
        TYPE.defineMethod("Metadata", "func() string", (r, a) -> of(r).metadata);
        TYPE.defineMethod("Original", "func() string", (r, a) -> of(r).original);
        TYPE.defineMethod("String", "func() string", (r, a) -> of(r).toString());
        TYPE.defineMethod("LessThan", "func(*semver.Version) bool", (r, a) -> of(r).lessThan(of(a[0])));
        TYPE.defineMethod("GreaterThan", "func(*semver.Version) bool", (r, a) -> of(r).greaterThan(of(a[0])));
        TYPE.defineMethod("Equal", "func(*semver.Version) bool", (r, a) -> of(r).equalTo(of(a[0])));
        TYPE.defineMethod("Compare", "func(*semver.Version) int", (r, a) -> GoInt.ofInt(of(r).compareTo(of(a[0]))));
        TYPE.defineMethod("MarshalJSON", "func() ([]uint8, error)", (r, a) -> GoJson.marshal(of(r).toString()));
    }

    /**
     * The version behind a {@code *semver.Version} (method receivers may arrive as the pointer or, from the
     * executor, already dereferenced); a nil pointer panics as Go's dereference would.
     */
    static SemverVersion of(Object pointer) {
        if (pointer instanceof SemverVersion v) {
            return v;
        }
        if (pointer instanceof GoPointer p && p.target() instanceof SemverVersion v) {
            return v;
        }
        throw GoPanic.nilDereference();
    }

    /** The {@code *semver.Version} template value. */
    GoPointer pointer() {
        return GoPointer.to(TYPE, this);
    }

    /** A version: optional "v", 1 to 3 numeric parts, optional prerelease and build metadata. */
    static final String VERSION_PATTERN = "v?([0-9]+)(\\.[0-9]+)?(\\.[0-9]+)?"
            + "(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?"
            + "(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?";

    private static final Pattern VERSION = Pattern.compile("^" + VERSION_PATTERN + "$");

    private final long major;
    private final long minor;
    private final long patch;
    private final String prerelease;
    private final String metadata;
    private final String original;

    private SemverVersion(long major, long minor, long patch, String prerelease, String metadata, String original) {
        this.major = major;
        this.minor = minor;
        this.patch = patch;
        this.prerelease = prerelease;
        this.metadata = metadata;
        this.original = original;
    }

    /** semver's {@code NewVersion}. */
    public static SemverVersion parse(String v) throws GoException {
        Matcher m = VERSION.matcher(v);
        if (!m.matches()) {
            throw new GoException("Invalid Semantic Version");
        }
        return new SemverVersion(segment(m.group(1)), optionalSegment(m.group(2)), optionalSegment(m.group(3)),
                nullToEmpty(m.group(5)), nullToEmpty(m.group(8)), v);
    }

    private static long optionalSegment(String dotted) throws GoException {
        return dotted == null ? 0 : segment(dotted.substring(1));
    }

    private static long segment(String digits) throws GoException {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new GoException("Error parsing version segment: strconv.ParseInt: parsing \"" + digits
                    + "\": value out of range");
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    public long major() {
        return major;
    }

    public long minor() {
        return minor;
    }

    public long patch() {
        return patch;
    }

    public String prerelease() {
        return prerelease;
    }

    public String metadata() {
        return metadata;
    }

    public String original() {
        return original;
    }

    /** "MAJOR.MINOR.PATCH[-PRE][+META]", what Go prints for a {@code *Version}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder().append(major).append('.').append(minor).append('.').append(patch);
        if (!prerelease.isEmpty()) {
            b.append('-').append(prerelease);
        }
        if (!metadata.isEmpty()) {
            b.append('+').append(metadata);
        }
        return b.toString();
    }

    public boolean lessThan(SemverVersion o) {
        return compareTo(o) < 0;
    }

    public boolean greaterThan(SemverVersion o) {
        return compareTo(o) > 0;
    }

    /** semver's {@code Equal}: same precedence (metadata ignored). */
    public boolean equalTo(SemverVersion o) {
        return compareTo(o) == 0;
    }

    /** semver's {@code Compare}: -1, 0 or 1; a release sorts after its prereleases. */
    @Override
    public int compareTo(SemverVersion o) {
        int d = Long.compare(major, o.major);
        if (d == 0) {
            d = Long.compare(minor, o.minor);
        }
        if (d == 0) {
            d = Long.compare(patch, o.patch);
        }
        if (d != 0) {
            return Integer.signum(d);
        }
        if (prerelease.isEmpty() && o.prerelease.isEmpty()) {
            return 0;
        }
        if (prerelease.isEmpty()) {
            return 1;
        }
        if (o.prerelease.isEmpty()) {
            return -1;
        }
        return comparePrerelease(prerelease, o.prerelease);
    }

    private static int comparePrerelease(String v, String o) {
        String[] sparts = v.split("\\.", -1);
        String[] oparts = o.split("\\.", -1);
        for (int i = 0; i < Math.max(sparts.length, oparts.length); i++) {
            int d = comparePrePart(i < sparts.length ? sparts[i] : "", i < oparts.length ? oparts[i] : "");
            if (d != 0) {
                return d;
            }
        }
        return 0;
    }

    /** Numeric identifiers compare numerically and sort before alphanumeric ones; a missing part sorts first. */
    private static int comparePrePart(String s, String o) {
        if (s.equals(o)) {
            return 0;
        }
        if (s.isEmpty()) {
            return -1;
        }
        if (o.isEmpty()) {
            return 1;
        }
        Long oi = parseUint(o);
        Long si = parseUint(s);
        if (oi == null && si == null) {
            return s.compareTo(o) > 0 ? 1 : -1;
        }
        if (oi == null) {
            return -1;
        }
        if (si == null) {
            return 1;
        }
        return Long.compareUnsigned(si, oi) > 0 ? 1 : -1;
    }

    private static Long parseUint(String s) {
        try {
            return Long.parseUnsignedLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public GoType goType() {
        return STRUCT;
    }

    /** Go's == on the structs: all fields. */
    @Override
    public boolean equals(Object o) {
        return o instanceof SemverVersion v && v.major == major && v.minor == minor && v.patch == patch
                && v.prerelease.equals(prerelease) && v.metadata.equals(metadata) && v.original.equals(original);
    }

    @Override
    public int hashCode() {
        return original.hashCode();
    }
}
