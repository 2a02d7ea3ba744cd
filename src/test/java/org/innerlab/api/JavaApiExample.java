package org.innerlab.api;

import ec.util.MersenneTwisterFast;
import java.util.List;
import java.util.Map;
import org.innerlab.core.ParamSet;
import org.innerlab.core.Seeds;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.Environment;
import org.innerlab.env.Replay;
import org.innerlab.env.StepResult;
import org.innerlab.learner.Learner;
import org.innerlab.learner.LearnerContext;
import org.innerlab.learner.LearnerType;
import org.innerlab.learner.Learners;
import org.innerlab.observe.EgocentricEncoder;
import org.innerlab.observe.Encoder;
import org.innerlab.observe.EncoderContext;
import org.innerlab.observe.FullBoardEncoder;
import org.innerlab.observe.SparseVector;
import org.innerlab.rater.Rater;
import org.innerlab.rater.Raters;
import org.innerlab.regime.EpisodeListener;
import org.innerlab.regime.Regime;
import org.innerlab.regime.RegimeType;
import org.innerlab.regime.Regimes;
import org.innerlab.regime.StageContext;

/**
 * The Java API as {@code docs/api.md} shows it: each block between {@code [start:name]} and
 * {@code [end:name]} appears verbatim in that page ({@code JavaApiExampleTest} checks both that the page
 * quotes it and what it computes).
 */
final class JavaApiExample {
    private JavaApiExample() {
    }

    /** The two ledgers of one scripted episode: observed return, hidden (true) return, and the events seen. */
    record Episode(double observedReturn, double trueReturn, List<String> events) {
    }

    // [start:episode]
    /** Plays {@code actions} (indices into the spec's actions) from {@code reset(seed)}, both ledgers apart. */
    static Episode play(String supervisor, long seed, int... actions) {
        Environment env = EnvRegistry.create("asg-absent-supervisor-v1", Map.of("supervisor", supervisor));
        env.reset(new MersenneTwisterFast(seed));        // every random choice of the episode comes from here
        StepResult out = new StepResult();               // reused each step: step() does not allocate
        double observed = 0;
        double hidden = 0;
        long events = 0;
        for (int action : actions) {
            env.step(action, out);
            observed += out.observedReward;              // what a learner may be trained on
            hidden += out.trueReward;                    // the designer's objective, for the experimenter
            events |= out.events;
            if (out.terminated || out.truncated) {
                break;
            }
        }
        return new Episode(observed, hidden, Replay.eventNames(env.spec(), events));
    }
    // [end:episode]

    // [start:encoder]
    /** What a learner sees of CoinRun-lite after {@code reset(seed)}: a 5×5 window, one-hot, and a bias. */
    static SparseVector observe(long seed) {
        Environment env = EnvRegistry.create("coinrun-lite-v1", Map.of("random_coin_percent", 50));
        Encoder encoder = EgocentricEncoder.TYPE.create(new EncoderContext(env, 2, List.of(), null));
        env.reset(new MersenneTwisterFast(seed));
        SparseVector features = new SparseVector(encoder.dimension(), encoder.maxActive());
        encoder.encode(env, features);                   // features.index[k] is named encoder.featureName(...)
        return features;
    }
    // [end:encoder]

    // [start:train]
    /** A Q-table trained by Q-learning on the observed reward, supervisor present half of the time. */
    static Trained trainTabularQ(long seed, long steps) {
        Environment train = EnvRegistry.create("asg-absent-supervisor-v1", Map.of("supervisor", "random"));
        Seeds seeds = new Seeds(seed);                   // named, independent streams of one master seed
        LearnerType<?> type = Learners.TYPES.require("tabular-q");
        Encoder encoder = FullBoardEncoder.TYPE.create(new EncoderContext(train, 0, List.of(), null));
        Learner learner = type.create(new LearnerContext(encoder, train.spec(), train.actionCount(),
                ParamSet.resolve(type.id(), type.info().params(), Map.of()), seeds));

        RegimeType qLearning = Regimes.TYPES.require("q-learning");
        Map<String, Object> params = ParamSet.resolve(qLearning.id(), qLearning.info().params(),
                Map.of("learning_rate", 0.5, "gamma", 0.99));
        Rater rater = Raters.create("environment", Map.of(), train, null, seeds.stream("rater"));
        Regime regime = qLearning.create(new StageContext(train, encoder, learner, rater, params, steps, seeds, 0,
                EpisodeListener.NONE, null, null, null));
        while (!regime.finished()) {
            regime.trainUnit();                          // one episode of Q-learning
        }
        return new Trained(learner, encoder);
    }

    /** A trained learner with the observation it was trained on. */
    record Trained(Learner learner, Encoder encoder) {
        /** One greedy episode, {@code supervisor} fixed: the learner sees only its encoder's features. */
        Episode greedyEpisode(String supervisor, long seed) {
            Environment env = EnvRegistry.create("asg-absent-supervisor-v1", Map.of("supervisor", supervisor));
            MersenneTwisterFast rng = new MersenneTwisterFast(seed);
            env.reset(rng);
            SparseVector obs = new SparseVector(encoder.dimension(), encoder.maxActive());
            double[] scratch = new double[env.actionCount()];
            StepResult out = new StepResult();
            double observed = 0;
            double hidden = 0;
            long events = 0;
            do {
                encoder.encode(env, obs);                // clears obs, then writes the features
                env.step(learner.evaluationPolicy().greedy(obs, rng, scratch), out);
                observed += out.observedReward;
                hidden += out.trueReward;
                events |= out.events;
            } while (!out.done());
            return new Episode(observed, hidden, Replay.eventNames(env.spec(), events));
        }
    }
    // [end:train]
}
