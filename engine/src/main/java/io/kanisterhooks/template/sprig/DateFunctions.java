package io.kanisterhooks.template.sprig;

import io.kanisterhooks.golang.errors.GoPanic;
import io.kanisterhooks.golang.time.GoDuration;
import io.kanisterhooks.golang.time.GoLocation;
import io.kanisterhooks.golang.time.GoTime;
import io.kanisterhooks.golang.time.GoTimeException;
import io.kanisterhooks.golang.time.GoTimeTypes;
import io.kanisterhooks.golang.value.GoInt;
import io.kanisterhooks.golang.value.GoPointer;
import io.kanisterhooks.golang.value.GoType;
import io.kanisterhooks.template.func.FuncMap;

/**
 * sprig v2.22's date functions (date.go). Dates are formatted in the process's Local zone
 * ({@link GoLocation#local()}); unsupported inputs silently mean "now"; parse and duration errors are swallowed.
 */
final class DateFunctions {

    private DateFunctions() {
    }

    static void register(FuncMap m) {
        // The signatures name time.Time, which must be defined first.
        GoType timeType = GoTimeTypes.TIME;
        String time = timeType.name();
        m.define("date", "func(string, interface {}) string", a -> dateInZone((String) a[0], a[1], "Local"));
        m.define("date_in_zone", "func(string, interface {}, string) string",
                a -> dateInZone((String) a[0], a[1], (String) a[2]));
        m.define("dateInZone", "func(string, interface {}, string) string",
                a -> dateInZone((String) a[0], a[1], (String) a[2]));
        m.define("date_modify", "func(string, " + time + ") " + time, a -> dateModify((String) a[0], (GoTime) a[1]));
        m.define("dateModify", "func(string, " + time + ") " + time, a -> dateModify((String) a[0], (GoTime) a[1]));
        m.define("now", "func() " + time, a -> GoTime.now());
        m.define("htmlDate", "func(interface {}) string", a -> dateInZone("2006-01-02", a[0], "Local"));
        m.define("htmlDateInZone", "func(interface {}, string) string",
                a -> dateInZone("2006-01-02", a[0], (String) a[1]));
        m.define("ago", "func(interface {}) string", a -> ago(a[0]));
        m.define("toDate", "func(string, string) " + time, a -> toDate((String) a[0], (String) a[1]));
        m.define("unixEpoch", "func(" + time + ") string", a -> Long.toString(((GoTime) a[0]).unix()));
    }

    /** The time a date function formats: time.Time, *time.Time, or int/int32/int64 Unix seconds; else now. */
    private static GoTime timeOf(Object date, boolean acceptPointerAndInt32) {
        if (date instanceof GoTime t) {
            return t;
        }
        if (date instanceof Long seconds) {
            return GoTime.unix(seconds, 0);
        }
        if (date instanceof GoInt i && (i.goType() == GoType.INT || acceptPointerAndInt32 && i.goType() == GoType.INT32)) {
            return GoTime.unix(i.longValue(), 0);
        }
        if (acceptPointerAndInt32 && date instanceof GoPointer p && p.goType().elem() == GoTimeTypes.TIME) {
            if (p.isNil()) {
                throw GoPanic.nilDereference();
            }
            return (GoTime) p.target();
        }
        return GoTime.now();
    }

    static String dateInZone(String layout, Object date, String zone) {
        GoTime t = timeOf(date, true);
        GoLocation loc;
        try {
            loc = GoLocation.load(zone);
        } catch (GoTimeException e) {
            loc = GoLocation.UTC;
        }
        return t.in(loc).format(layout);
    }

    private static GoTime dateModify(String duration, GoTime date) {
        try {
            return date.add(GoDuration.parse(duration));
        } catch (GoTimeException e) {
            return date;
        }
    }

    /** time.Since(t) rounded to seconds, as Go prints a Duration. */
    private static String ago(Object date) {
        GoTime t = timeOf(date, false);
        return GoDuration.format(GoDuration.round(GoTime.now().sub(t), GoDuration.SECOND));
    }

    private static GoTime toDate(String layout, String value) {
        try {
            return GoTime.parseInLocation(layout, value, GoLocation.local());
        } catch (GoTimeException e) {
            return GoTime.ZERO;
        }
    }
}
