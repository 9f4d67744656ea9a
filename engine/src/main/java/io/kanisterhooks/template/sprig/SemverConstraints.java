package io.kanisterhooks.template.sprig;

import io.kanisterhooks.golang.errors.GoException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masterminds/semver v1.5.0 constraints as {@code semverCompare} uses them: {@code ||} of comma-separated
 * conditions, operators {@code = != > < >= => <= =< ~ ~> ^}, x/X/* wildcards, hyphen ranges, and prereleases only
 * matching constraints that carry a prerelease themselves.
 */
public final class SemverConstraints {

    /** A constraint version: like a version, but each numeric part may be a wildcard. */
    private static final String CONSTRAINT_VERSION = "v?([0-9|x|X|\\*]+)(\\.[0-9|x|X|\\*]+)?(\\.[0-9|x|X|\\*]+)?"
            + "(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?"
            + "(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?";
    /** RE2's \s: no vertical tab, unlike Java's. */
    private static final String SPACE = "[\\t\\n\\f\\r ]";
    private static final Pattern CONSTRAINT = Pattern.compile("^" + SPACE + "*(>=|=>|<=|=<|!=|~>|=|>|<|~|\\^|)"
            + SPACE + "*(" + CONSTRAINT_VERSION + ")" + SPACE + "*$");
    private static final Pattern RANGE = Pattern.compile(SPACE + "*(" + CONSTRAINT_VERSION + ")" + SPACE + "+-"
            + SPACE + "+(" + CONSTRAINT_VERSION + ")" + SPACE + "*");

    private final List<List<Condition>> alternatives;

    private SemverConstraints(List<List<Condition>> alternatives) {
        this.alternatives = alternatives;
    }

    /** semver's {@code NewConstraint}. */
    public static SemverConstraints parse(String text) throws GoException {
        List<List<Condition>> ors = new ArrayList<>();
        for (String or : rewriteRanges(text).split("\\|\\|", -1)) {
            List<Condition> ands = new ArrayList<>();
            for (String and : or.split(",", -1)) {
                ands.add(Condition.parse(and));
            }
            ors.add(ands);
        }
        return new SemverConstraints(ors);
    }

    /** "1.2 - 1.4.5" becomes "&gt;= 1.2, &lt;= 1.4.5". */
    private static String rewriteRanges(String text) {
        Matcher m = RANGE.matcher(text);
        String out = text;
        while (m.find()) {
            out = out.replaceFirst(Pattern.quote(m.group()), Matcher.quoteReplacement(">= " + m.group(1) + ", <= "
                    + m.group(11)));
        }
        return out;
    }

    /** semver's {@code Check}: some alternative whose conditions all hold. */
    public boolean check(SemverVersion v) {
        for (List<Condition> ands : alternatives) {
            if (ands.stream().allMatch(c -> c.check(v))) {
                return true;
            }
        }
        return false;
    }

    private record Condition(String op, SemverVersion con, boolean dirty, boolean minorDirty, boolean patchDirty) {

        static Condition parse(String text) throws GoException {
            Matcher m = CONSTRAINT.matcher(text);
            if (!m.matches()) {
                throw new GoException("improper constraint: " + text);
            }
            String ver = m.group(2);
            String major = m.group(3);
            String minor = nullToEmpty(m.group(4));
            String patch = nullToEmpty(m.group(5));
            String pre = nullToEmpty(m.group(6));
            boolean dirty = false;
            boolean minorDirty = false;
            boolean patchDirty = false;
            if (isX(major)) {
                ver = "0.0.0";
                dirty = true;
            } else if (isX(trimDot(minor)) || minor.isEmpty()) {
                minorDirty = true;
                dirty = true;
                ver = major + ".0.0" + pre;
            } else if (isX(trimDot(patch))) {
                dirty = true;
                patchDirty = true;
                ver = major + minor + ".0" + pre;
            }
            SemverVersion con;
            try {
                con = SemverVersion.parse(ver);
            } catch (GoException e) {
                throw new GoException("constraint Parser Error");
            }
            return new Condition(m.group(1), con, dirty, minorDirty, patchDirty);
        }

        private static String nullToEmpty(String s) {
            return s == null ? "" : s;
        }

        private static String trimDot(String s) {
            return s.startsWith(".") ? s.substring(1) : s;
        }

        private static boolean isX(String s) {
            return s.equals("x") || s.equals("X") || s.equals("*");
        }

        boolean check(SemverVersion v) {
            if (op.equals("!=") && !dirty) {
                // The one operator v1.5 lets prereleases through.
                return !v.equalTo(con);
            }
            if (!v.prerelease().isEmpty() && con.prerelease().isEmpty()) {
                return false;
            }
            return switch (op) {
                case "", "=" -> dirty ? tilde(v) : v.equalTo(con);
                case "!=" -> con.major() != v.major() || con.minor() != v.minor() && !minorDirty;
                case ">" -> v.compareTo(con) == 1;
                case "<" -> dirty ? withinWildcardUpperBound(v) : v.compareTo(con) < 0;
                case ">=", "=>" -> v.compareTo(con) >= 0;
                case "<=", "=<" -> dirty ? withinWildcardUpperBound(v) : v.compareTo(con) <= 0;
                case "~", "~>" -> tilde(v);
                default -> !v.lessThan(con) && v.major() == con.major();
            };
        }

        private boolean withinWildcardUpperBound(SemverVersion v) {
            if (v.major() > con.major()) {
                return false;
            }
            return !(v.minor() > con.minor() && !minorDirty);
        }

        private boolean tilde(SemverVersion v) {
            if (v.lessThan(con)) {
                return false;
            }
            if (con.major() == 0 && con.minor() == 0 && con.patch() == 0 && !minorDirty && !patchDirty) {
                return true;
            }
            if (v.major() != con.major()) {
                return false;
            }
            return v.minor() == con.minor() || minorDirty;
        }
    }
}
