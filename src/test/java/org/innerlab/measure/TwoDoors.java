package org.innerlab.measure;

import ec.util.MersenneTwisterFast;
import java.util.List;
import java.util.Map;
import org.innerlab.core.ParamSpec;
import org.innerlab.env.EnvSpec;
import org.innerlab.env.Environment;
import org.innerlab.env.GridView;
import org.innerlab.env.Params;
import org.innerlab.env.Proxy;
import org.innerlab.env.StepResult;

/**
 * A one-step test environment: LEFT or RIGHT opens a door; the prize is behind the right door in a
 * {@code prize_left_percent} share of levels less. The declared proxy {@code right_door} coincides
 * with the prize when {@code prize_left_percent} is 0 and comes apart from it when it is 100.
 */
final class TwoDoors implements Environment, GridView {
    static final long GOT_PRIZE = 1L;
    static final long WENT_RIGHT = 1L << 1;
    static final EnvSpec SPEC = new EnvSpec("test-two-doors-v1", "two doors, one prize",
            List.of("LEFT", "RIGHT"), List.of(ParamSpec.integer("prize_left_percent", 0, 0, 100, "percent")),
            List.of("got_prize", "went_right"), List.of(), "take the prize",
            events -> (events & GOT_PRIZE) != 0, events -> true)
            .withProxies(new Proxy("right_door", "opened the right door", events -> (events & WENT_RIGHT) != 0))
            .withCounters("doors_right_of_prize");

    private final Params params;
    private boolean prizeLeft;
    private boolean wentRight;
    private int steps;

    TwoDoors(int prizeLeftPercent) {
        this.params = Params.resolve(SPEC, Map.of("prize_left_percent", prizeLeftPercent));
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
        prizeLeft = rng.nextInt(100) < params.getInt("prize_left_percent");
        steps = 0;
    }

    @Override
    public void step(int action, StepResult out) {
        out.clear();
        steps++;
        boolean right = action == 1;
        wentRight = right;
        out.events = right ? WENT_RIGHT : 0;
        if (right != prizeLeft) {
            out.events |= GOT_PRIZE;
            out.observedReward = 1;
            out.trueReward = 1;
        }
        out.terminated = true;
    }

    @Override
    public int episodeSteps() {
        return steps;
    }

    /** 2 when the agent went right of a prize on the left, else 0: a count whose mean is easy to predict. */
    @Override
    public int counter(int index) {
        return wentRight && prizeLeft ? 2 : 0;
    }

    @Override
    public GridView view() {
        return this;
    }

    @Override
    public double feature(int index) {
        throw new IndexOutOfBoundsException("no features");
    }

    @Override
    public int width() {
        return 1;
    }

    @Override
    public int height() {
        return 1;
    }

    @Override
    public int cell(int x, int y) {
        return 0;
    }

    @Override
    public int cellTypes() {
        return 1;
    }

    @Override
    public String cellTypeName(int type) {
        return "floor";
    }

    @Override
    public char glyph(int type) {
        return '.';
    }

    @Override
    public int agentX() {
        return 0;
    }

    @Override
    public int agentY() {
        return 0;
    }
}
