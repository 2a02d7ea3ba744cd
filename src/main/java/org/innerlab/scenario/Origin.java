package org.innerlab.scenario;

import java.nio.file.Path;

/**
 * Where a piece of a scenario came from, so that an error can point at it: a position in a file, or
 * a command-line argument (a {@code --set} override, {@code --seeds}) that has no position.
 *
 * @param file     the file name, or the option ({@code --set}) for command-line arguments
 * @param line     1-based line, 0 when there is no position
 * @param column   1-based column, 0 when there is no position
 * @param argument the option's argument as typed (e.g. {@code environment.params.width=20}), or null
 * @param subject  the dotted path the argument sets, or null; an error about that very path does not
 *                 repeat it after the argument
 */
record Origin(String file, int line, int column, String argument, String subject) {

    static Origin at(String file, int line, int column) {
        return new Origin(file, line, column, null, null);
    }

    static Origin option(String option, String argument, String subject) {
        return new Origin(option, 0, 0, argument, subject);
    }

    /** The origin of values that come from an already resolved scenario rather than from text. */
    static Origin of(Path source) {
        return new Origin(source == null ? "(scenario)" : source.toString(), 0, 0, null, null);
    }

    boolean hasPosition() {
        return line > 0;
    }
}
