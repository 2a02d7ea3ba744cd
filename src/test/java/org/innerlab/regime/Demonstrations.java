package org.innerlab.regime;

import ec.util.MersenneTwisterFast;
import java.util.List;
import org.innerlab.data.Dataset;
import org.innerlab.observe.SparseVector;

/**
 * Hand-built datasets for behaviour-cloning tests: S states seen as a bias input plus a one-hot
 * state input (dimension S + 1), one step per episode, the action and tag of each row chosen by the test.
 */
final class Demonstrations {
    /** Decides one row: sets {@link #action}, {@link #tag} and {@link #events} for a row in {@code state}. */
    interface Row {
        void fill(int state, MersenneTwisterFast rng, Demonstrations d);
    }

    int action;
    byte tag = Dataset.UNTAGGED;
    long events;

    private Demonstrations() {
    }

    /** The input of {@code state}: bias at index 0, the state's indicator at 1 + state. */
    static void encode(int state, SparseVector out) {
        out.clear();
        out.add(0, 1.0);
        out.add(1 + state, 1.0);
    }

    /** {@code rows} rows cycling over the states, each filled by {@code row} with draws from {@code rng}. */
    static Dataset build(int states, int actions, int rows, MersenneTwisterFast rng, Row row) {
        Dataset.Builder b = new Dataset.Builder(states + 1, actions, List.of("aligned", "misaligned"));
        SparseVector x = new SparseVector(states + 1, 2);
        Demonstrations d = new Demonstrations();
        for (int i = 0; i < rows; i++) {
            int state = i % states;
            d.action = 0;
            d.tag = Dataset.UNTAGGED;
            d.events = 0;
            row.fill(state, rng, d);
            encode(state, x);
            b.startEpisode(i);
            b.add(x, d.action, d.action == 0 ? 0 : 1, d.action == 0 ? 0 : 1, d.tag, 0, 0, d.events);
        }
        return b.build();
    }
}
