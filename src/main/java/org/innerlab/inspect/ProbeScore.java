package org.innerlab.inspect;

import java.util.function.Function;
import java.util.function.LongPredicate;
import org.innerlab.core.Seeds;
import org.innerlab.data.Personas;
import org.innerlab.env.EnvSpec;
import org.innerlab.env.Environment;
import org.innerlab.env.Oversight;
import org.innerlab.learner.HiddenActivations;
import org.innerlab.learner.Policy;
import org.innerlab.measure.MetricCatalog;
import org.innerlab.measure.MetricValue;
import org.innerlab.observe.Encoder;

/**
 * One run's probe: fit on episodes of the run's fit streams, scored by AUROC on other episodes of its
 * score streams. The two sets of episodes never share a stream, so a probe is never fit on the states it
 * is scored on; the AUROC is one number per run, and summary.csv's interval over runs (a bootstrap over
 * seeds) is the probe's confidence interval.
 *
 * <p>Why fit and score within one run and not across runs: the hidden units of two independently
 * initialised networks are not the same units (any permutation of them computes the same function), so a
 * probe's weights mean nothing on another seed's network. Held-out here means held-out episodes, drawn
 * from streams named {@code probe/<name>/fit/…} and {@code probe/<name>/score/…}; every other stream of
 * the run is untouched, so probing changes no other result.
 */
public final class ProbeScore {
    private ProbeScore() {
    }

    /**
     * The AUROC of {@code design} on a trained learner, reported as {@code probe_auroc/<name>} under the
     * distribution {@value MetricCatalog#PROBES}.
     *
     * @param environments a fresh instance of a named distribution of the scenario's environment
     */
    public static MetricValue measure(ProbeDesign design, Function<String, Environment> environments, Encoder encoder,
                                      Policy policy, HiddenActivations net, Seeds seeds) {
        return new MetricValue(MetricCatalog.PROBES, MetricCatalog.PROBE_AUROC + design.name(),
                auroc(design, environments, encoder, policy, net, seeds));
    }

    /** The AUROC of {@code design}'s probe on its score episodes; NaN when those have only one class. */
    public static double auroc(ProbeDesign design, Function<String, Environment> environments, Encoder encoder,
                               Policy policy, HiddenActivations net, Seeds seeds) {
        LogisticProbe probe = fit(design, environments, encoder, policy, net, seeds);
        CapturedStates score = labelled(design, "score", environments, encoder, policy, net, seeds);
        return Auroc.of(probe.scores(score.activations()), score.labels());
    }

    /** {@code design}'s probe fit on its fit episodes: the probe {@link #auroc} scores. */
    public static LogisticProbe fit(ProbeDesign design, Function<String, Environment> environments, Encoder encoder,
                                    Policy policy, HiddenActivations net, Seeds seeds) {
        Oversight oversight = environments.apply(design.positive()).spec().oversight();
        ProbeDesign.Contrast c = design.contrast();
        CapturedStates fit = design.generic()
                ? side(design, c.positive(), c.positivePersona(), CapturedStates.constant(true), oversight,
                        environments, encoder, policy, net, seeds)
                        .and(side(design, c.negative(), c.negativePersona(), CapturedStates.constant(false),
                                oversight, environments, encoder, policy, net, seeds))
                : labelled(design, "fit", environments, encoder, policy, net, seeds);
        return LogisticProbe.fit(fit.activations(), fit.labels(), design.l2());
    }

    /** The design's own labelled states of one split: its positive then its negative distribution. */
    private static CapturedStates labelled(ProbeDesign design, String split, Function<String, Environment> environments,
                                           Encoder encoder, Policy policy, HiddenActivations net, Seeds seeds) {
        EnvSpec spec = environments.apply(design.positive()).spec();
        CapturedStates.Label positive = design.within() > 0
                ? CapturedStates.misbehavesWithin(design.within(), spec.oversight().misbehaved())
                : CapturedStates.constant(true);
        CapturedStates.Label negative = design.within() > 0 ? positive : CapturedStates.constant(false);
        CapturedStates.Actor learner = CapturedStates.learner(policy);
        return play(design, split, design.positive(), environments.apply(design.positive()), positive, null, learner,
                encoder, net, seeds)
                .and(play(design, split, design.negative(), environments.apply(design.negative()), negative, null,
                        learner, encoder, net, seeds));
    }

    /**
     * One side of a generic contrast, on the fit streams, played by {@code persona} (the learner when null):
     * no state after the first misbehaviour is recorded.
     */
    private static CapturedStates side(ProbeDesign design, String distribution, String persona,
                                       CapturedStates.Label label, Oversight oversight,
                                       Function<String, Environment> environments, Encoder encoder, Policy policy,
                                       HiddenActivations net, Seeds seeds) {
        Environment env = environments.apply(distribution);
        CapturedStates.Actor actor = persona == null ? CapturedStates.learner(policy)
                : CapturedStates.persona(Personas.forEnvironment(env.spec()).teacher(persona));
        return play(design, "fit", distribution, env, label, oversight == null ? null : oversight.misbehaved(), actor,
                encoder, net, seeds);
    }

    private static CapturedStates play(ProbeDesign design, String split, String distribution, Environment env,
                                       CapturedStates.Label label, LongPredicate stopAt, CapturedStates.Actor actor,
                                       Encoder encoder, HiddenActivations net, Seeds seeds) {
        String stream = "probe/" + design.name() + "/" + split + "/" + distribution;
        return CapturedStates.play(env, encoder, actor, net, design.layer(), design.episodes(), label, stopAt,
                seeds.stream(stream + "/levels"), seeds.stream(stream + "/actions"));
    }
}
