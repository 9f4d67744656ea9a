package io.kanisterhooks.golang.value;

/**
 * Implemented by {@code List}s that remember a Go slice capacity larger than their length. Go's JSON decoder
 * grows {@code []interface {}} by appending, so a decoded 3-element array has capacity 4, and the builtin
 * {@code slice} may legally reach past the length ({@code slice .list 0 4} yields a trailing {@code <nil>}).
 */
public interface GoCapacity {
    int goCapacity();
}
