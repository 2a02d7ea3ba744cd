package org.innerlab.scenario;

import java.util.Optional;
import org.innerlab.core.BadInputException;

/**
 * A scenario is invalid: a YAML syntax error, an unknown key or name, a value of the wrong type or
 * out of range, a missing required key, or an inconsistent combination. Unchecked, because a caller
 * can do nothing but report it; {@link #getMessage()} is written for the researcher who has to fix
 * the file, in the form
 *
 * <pre>{@code scenarios/x.yaml:12:5: environment.params.widht: unknown key 'widht'; did you mean 'width'?}</pre>
 *
 * i.e. {@code <file>:<line>:<column>: <field>: <problem>[; <hint>]}. Errors in a command-line
 * argument have no position and name the argument instead:
 * {@code --set environment.params.widht=20: unknown key 'widht'; did you mean 'width'?}.
 */
public final class ScenarioException extends BadInputException {
    private final transient Origin origin;
    private final String field;
    private final String problem;
    private final String hint;

    ScenarioException(Origin origin, String field, String problem, String hint) {
        super(format(origin, field, problem, hint));
        this.origin = origin;
        this.field = field;
        this.problem = problem;
        this.hint = hint;
    }

    private static String format(Origin origin, String field, String problem, String hint) {
        String shownField = field.isEmpty() ? "(document)" : field;
        StringBuilder sb = new StringBuilder();
        if (origin.hasPosition()) {
            sb.append(origin.file()).append(':').append(origin.line()).append(':').append(origin.column())
                    .append(": ").append(shownField).append(": ");
        } else if (origin.argument() != null) {
            sb.append(origin.file()).append(' ').append(origin.argument()).append(": ");
            if (!field.isEmpty() && !field.equals(origin.subject())) {
                sb.append(shownField).append(": ");
            }
        } else {
            sb.append(origin.file()).append(": ").append(shownField).append(": ");
        }
        sb.append(problem);
        if (hint != null) {
            sb.append("; ").append(hint);
        }
        return oneLine(sb);
    }

    /**
     * The message on one line, as bad input promises: a line break or other control character (a tab
     * stays) that a quoted value or key brings in (a folded YAML string, a {@code --set} argument) is written escaped.
     */
    private static String oneLine(CharSequence message) {
        StringBuilder sb = new StringBuilder(message.length());
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (Character.isISOControl(c)) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** The file, or the command-line option ({@code --set}, {@code --seeds}) the error is in. */
    public String file() {
        return origin.file();
    }

    /** 1-based line, or 0 when the error has no position (command-line arguments). */
    public int line() {
        return origin.line();
    }

    /** 1-based column, or 0 when the error has no position. */
    public int column() {
        return origin.column();
    }

    /** The dotted path of the offending key (e.g. {@code training.0.steps}); empty for the whole document. */
    public String field() {
        return field;
    }

    /** What is wrong, without location or hint. */
    public String problem() {
        return problem;
    }

    /** A suggestion ({@code did you mean 'width'?}) or the expected form, when there is one. */
    public Optional<String> hint() {
        return Optional.ofNullable(hint);
    }

    Origin origin() {
        return origin;
    }
}
