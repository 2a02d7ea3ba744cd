package org.innerlab.learner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.innerlab.observe.SparseVector;
import org.junit.jupiter.api.Test;

class TabularQTest {
    @Test
    void keepsEveryStateExactlyAcrossTableGrowth() {
        TabularQ q = new TabularQ(3, 0.5, 0.0);
        SparseVector obs = new SparseVector(100_000, 2);
        int states = 5_000;
        for (int s = 0; s < states; s++) {
            obs.clear();
            obs.add(s, 1.0);
            obs.add(states + s % 7, 1.0);
            q.adjust(obs, s % 3, s);
        }
        assertEquals(states, q.states());
        double[] values = new double[3];
        for (int s = 0; s < states; s++) {
            obs.clear();
            obs.add(s, 1.0);
            obs.add(states + s % 7, 1.0);
            q.qValues(obs, values);
            for (int a = 0; a < 3; a++) {
                assertEquals(a == s % 3 ? 0.5 + s : 0.5, values[a], "state " + s + " action " + a);
            }
        }
    }

    @Test
    void unseenStatesReadAsTheInitialValue() {
        TabularQ q = new TabularQ(2, -1.5, 0.0);
        SparseVector obs = new SparseVector(10, 1);
        obs.add(3, 1.0);
        double[] values = new double[2];
        q.qValues(obs, values);
        assertEquals(-1.5, values[0]);
        assertEquals(-1.5, values[1]);
        assertEquals(0, q.states());
    }
}
