package org.innerlab.cli;

import java.io.IOException;
import org.innerlab.core.BadInputException;

/**
 * Reading what the user named on the command line, such as a run folder or a condition of
 * {@code compare}. The domain reports a file it cannot read as an {@link IOException} and a malformed
 * table or a refused combination as an {@link IllegalArgumentException}; read from the user's input,
 * both are bad input (exit 2), whereas the same exceptions while writing results are internal failures.
 */
final class UserInput {
    private UserInput() {
    }

    /** A read of the user's input that may fail. */
    @FunctionalInterface
    interface Read<T> {
        T get() throws IOException;
    }

    /** What {@code read} returns; its failure to read or to accept the input as {@link BadInputException}. */
    static <T> T read(Read<T> read) {
        try {
            return read.get();
        } catch (IOException | IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }
}
