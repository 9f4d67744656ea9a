package io.kanisterhooks.golang.value;

/** A method attached to a {@link GoType}: its name, signature (without receiver) and Java body. */
public final class GoMethod {
    private final String name;
    private final Signature signature;
    private final MethodBody body;

    GoMethod(String name, Signature signature, MethodBody body) {
        this.name = name;
        this.signature = signature;
        this.body = body;
    }

    public String name() {
        return name;
    }

    public Signature signature() {
        return signature;
    }

    public Object invoke(Object receiver, Object... args) {
        return body.invoke(receiver, args);
    }
}
