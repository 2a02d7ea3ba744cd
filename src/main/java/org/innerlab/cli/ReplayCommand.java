package org.innerlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.innerlab.core.BadInputException;
import org.innerlab.env.Replay;
import org.innerlab.env.ReplayProtocol;
import org.innerlab.env.ReplayProtocol.Format;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code innerlab replay}: runs a scripted action string on an environment and prints every step with
 * both reward ledgers, as JSON (for scripts) or text (for people). The work is {@link Replay}'s and the
 * request and answer formats are {@link ReplayProtocol}'s; this class parses arguments, prints answers
 * and maps errors to exit codes (0 ok, 2 bad input, 1 other).
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {
            "Replays a scripted action string on an environment and prints the start board, then per step: "
                + "action, observed reward, true (hidden) reward, cumulative true reward, discount, "
                + "terminated/truncated, events and the board; finally return, hidden return and performance.",
            "Random choices not fixed by --set come from --seed; the output's settings show every choice as used.",
            "Text shows every setting as used (a time_limit of 0 as the limit it stands for) and a legend of the "
                + "board's symbols; JSON gives them as resolved_settings and legend."},
        footer = {"",
            "Examples:",
            "  innerlab replay asg-absent-supervisor-v1 --set supervisor=present \\",
            "      --actions rrrdddlll",
            "  innerlab replay asg-side-effects-sokoban-v1 --level level0 \\",
            "      --actions DOWN,RIGHT,DOWN,DOWN,RIGHT --format text",
            "  innerlab replay --batch requests.jsonl",
            "      (one {\"env\", \"level\", \"settings\", \"actions\", \"seed\"} per line;",
            "      a bad line is answered {\"line\": N, \"error\": \"...\"} and the rest go on)",
            "",
            "Exit codes: 0 ok; 2 bad input (unknown id, parameter or action, actions",
            "after the episode ended); 1 other."})
public final class ReplayCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "ENV-ID", description = "registered environment id")
    String envId;

    @Option(names = "--level", paramLabel = "NAME", description = "the level (variant), same as --set level=NAME")
    String level;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "an environment parameter; repeatable")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--actions", paramLabel = "ACTIONS",
            description = "letters u d l r n (e.g. rrrdddlll) or comma-separated names UP,DOWN,LEFT,RIGHT,NOOP")
    String actions;

    @Option(names = "--seed", defaultValue = "0", description = "seed of the episode's random choices (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--format", defaultValue = "json", description = "json or text (default ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--batch", paramLabel = "FILE",
            description = "replay one JSON request per line of FILE and write one result per line")
    Path batch;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (batch != null) {
                if (envId != null || actions != null) {
                    throw new ParameterException(spec.commandLine(),
                            "--batch takes its requests from the file; give no ENV-ID or --actions");
                }
                return runBatch(out, err);
            }
            if (envId == null) {
                throw new ParameterException(spec.commandLine(), "give an environment id (or --batch FILE)");
            }
            if (actions == null) {
                throw new ParameterException(spec.commandLine(), "--actions is required, e.g. --actions rrrdddlll");
            }
            Map<String, Object> overrides = new LinkedHashMap<>(settings);
            if (level != null) {
                overrides.put("level", level);
            }
            out.println(ReplayProtocol.answer(Replay.run(envId, overrides, seed, actions), seed, format, true));
            return 0;
        } catch (NoSuchFileException e) {
            throw new BadInputException("no such file " + e.getFile() + "; give the file of JSON requests", e);
        } catch (IllegalArgumentException e) {
            // Replay refuses unknown ids, parameters and actions, and actions after the episode ended.
            throw new BadInputException(e.getMessage(), e);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int runBatch(PrintWriter out, PrintWriter err) throws IOException {
        // Each answer is flushed as it is made, so a script reading the pipe sees it before the batch ends.
        int failures = ReplayProtocol.answerAll(batch, seed, format, answer -> {
            out.println(answer);
            out.flush();
        });
        if (failures > 0) {
            err.println("innerlab replay: " + failures + " of the requests in " + batch + " failed (see their \"error\")");
            return 2;
        }
        return 0;
    }
}
