package io.kanisterhooks.template.sprig;

import static io.kanisterhooks.golang.errors.GoException.toGoError;

import io.kanisterhooks.golang.value.GoType;
import io.kanisterhooks.template.func.FuncMap;

/** sprig v2.22's semver functions over Masterminds/semver v1.5.0. */
final class SemverFunctions {

    private SemverFunctions() {
    }

    static void register(FuncMap m) {
        // The signature names *semver.Version, which must be defined first.
        GoType versionType = SemverVersion.TYPE;
        m.define("semver", "func(string) (" + versionType.name() + ", error)",
                a -> toGoError(() -> SemverVersion.parse((String) a[0])).pointer());
        m.define("semverCompare", "func(string, string) (bool, error)", a -> toGoError(
                () -> SemverConstraints.parse((String) a[0]).check(SemverVersion.parse((String) a[1]))));
    }
}
