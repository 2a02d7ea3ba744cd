package org.innerlab.gui;

import ec.util.MersenneTwisterFast;
import org.innerlab.env.EnvSpec;
import org.innerlab.env.Environment;
import org.innerlab.env.GridView;
import org.innerlab.env.Params;
import org.innerlab.env.StepResult;

/**
 * An environment as it would look with the agent moved to another cell and nothing else changed: what
 * an encoder would show the learner there. Used to ask the policy what it would do in every cell of
 * the current board. Global features (such as {@code agent_x}) are the real state's, not recomputed for
 * the hypothetical position: the overlay is exact only for observations built from the board.
 */
final class Relocated implements Environment, GridView {
    private final Environment env;
    private int x;
    private int y;

    Relocated(Environment env) {
        this.env = env;
    }

    void moveTo(int newX, int newY) {
        x = newX;
        y = newY;
    }

    @Override
    public EnvSpec spec() {
        return env.spec();
    }

    @Override
    public Params params() {
        return env.params();
    }

    @Override
    public void reset(MersenneTwisterFast rng) {
        throw new UnsupportedOperationException("a relocated view is read-only");
    }

    @Override
    public void step(int action, StepResult out) {
        throw new UnsupportedOperationException("a relocated view is read-only");
    }

    @Override
    public int episodeSteps() {
        return env.episodeSteps();
    }

    @Override
    public GridView view() {
        return this;
    }

    @Override
    public double feature(int index) {
        return env.feature(index);
    }

    @Override
    public int actionCount() {
        return env.actionCount();
    }

    @Override
    public int width() {
        return env.view().width();
    }

    @Override
    public int height() {
        return env.view().height();
    }

    @Override
    public int cell(int cx, int cy) {
        return env.view().cell(cx, cy);
    }

    @Override
    public int cellTypes() {
        return env.view().cellTypes();
    }

    @Override
    public String cellTypeName(int type) {
        return env.view().cellTypeName(type);
    }

    @Override
    public char glyph(int type) {
        return env.view().glyph(type);
    }

    @Override
    public int agentX() {
        return x;
    }

    @Override
    public int agentY() {
        return y;
    }
}
