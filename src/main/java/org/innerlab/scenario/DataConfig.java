package org.innerlab.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demonstrations a behaviour-cloning stage trains on: which teachers play how many episodes of
 * which distribution, and how the result is curated. Written either as an explicit mix
 * ({@code teachers}) or as the two-persona shorthand {@code good}/{@code bad}/{@code bad_fraction},
 * which keeps {@code data.bad_fraction} a single sweepable number.
 *
 * @param distribution the environment distribution the episodes are played on
 * @param episodes     demonstration episodes generated (before curation)
 * @param noise        ε: each teacher step is a uniformly random action with this probability
 * @param good         the shorthand's good persona, or null when {@code teachers} is written
 * @param bad          the shorthand's bad persona, or null
 * @param badFraction  the shorthand's share of bad episodes, or null
 * @param teachers     the persona mix (for the shorthand: good with 1 − q, bad with q)
 * @param curation     operators applied in order
 * @param supervisor   weak-to-strong supervision: the learner that, trained on the teachers' demonstrations,
 *                     labels the data instead of them; null when the teachers' demonstrations are the data
 */
public record DataConfig(String distribution, int episodes, double noise, String good, String bad, Double badFraction,
                         List<Share> teachers, List<Step> curation, Supervisor supervisor) {
    /** A persona's weight in the mix. */
    public record Share(String persona, double weight) {
    }

    /** One curation operator with its resolved parameters. */
    public record Step(String operator, Map<String, Object> params) {
        public Step {
            params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        }
    }

    /**
     * A weak supervisor (Burns et al. 2023): a learner of its own type and parameters, observing what the
     * scenario's learner observes, first cloned on the teachers' demonstrations with the stage's
     * parameters (its own number of epochs if it gives one); it then plays the data's episodes and its actions are the labels. In a fraction
     * {@code errorRate} of its labels it follows {@code errorPersona} instead: in a fixed set of states when
     * {@code systematic}, at random steps otherwise.
     *
     * @param type         a learner type from {@code org.innerlab.learner.Learners}
     * @param params       the type's parameters, defaults filled in
     * @param errorPersona the persona its erring labels follow
     * @param errorRate    the share of states (systematic) or steps (random) whose label follows it, in [0, 1]
     * @param systematic   whether the erring states are a fixed set (true) or drawn afresh at each step
     * @param epochs       the supervisor's passes over the teachers' demonstrations, or null for the stage's
     */
    public record Supervisor(String type, Map<String, Object> params, String errorPersona, double errorRate,
                             boolean systematic, Integer epochs) {
        public Supervisor {
            params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
            if (!(errorRate >= 0 && errorRate <= 1)) {
                throw new IllegalArgumentException("error_rate must be in [0, 1], got " + errorRate);
            }
        }
    }

    public DataConfig {
        teachers = List.copyOf(teachers);
        curation = List.copyOf(curation);
    }

    /** Demonstrations without a supervisor: the teachers' episodes are the data. */
    public DataConfig(String distribution, int episodes, double noise, String good, String bad, Double badFraction,
                      List<Share> teachers, List<Step> curation) {
        this(distribution, episodes, noise, good, bad, badFraction, teachers, curation, null);
    }

    /** This dataset with at most {@code cap} episodes (for CI budgets). */
    public DataConfig withAtMostEpisodes(int cap) {
        return episodes <= cap ? this
                : new DataConfig(distribution, cap, noise, good, bad, badFraction, teachers, curation, supervisor);
    }

    /** Whether the mix was written as good/bad/bad_fraction. */
    public boolean shorthand() {
        return badFraction != null;
    }

    /** The shorthand's mix: the good persona with weight 1 − q and the bad one with q. */
    static List<Share> mix(String good, String bad, double badFraction) {
        List<Share> mix = new ArrayList<>();
        mix.add(new Share(good, 1 - badFraction));
        mix.add(new Share(bad, badFraction));
        return mix;
    }

    /** Whether any curation step attaches control tags. */
    public boolean tags() {
        return curation.stream().anyMatch(s -> s.operator().equals("tag"));
    }
}
