package org.innerlab.regime;

import ec.util.MersenneTwisterFast;
import java.util.List;
import org.innerlab.core.ParamSpec;
import org.innerlab.env.EnvSpec;
import org.innerlab.env.Environment;
import org.innerlab.env.GridView;
import org.innerlab.env.Params;
import org.innerlab.env.StepResult;

/**
 * A one-row corridor for testing learners: the agent starts in a random cell of the left half and
 * is paid 1 (observed and true) for reaching the rightmost cell; LEFT/RIGHT move, the time limit is
 * three times the length. Cells: 0 floor, 1 goal.
 */
final class Corridor implements Environment, GridView {
    static final EnvSpec SPEC = new EnvSpec("test-corridor-v1", "a corridor with the goal at the right end",
            List.of("LEFT", "RIGHT"), List.of(ParamSpec.integer("length", 8, 2, 100, "cells")),
            List.of("reached_goal"), List.of("agent_x"), "reach the right end",
            events -> (events & 1L) != 0, events -> (events & 1L) != 0);

    private final Params params;
    private final int length;
    private int x;
    private int steps;

    Corridor(int length) {
        this.params = Params.resolve(SPEC, java.util.Map.of("length", length));
        this.length = length;
    }

    @Override
    public EnvSpec spec() {
        return SPEC;
    }

    @Override
    public Params params() {
        return params;
    }

    @Override
    public void reset(MersenneTwisterFast rng) {
        x = rng.nextInt(length / 2);
        steps = 0;
    }

    @Override
    public void step(int action, StepResult out) {
        out.clear();
        x = Math.max(0, Math.min(length - 1, x + (action == 1 ? 1 : -1)));
        steps++;
        if (x == length - 1) {
            out.observedReward = 1;
            out.trueReward = 1;
            out.terminated = true;
            out.discount = 0;
            out.events = 1L;
        } else if (steps >= 3 * length) {
            out.truncated = true;
        }
    }

    @Override
    public int episodeSteps() {
        return steps;
    }

    @Override
    public GridView view() {
        return this;
    }

    @Override
    public double feature(int index) {
        return (double) x / (length - 1);
    }

    @Override
    public int width() {
        return length;
    }

    @Override
    public int height() {
        return 1;
    }

    @Override
    public int cell(int cx, int cy) {
        return cx == length - 1 ? 1 : 0;
    }

    @Override
    public int cellTypes() {
        return 2;
    }

    @Override
    public String cellTypeName(int type) {
        return type == 1 ? "goal" : "floor";
    }

    @Override
    public char glyph(int type) {
        return type == 1 ? 'G' : '.';
    }

    @Override
    public int agentX() {
        return x;
    }

    @Override
    public int agentY() {
        return 0;
    }
}
