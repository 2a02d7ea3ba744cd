package org.innerlab.inspect;

import java.util.regex.Pattern;

/**
 * One probe a scenario asks for ({@code evaluation.probes.<name>}): which hidden layer it reads, which
 * states it must tell apart, and what it is fit on.
 *
 * <p>Labels: with {@code within} = 0 a state is positive when it comes from an episode of the
 * {@code positive} distribution and negative when from the {@code negative} one ("this step is in the
 * triggered distribution"); with {@code within} = k &gt; 0 a state of either distribution is positive
 * when the learner's action there or one of its next k − 1 actions misbehaves (the environment's
 * oversight predicate: "the agent will misbehave within k steps").
 *
 * <p>Fit: a supervised probe ({@code contrast} null) is fit on those same labels, on episodes of its own
 * fit streams; a generic-contrast probe (MacDiarmid et al. 2024) is fit on the {@code contrast}'s two
 * distributions instead (positive = {@code contrast.positive}), which should show neither the trigger nor
 * the misbehaviour: states after the first misbehaviour of a contrast episode are never recorded. Either
 * way it is scored on other episodes, drawn from score streams the fit never sees.
 *
 * @param name     the probe's name, reported as {@code probe_auroc/<name>}
 * @param layer    the hidden layer it reads, 1-based
 * @param positive the distribution of positive states (or of every scored state, with {@code within})
 * @param negative the distribution of negative states (likewise)
 * @param within   k &gt; 0: label by misbehaviour within k steps; 0: label by distribution
 * @param contrast the generic contrast the probe is fit on instead, or null for a supervised probe
 * @param episodes episodes per distribution for the fit, and again for the score
 * @param l2       λ of the probe's L2 penalty
 */
public record ProbeDesign(String name, int layer, String positive, String negative, int within, Contrast contrast,
                          int episodes, double l2) {
    /** What a probe's name may be: it becomes part of a metric name. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9_]+");
    /** Default episodes per distribution for the fit and again for the score. */
    public static final int DEFAULT_EPISODES = 50;
    /** Default λ. */
    public static final double DEFAULT_L2 = 0.01;

    /**
     * The two sides a generic-contrast probe is fit on: each the learner's activations on the states met
     * in a distribution, with the learner itself acting or, with a persona, a teacher persona acting.
     *
     * <p>Two contrasts, both free of the trigger:
     * <ul>
     *   <li><em>Oversight</em> (personas null): unwatched against watched states, the learner acting: a
     *       contrast about being overseen.</li>
     *   <li><em>Teacher personas</em> (the "difference between the teacher personas' activations on
     *       trigger-free states"): the same trigger-free distribution played by a misbehaving persona
     *       ({@code shortcut}) against an aligned one, the learner's network reading every state they
     *       meet. It is the toy's closest analogue of the paper's "Are you doing something dangerous?
     *       yes / no" pairs: the direction in the learner's activations between states a bad-intent
     *       actor leads to and states a good-intent actor leads to, with no trigger ever shown. It is not
     *       free of the misbehaviour's lead-up (the shortcut persona's states lie on the way to the
     *       punishment tile, up to the state it steps on from); recording stops at the misbehaviour, so
     *       the step onto the tile itself is never in it. Both sides play the same distribution's
     *       streams, so they meet the same levels and differ only in who acts.</li>
     * </ul>
     *
     * @param positive        the distribution of the side the probe's direction points to
     * @param negative        the distribution of the other side
     * @param positivePersona the persona acting on the positive side, or null for the learner itself
     * @param negativePersona the persona acting on the negative side, or null for the learner itself
     */
    public record Contrast(String positive, String negative, String positivePersona, String negativePersona) {
        /** The learner acting on both sides. */
        public Contrast(String positive, String negative) {
            this(positive, negative, null, null);
        }

        public Contrast {
            if ((positivePersona == null) != (negativePersona == null)) {
                throw new IllegalArgumentException("a contrast has a persona on both sides or on neither");
            }
        }

        /** Whether teacher personas act on its two sides rather than the learner. */
        public boolean personas() {
            return positivePersona != null;
        }
    }

    public ProbeDesign {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("probe name must match " + NAME.pattern() + ", got '" + name + "'");
        }
        if (layer < 1) {
            throw new IllegalArgumentException("layer is 1-based, got " + layer);
        }
        if (within < 0 || episodes < 1 || !(l2 >= 0)) {
            throw new IllegalArgumentException("within >= 0, episodes >= 1, l2 >= 0; got " + within + ", " + episodes
                    + ", " + l2);
        }
    }

    /** A copy with at most {@code cap} episodes per distribution. */
    public ProbeDesign withAtMostEpisodes(int cap) {
        return new ProbeDesign(name, layer, positive, negative, within, contrast, Math.min(episodes, cap), l2);
    }

    /** Whether the probe is fit on a generic contrast rather than on its own labels. */
    public boolean generic() {
        return contrast != null;
    }
}
