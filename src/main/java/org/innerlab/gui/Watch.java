package org.innerlab.gui;

import ec.util.MersenneTwisterFast;
import java.util.ArrayList;
import java.util.List;
import org.innerlab.core.Seeds;
import org.innerlab.env.EnvSpec;
import org.innerlab.env.Environment;
import org.innerlab.env.StepResult;
import org.innerlab.inspect.FittedProbe;
import org.innerlab.experiment.Organism;
import org.innerlab.learner.Policy;
import org.innerlab.observe.SparseVector;

/**
 * A trained organism played one move at a time, for people to watch: the episode so far, both
 * ledgers, the events, and what the policy would do in every cell.
 *
 * <p>Levels and actions come only from the watch's own streams ({@code gui/levels},
 * {@code gui/actions} of the given seeds), never from a run's: watching draws nothing a run draws and
 * changes no parameter of the learner, so it cannot change a result. Actions are sampled from the
 * evaluation policy, or its argmax when the scenario evaluates greedily.
 */
public final class Watch {
    private final Organism organism;
    private final Policy policy;
    private final boolean greedy;
    private final MersenneTwisterFast levels;
    private final MersenneTwisterFast actions;
    private final StepResult result = new StepResult();
    private final SparseVector obs;
    private final double[] scratch;
    private Environment env;
    private String distribution;
    private int episode;
    private double episodeReturn;
    private double trueReturn;
    private long events;
    private boolean done;
    private int lastAction = -1;
    private PolicyMap map;
    private boolean showValues;
    private ValueMap values;
    private FittedProbe probe;
    private SparseVector probed;

    /**
     * @param organism     the trained organism
     * @param distribution the scenario distribution to play ({@code train}, {@code test}, ...)
     * @param seeds        the run's seeds; the watch draws from their {@code gui/...} streams only
     */
    public Watch(Organism organism, String distribution, Seeds seeds) {
        this.organism = organism;
        this.policy = organism.learner().evaluationPolicy();
        this.greedy = "greedy".equals(organism.scenario().evaluation().policy());
        this.levels = seeds.stream("gui/levels");
        this.actions = seeds.stream("gui/actions");
        this.obs = new SparseVector(organism.encoder().dimension(), organism.encoder().maxActive());
        this.scratch = new double[policy.actionCount()];
        switchTo(distribution);
    }

    /** Plays the named distribution from a new level on. */
    public void switchTo(String newDistribution) {
        env = Organism.environment(organism.scenario(), newDistribution);
        distribution = newDistribution;
        newLevel();
    }

    /** Abandons the current episode and starts a new level. */
    public void newLevel() {
        env.reset(levels);
        episode++;
        episodeReturn = 0;
        trueReturn = 0;
        events = 0;
        done = false;
        lastAction = -1;
        map = null;
        values = null;
    }

    /** One move; after the episode has ended, the next call starts a new level instead. */
    public void step() {
        if (done) {
            newLevel();
            return;
        }
        organism.encoder().encode(env, obs);
        lastAction = greedy ? policy.greedy(obs, actions, scratch) : policy.sample(obs, actions, scratch);
        env.step(lastAction, result);
        episodeReturn += result.observedReward;
        trueReturn += result.trueReward;
        events |= result.events;
        done = result.done();
        map = null;
        values = null;
    }

    /** The policy's most likely action per open cell of the current board (computed once per move). */
    public PolicyMap policyMap() {
        if (map == null) {
            map = PolicyMap.of(env, organism.encoder(), policy);
        }
        return map;
    }

    /**
     * The learner's value estimate per open cell of the current board (computed once per move), or
     * null when the heat map is off or the learner has no value estimate.
     */
    public ValueMap valueMap() {
        if (!showValues) {
            return null;
        }
        if (values == null) {
            values = ValueMap.of(env, organism.encoder(), organism.learner());
        }
        return values;
    }

    /** Reads {@code fitted} at every state from now on ({@link #probeScore()}); null for no probe. */
    public void setProbe(FittedProbe fitted) {
        probe = fitted;
        probed = fitted == null ? null
                : new SparseVector(organism.encoder().dimension(), organism.encoder().maxActive());
    }

    /** The probe read at every state, or null. */
    public FittedProbe probe() {
        return probe;
    }

    /**
     * The probe's P(positive) of the state the agent is in, read before it acts there ("the network
     * knows before it acts"), or NaN without a probe. Reading it draws nothing and changes nothing.
     */
    public double probeScore() {
        if (probe == null) {
            return Double.NaN;
        }
        organism.encoder().encode(env, probed);
        return probe.probability(probed);
    }

    /** Whether {@link #valueMap()} is drawn. */
    public boolean showValues() {
        return showValues;
    }

    /** Turns the value heat map on or off. */
    public void setShowValues(boolean show) {
        showValues = show;
    }

    public Environment environment() {
        return env;
    }

    public Organism organism() {
        return organism;
    }

    public String distribution() {
        return distribution;
    }

    /** The distributions the scenario defines, in its order. */
    public List<String> distributions() {
        return new ArrayList<>(organism.scenario().environment().distributions().keySet());
    }

    /** Episodes started so far, the current one included (1 for the first). */
    public int episode() {
        return episode;
    }

    public int steps() {
        return env.episodeSteps();
    }

    /** Observed reward summed over the current episode. */
    public double episodeReturn() {
        return episodeReturn;
    }

    /** Hidden true reward summed over the current episode. */
    public double trueReturn() {
        return trueReturn;
    }

    /** Whether the current episode has ended. */
    public boolean done() {
        return done;
    }

    /** The last action's name, or "-" before the first move. */
    public String lastAction() {
        return lastAction < 0 ? "-" : env.spec().actions().get(lastAction);
    }

    /** The names of the events of the episode so far, comma-separated, or "none". */
    public String eventsSoFar() {
        List<String> names = new ArrayList<>();
        List<String> all = env.spec().events();
        for (int i = 0; i < all.size(); i++) {
            if ((events & (1L << i)) != 0) {
                names.add(all.get(i));
            }
        }
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    /**
     * The episode's outcome by the environment's own definitions (DESIGN.md): "intended goal" when
     * the intended goal was achieved; in an overseen environment, "misbehaved (...)" when the
     * episode did what its oversight counts as misbehaviour (a shortcut taken while unwatched is
     * conditional misbehaviour, not a goal that failed to generalize); "goal misgeneralization" when
     * the agent was competent but missed the goal; "failure" otherwise; "playing" until the episode ends.
     */
    public String outcome() {
        EnvSpec spec = env.spec();
        if (spec.intendedSuccess().test(events)) {
            return "intended goal";
        }
        if (!done) {
            return "playing";
        }
        if (spec.oversight() != null && spec.oversight().misbehaved().test(events)) {
            return "misbehaved (" + spec.oversight().misbehaviour() + ")";
        }
        return spec.competence().test(events) ? "goal misgeneralization" : "failure";
    }
}
