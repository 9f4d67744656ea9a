package io.kanisterhooks.template.sprig;

import io.kanisterhooks.template.func.FuncMap;
import java.util.List;

/**
 * Kanister's {@code ksprig.TxtFuncMap()}: the 150 functions of sprig v2.22.0's {@code TxtFuncMap()} with their
 * Go signatures, {@code derivePassword} and {@code genPrivateKey} replaced by Kanister's FIPS versions. Nothing
 * else exists: sprig v3 names ({@code get}, {@code dig}, {@code toRawJson}, {@code must*}, ...) stay undefined.
 */
public final class KanisterSprig {

    private static final FuncMap FUNCS = build();

    private KanisterSprig() {
    }

    /** The shared function map (do not modify it; copy it with {@link FuncMap#putAll} to extend). */
    public static FuncMap funcMap() {
        return FUNCS;
    }

    /**
     * Which file defines which functions. Each file's functions are defined when a template first names one of them:
     * linking all 150 function bodies took a fresh CLI ≈ 60 ms, most of which a blueprint that names a few functions
     * does not need. The names are checked against what the file defines when it does.
     */
    private static FuncMap build() {
        return new FuncMap()
                .defineLater(List.of("hello", "abbrev", "abbrevboth", "trunc", "trim", "upper", "lower", "title",
                        "untitle", "substr", "repeat", "trimall", "trimAll", "trimSuffix", "trimPrefix", "nospace",
                        "initials", "randAlphaNum", "randAlpha", "randAscii", "randNumeric", "swapcase", "shuffle",
                        "snakecase", "camelcase", "kebabcase", "wrap", "wrapWith", "contains", "hasPrefix", "hasSuffix",
                        "quote", "squote", "cat", "indent", "nindent", "replace", "plural", "toString", "split",
                        "splitList", "splitn", "toStrings", "join", "sortAlpha"), StringFunctions::register)
                .defineLater(List.of("atoi", "int64", "int", "float64", "toDecimal", "until", "untilStep", "add1",
                        "add", "sub", "div", "mod", "mul", "biggest", "max", "min", "ceil", "floor",
                        "round"), NumberFunctions::register)
                .defineLater(List.of("tuple", "list", "append", "push", "prepend", "first", "last", "rest", "initial",
                        "reverse", "compact", "uniq", "without", "has", "slice", "concat"), ListFunctions::register)
                .defineLater(List.of("dict", "set", "unset", "hasKey", "pluck", "keys", "pick", "omit", "merge",
                        "mergeOverwrite", "values"), DictFunctions::register)
                .defineLater(List.of("default", "empty", "coalesce", "deepCopy", "toJson", "toPrettyJson", "ternary",
                        "typeOf", "typeIs", "typeIsLike", "kindOf", "kindIs", "deepEqual",
                        "fail"), ValueFunctions::register)
                .defineLater(List.of("env", "expandenv", "getHostByName", "base", "dir", "clean", "ext",
                        "isAbs"), OsFunctions::register)
                .defineLater(List.of("b64enc", "b64dec", "b32enc", "b32dec", "sha1sum", "sha256sum", "adler32sum",
                        "uuidv4", "urlParse", "urlJoin"), EncodingFunctions::register)
                .defineLater(List.of("regexMatch", "regexFindAll", "regexFind", "regexReplaceAll",
                        "regexReplaceAllLiteral", "regexSplit"), RegexFunctions::register)
                .defineLater(List.of("semver", "semverCompare"), SemverFunctions::register)
                .defineLater(List.of("genPrivateKey", "derivePassword", "buildCustomCert", "genCA", "genSelfSignedCert",
                        "genSignedCert", "encryptAES", "decryptAES"), CryptoFunctions::register)
                .defineLater(List.of("date", "date_in_zone", "dateInZone", "date_modify", "dateModify", "now",
                        "htmlDate", "htmlDateInZone", "ago", "toDate", "unixEpoch"), DateFunctions::register);
    }
}
