package org.innerlab.core;

/**
 * The user's input is wrong: a scenario, an argument, a file or a folder given to a command. Its
 * message is one line written for the person who has to fix it, saying what is wrong and what to do
 * ({@code <what>; <what to do>}); the command line prints it and exits with code 2. Anything else
 * that escapes a command is an internal failure (exit 1).
 */
public class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
