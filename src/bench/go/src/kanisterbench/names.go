package main

import "runtime"

// sprigV222Names are the 150 functions of sprig v2.22.0's TxtFuncMap, which is what Kanister's ksprig exposes.
var sprigV222Names = []string{
	"abbrev", "abbrevboth", "add", "add1", "adler32sum", "ago", "append", "atoi", "b32dec", "b32enc", "b64dec",
	"b64enc", "base", "biggest", "buildCustomCert", "camelcase", "cat", "ceil", "clean", "coalesce", "compact",
	"concat", "contains", "date", "dateInZone", "dateModify", "date_in_zone", "date_modify", "decryptAES",
	"deepCopy", "deepEqual", "default", "derivePassword", "dict", "dir", "div", "empty", "encryptAES", "env",
	"expandenv", "ext", "fail", "first", "float64", "floor", "genCA", "genPrivateKey", "genSelfSignedCert",
	"genSignedCert", "getHostByName", "has", "hasKey", "hasPrefix", "hasSuffix", "hello", "htmlDate",
	"htmlDateInZone", "indent", "initial", "initials", "int", "int64", "isAbs", "join", "kebabcase", "keys",
	"kindIs", "kindOf", "last", "list", "lower", "max", "merge", "mergeOverwrite", "min", "mod", "mul",
	"nindent", "nospace", "now", "omit", "pick", "pluck", "plural", "prepend", "push", "quote", "randAlpha",
	"randAlphaNum", "randAscii", "randNumeric", "regexFind", "regexFindAll", "regexMatch", "regexReplaceAll",
	"regexReplaceAllLiteral", "regexSplit", "repeat", "replace", "rest", "reverse", "round", "semver",
	"semverCompare", "set", "sha1sum", "sha256sum", "shuffle", "slice", "snakecase", "sortAlpha", "split",
	"splitList", "splitn", "squote", "sub", "substr", "swapcase", "ternary", "title", "toDate", "toDecimal",
	"toJson", "toPrettyJson", "toString", "toStrings", "trim", "trimAll", "trimPrefix", "trimSuffix", "trimall",
	"trunc", "tuple", "typeIs", "typeIsLike", "typeOf", "uniq", "unixEpoch", "unset", "until", "untilStep",
	"untitle", "upper", "urlJoin", "urlParse", "uuidv4", "values", "without", "wrap", "wrapWith",
}

func runtimeVersion() string {
	return runtime.Version()
}
