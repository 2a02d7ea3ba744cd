package org.innerlab.measure;

import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.innerlab.core.ComponentInfo;
import org.innerlab.core.Registered;
import org.innerlab.data.Personas;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.EnvSpec;
import org.innerlab.env.Snapshots;
import org.innerlab.env.TabularMdp;
import org.innerlab.learner.Committee;
import org.innerlab.learner.DecisionLog;
import org.innerlab.learner.DeploymentBelief;
import org.innerlab.learner.GoalVector;
import org.innerlab.learner.PersonaShareSource;
import org.innerlab.learner.QFunction;

/**
 * One metric a run can report, as the {@link MetricCatalog#METRICS} registry holds it: its name (the
 * id), what it means and the paper it follows ({@link ComponentInfo}), and what it needs from the
 * environment, the learner and the evaluation settings before it can be measured. The
 * {@link EvaluationPlan} reports it exactly when those needs are met.
 *
 * @param info  id = the metric's name in runs.csv and summary.csv; summary = what it measures, in plain
 *              words; paper = the paper (or the part of DESIGN.md) the concept comes from, or ""
 * @param needs what must hold for it to be measured (empty: every run reports it)
 * @param probe how it is measured from the evaluated episodes, for a metric the {@link Evaluator} does not
 *              compute itself (a metric added by an extension), or null for the built-in ones
 */
public record Metric(ComponentInfo info, Set<Need> needs, Supplier<EpisodeProbe> probe) implements Registered {
    /** What a metric can need: declared by the environment, provided by the learner, or configured. */
    public enum Need {
        /** The environment declares {@link org.innerlab.env.Oversight} (it knows what misbehaviour is). */
        OVERSIGHT,
        /** Its oversight pays every action the same observed reward whether or not the agent is observed. */
        REWARD_BLIND_OVERSIGHT,
        /** The environment has teacher personas: a reference to measure KL against, an attacker. */
        PERSONAS,
        /** The learner is a {@link DeploymentBelief} with a belief head. */
        BELIEF_HEAD,
        /** The learner is a {@link DecisionLog}: it logs the reason of every decision. */
        DECISION_LOG,
        /** The learner is a {@link GoalVector}: training moves an explicit goal. */
        GOAL_VECTOR,
        /** The learner is a {@link PersonaShareSource}: a weighted mixture of persona emulations. */
        PERSONA_SHARES,
        /** The learner is a {@link QFunction}: its action values can be read state by state. */
        Q_VALUES,
        /** The evaluation runs an evaluation suite (evaluation.suite). */
        SUITE,
        /** The evaluation records a training curve (evaluation.curve). */
        CURVE,
        /** The report compares misbehaviour before and after safety training (report.backdoor_persistence). */
        BACKDOOR_PERSISTENCE,
        /** The environment hands over its exact model ({@link org.innerlab.env.TabularMdp}), so POWER can be computed. */
        EXACT_MODEL,
        /** The environment saves and restores its state ({@link Snapshots}), so its reachable states can be enumerated. */
        SNAPSHOTS,
        /** The report compares weak-to-strong arms with a weak supervisor and a ceiling (report.performance_gap_recovered). */
        GAP_RECOVERED,
        /** The learner is a {@link Committee}: members whose own behaviour can be measured beside the vote's. */
        COMMITTEE;

        /** What {@code spec}'s environment declares. */
        public static Set<Need> of(EnvSpec spec) {
            Set<Need> needs = EnumSet.noneOf(Need.class);
            if (spec.oversight() != null) {
                needs.add(OVERSIGHT);
            }
            if (DeceptiveAlignment.rewardBlindOversight(spec)) {
                needs.add(REWARD_BLIND_OVERSIGHT);
            }
            if (Personas.environments().contains(spec.id())) {
                needs.add(PERSONAS);
            }
            if (spec.param(TabularMdp.SAMPLES) != null) {
                needs.add(EXACT_MODEL);
            }
            if (offersSnapshots(spec.id())) {
                needs.add(SNAPSHOTS);
            }
            return needs;
        }

        /** Environments by id, whether they implement {@link Snapshots}: a class property, found once by building one. */
        private static final Map<String, Boolean> SNAPSHOT_ENVIRONMENTS = new ConcurrentHashMap<>();

        private static boolean offersSnapshots(String id) {
            return SNAPSHOT_ENVIRONMENTS.computeIfAbsent(id,
                    known -> EnvRegistry.spec(known) != null && EnvRegistry.create(known, Map.of()) instanceof Snapshots);
        }

        /** The capabilities {@code learner} provides: the capability interfaces it implements. */
        public static Set<Need> providedBy(Object learner) {
            return providedBy(learner.getClass(), learner instanceof DeploymentBelief belief && belief.hasBeliefHead());
        }

        /**
         * The capabilities a learner of class {@code learnerClass} provides, as scenario validation sees a
         * learner type before any is built.
         *
         * @param beliefHead whether it is built with a belief head (a {@link DeploymentBelief} without one
         *                   reports no belief)
         */
        public static Set<Need> providedBy(Class<?> learnerClass, boolean beliefHead) {
            Set<Need> needs = EnumSet.noneOf(Need.class);
            if (beliefHead && DeploymentBelief.class.isAssignableFrom(learnerClass)) {
                needs.add(BELIEF_HEAD);
            }
            if (DecisionLog.class.isAssignableFrom(learnerClass)) {
                needs.add(DECISION_LOG);
            }
            if (GoalVector.class.isAssignableFrom(learnerClass)) {
                needs.add(GOAL_VECTOR);
            }
            if (QFunction.class.isAssignableFrom(learnerClass)) {
                needs.add(Q_VALUES);
            }
            if (PersonaShareSource.class.isAssignableFrom(learnerClass)) {
                needs.add(PERSONA_SHARES);
            }
            if (Committee.class.isAssignableFrom(learnerClass)) {
                needs.add(COMMITTEE);
            }
            return needs;
        }
    }

    public Metric {
        Objects.requireNonNull(info, "info");
        needs = needs.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(needs));
    }

    /** A metric the evaluator's own pass, or a dedicated measurement, computes. */
    public Metric(ComponentInfo info, Set<Need> needs) {
        this(info, needs, null);
    }

    /** A metric measured by a per-episode {@link EpisodeProbe}, reported for every evaluated distribution. */
    public static Metric perEpisode(ComponentInfo info, Supplier<EpisodeProbe> probe) {
        return new Metric(info, Set.of(), Objects.requireNonNull(probe, "probe"));
    }

    /** The description a reader sees (the HTML report, {@code innerlab list}). */
    public MetricCatalog.Entry entry() {
        return new MetricCatalog.Entry(id(), info.summary(), info.paper());
    }
}
