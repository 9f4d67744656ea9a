package io.kanisterhooks.template.sprig;

import io.kanisterhooks.template.func.FuncMap;

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

    private static FuncMap build() {
        FuncMap m = new FuncMap();
        StringFunctions.register(m);
        NumberFunctions.register(m);
        ListFunctions.register(m);
        DictFunctions.register(m);
        ValueFunctions.register(m);
        OsFunctions.register(m);
        EncodingFunctions.register(m);
        RegexFunctions.register(m);
        SemverFunctions.register(m);
        CryptoFunctions.register(m);
        DateFunctions.register(m);
        return m;
    }
}
