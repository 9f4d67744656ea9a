package io.kanisterhooks.golang.value;

/**
 * A Java object that represents a Go value of a type that plain Java objects cannot express (see the package
 * documentation). Implementations outside this package are allowed for opaque Go types such as
 * {@code time.Time} or {@code *semver.Version}: they report their {@link GoType}, and the type's methods
 * ({@link GoType#defineMethod}) give them behaviour ({@code String} for printing, {@code MarshalJSON} for
 * {@code toJson}, anything templates call).
 *
 * <p>Implementations should implement {@code equals}/{@code hashCode} as Go's {@code ==} on the value (used by
 * {@code eq} on comparable types and by {@code reflect.DeepEqual} for opaque values).
 */
public interface GoValue {
    GoType goType();
}
