package org.innerlab.env;

import ec.util.MersenneTwisterFast;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Replays a scripted action string on a registered environment and records every step: both reward
 * ledgers, discount, termination, events and the board. Scripted episodes are data (STYLE habit 6);
 * this is what tests, {@code innerlab replay} and scripts use to check them.
 *
 * <p>The episode's generator is {@code new MersenneTwisterFast(seed)}; random choices that a parameter
 * fixes ({@code supervisor=present}, ...) do not draw from it. The result's {@code settings} are
 * {@link Environment#episodeSettings()}: every parameter, random choices as used.
 */
public final class Replay {
    private static final String LETTERS = "udlrn";
    private static final String[] LETTER_ACTIONS = {"UP", "DOWN", "LEFT", "RIGHT", "NOOP"};

    private Replay() {
    }

    /** One step of a replayed episode. */
    public record Step(String action, double observedReward, double trueReward, double cumulativeTrueReward,
                       double discount, boolean terminated, boolean truncated, List<String> events,
                       List<String> board) {
    }

    /**
     * A replayed episode.
     *
     * @param level        the {@code level} setting as used, or null when the environment has none
     * @param episodeEnded whether the actions ran to the end of the episode
     * @param performance  the episode's performance: its hidden (true) return, which for environments
     *                     scored by their return equals the return
     * @param resolvedSettings the settings as a person reads them ({@link Environment#resolvedSettings()}):
     *                     {@code time_limit 0} shown as the limit it stands for
     * @param legend       what each symbol of the boards stands for, symbol to name, the agent first
     */
    public record Result(String env, String level, Map<String, Object> settings, List<String> startBoard,
                         List<Step> steps, double episodeReturn, double hiddenReturn, double performance,
                         boolean episodeEnded, Map<String, Object> resolvedSettings, Map<Character, String> legend) {
    }

    /**
     * Replays {@code actions} on a new instance of {@code envId}.
     *
     * @param overrides parameter values (validated against the environment's declarations)
     * @param actions   letters {@code u d l r n} or comma-separated names ({@code UP,DOWN,...})
     * @throws IllegalArgumentException for an unknown id, a bad parameter or action, or actions after the
     *     episode has ended; the message names the problem
     */
    /**
     * {@code layout=<name>} names the same choice as {@code level=<name>} (e.g. distributional shift's
     * {@code testing_v1}); it is accepted for environments that have a level but no layout parameter,
     * and for those with one when the value is a level's name rather than a drawing.
     */
    static Map<String, ?> withLayoutAsLevel(EnvSpec spec, Map<String, ?> overrides) {
        if (!overrides.containsKey("layout") || spec.param("level") == null) {
            return overrides;
        }
        if (spec.param("layout") != null && !spec.param("level").choices().contains(overrides.get("layout"))) {
            return overrides;
        }
        if (overrides.containsKey("level") && !overrides.get("level").equals(overrides.get("layout"))) {
            throw new IllegalArgumentException("layout=" + overrides.get("layout") + " and level="
                    + overrides.get("level") + " name the same choice; give one of them");
        }
        Map<String, Object> renamed = new java.util.LinkedHashMap<>(overrides);
        renamed.put("level", renamed.remove("layout"));
        return renamed;
    }

    public static Result run(String envId, Map<String, ?> overrides, long seed, String actions) {
        EnvSpec spec = EnvRegistry.spec(envId);
        if (spec == null) {
            throw new IllegalArgumentException(unknownId(envId));
        }
        Environment env = EnvRegistry.create(envId, withLayoutAsLevel(spec, overrides));
        int[] codes = parseActions(actions, env);
        env.reset(new MersenneTwisterFast(seed));
        List<String> start = List.of(env.view().render());
        StepResult out = new StepResult();
        List<Step> steps = new ArrayList<>(codes.length);
        double episodeReturn = 0;
        double hiddenReturn = 0;
        boolean ended = false;
        for (int t = 0; t < codes.length; t++) {
            if (ended) {
                Step last = steps.get(t - 1);
                throw new IllegalArgumentException("the episode ended at step " + t + " ("
                        + (last.terminated() ? "terminated" : "truncated at the step limit") + "), but "
                        + (codes.length - t) + " more action(s) follow");
            }
            env.step(codes[t], out);
            episodeReturn += out.observedReward;
            hiddenReturn += out.trueReward;
            ended = out.done();
            steps.add(new Step(spec.actions().get(codes[t]), out.observedReward, out.trueReward, hiddenReturn,
                    out.discount, out.terminated, out.truncated, eventNames(spec, out.events),
                    List.of(env.view().render())));
        }
        Map<String, Object> settings = new LinkedHashMap<>(env.episodeSettings());
        Object level = settings.get("level");
        return new Result(envId, level == null ? null : level.toString(), settings, start, List.copyOf(steps),
                episodeReturn, hiddenReturn, hiddenReturn, ended, new LinkedHashMap<>(env.resolvedSettings()),
                legend(env.view()));
    }

    /**
     * What each symbol of {@code view}'s text board stands for: the agent, then every cell type in code
     * order; cell types drawn with the same symbol share its entry ({@code "a / b"}).
     */
    public static Map<Character, String> legend(GridView view) {
        Map<Character, String> legend = new LinkedHashMap<>();
        legend.put(view.agentGlyph(), "agent");
        for (int type = 0; type < view.cellTypes(); type++) {
            legend.merge(view.glyph(type), view.cellTypeName(type), (a, b) -> a + " / " + b);
        }
        return legend;
    }

    /**
     * Parses an action string for {@code env}: letters {@code u d l r n} (whitespace ignored), or names
     * separated by commas, in any case.
     */
    public static int[] parseActions(String text, Environment env) {
        EnvSpec spec = env.spec();
        String trimmed = text.trim();
        boolean names = trimmed.contains(",")
                || spec.actions().contains(trimmed.toUpperCase(Locale.ROOT)) && trimmed.length() > 1;
        List<String> tokens = new ArrayList<>();
        if (names) {
            for (String token : trimmed.split(",")) {
                tokens.add(token.trim().toUpperCase(Locale.ROOT));
            }
        } else {
            for (int i = 0; i < trimmed.length(); i++) {
                char c = Character.toLowerCase(trimmed.charAt(i));
                if (Character.isWhitespace(c)) {
                    continue;
                }
                int k = LETTERS.indexOf(c);
                if (k < 0) {
                    throw new IllegalArgumentException("bad action letter '" + trimmed.charAt(i) + "' at position "
                            + (i + 1) + "; use u d l r n, or comma-separated names " + spec.actions());
                }
                tokens.add(LETTER_ACTIONS[k]);
            }
        }
        int[] codes = new int[tokens.size()];
        for (int i = 0; i < codes.length; i++) {
            int a = spec.actions().indexOf(tokens.get(i));
            if (a < 0) {
                throw new IllegalArgumentException("unknown action '" + tokens.get(i) + "' (action " + (i + 1)
                        + "); " + spec.id() + " has " + spec.actions());
            }
            if (a >= env.actionCount()) {
                throw new IllegalArgumentException(tokens.get(i) + " (action " + (i + 1) + ") is not available in "
                        + spec.id() + " with these settings; valid: " + spec.actions().subList(0, env.actionCount())
                        + (spec.param("noops") != null ? " (set noops=true for NOOP)" : ""));
            }
            codes[i] = a;
        }
        return codes;
    }

    /** The names of the events set in {@code events}, in declaration order. */
    public static List<String> eventNames(EnvSpec spec, long events) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < spec.events().size(); i++) {
            if ((events & (1L << i)) != 0) {
                names.add(spec.events().get(i));
            }
        }
        return names;
    }

    /** The error message for an unregistered id, suggesting the closest registered ones. */
    public static String unknownId(String id) {
        List<String> known = new ArrayList<>(EnvRegistry.entries().keySet());
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = editDistance(id, k);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        // Beyond about a third of the id, a "suggestion" is just the nearest of unrelated names.
        boolean close = best != null && bestDistance <= Math.max(2, id.length() / 3);
        return "unknown environment '" + id + "'" + (close ? "; did you mean '" + best + "'?" : "")
                + " Known: " + known;
    }

    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
