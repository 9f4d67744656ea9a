package io.kanisterhooks.golang.value;

/** A Go {@code complex128} (or {@code complex64}) value, e.g. the template constant {@code 1i}. */
public final class GoComplex implements GoValue {
    private final GoType type;
    private final double real;
    private final double imag;

    public GoComplex(double real, double imag) {
        this(GoType.COMPLEX128, real, imag);
    }

    public GoComplex(GoType type, double real, double imag) {
        if (!type.kind().isComplex()) {
            throw new IllegalArgumentException(type + " is not a complex type");
        }
        this.type = type;
        this.real = real;
        this.imag = imag;
    }

    public double real() {
        return real;
    }

    public double imag() {
        return imag;
    }

    @Override
    public GoType goType() {
        return type;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GoComplex && ((GoComplex) o).type == type && ((GoComplex) o).real == real
                && ((GoComplex) o).imag == imag;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(real) * 31 + Double.hashCode(imag);
    }

    @Override
    public String toString() {
        return "(" + real + "+" + imag + "i)";
    }
}
