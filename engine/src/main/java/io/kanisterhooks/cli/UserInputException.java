package io.kanisterhooks.cli;

/** Bad input from the user: printed without a stack trace, exit code 2. */
public class UserInputException extends RuntimeException {

    public UserInputException(String message) {
        super(message);
    }

    public UserInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
