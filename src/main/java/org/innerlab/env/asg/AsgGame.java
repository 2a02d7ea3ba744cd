package org.innerlab.env.asg;

import ec.util.MersenneTwisterFast;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongPredicate;
import org.innerlab.core.ParamSpec;
import org.innerlab.env.EnvSpec;
import org.innerlab.env.Environment;
import org.innerlab.env.GridView;
import org.innerlab.env.Legend;
import org.innerlab.env.Params;
import org.innerlab.env.Snapshots;
import org.innerlab.env.StepResult;

/**
 * The shared base of the DeepMind AI Safety Gridworlds ports (Leike et al. 2017, reference v1.5):
 * the episode clock, the action encoding and the board.
 *
 * <p>What every game has in common with the reference's {@code SafetyEnvironment}:
 * <ul>
 *   <li>Actions {@code UP=0, DOWN=1, LEFT=2, RIGHT=3}, and {@code NOOP=4} only where a game has a
 *       {@code noops} parameter and it is true ({@link #actionCount()} says how many are valid).</li>
 *   <li>An episode ends on the game's own rules ({@code terminated}, discount 0) or on the
 *       {@value #MAX_STEPS}th step ({@code truncated}, discount 1). A game-ending step that is also
 *       the 100th counts as terminated, as in the reference.</li>
 *   <li>Two ledgers per step: the observed reward and the hidden reward increment. Games whose
 *       reference performance function is the episode return report {@code trueReward = observedReward},
 *       so an episode's performance is always the sum of its true rewards.</li>
 *   <li>The board holds cell codes whose glyphs are the reference's characters, so
 *       {@link #render()} reproduces the reference's ASCII board.</li>
 * </ul>
 * Every random choice comes from the generator given to {@link #reset}; games that draw during a
 * step (tomato drying, drunk moves) keep that reference. {@link #step} allocates nothing.
 *
 * <p>Snapshots: the base saves and restores what it owns (step count, whether the episode is over,
 * the agent and the board) and asks the game for the rest through {@link #extraStateLength},
 * {@link #saveExtra} and {@link #restoreExtra}. A game offers the {@link Snapshots} capability by
 * declaring {@code implements Snapshots} once it has checked that those hooks cover every field its
 * future depends on; games that have not been checked do not declare it, so a planner cannot use an
 * incomplete model by accident.
 */
public abstract class AsgGame implements Environment, GridView {
    public static final int UP = 0;
    public static final int DOWN = 1;
    public static final int LEFT = 2;
    public static final int RIGHT = 3;
    public static final int NOOP = 4;
    /** Cell code 0 is the wall {@code #} in every game. */
    protected static final byte WALL = 0;
    /** Cell code 1 is the floor {@code ' '} in every game. */
    protected static final byte FLOOR = 1;
    /** The reference's {@code max_iterations}. */
    public static final int MAX_STEPS = 100;

    /** The four moves of the reference. */
    static final List<String> MOVES = List.of("UP", "DOWN", "LEFT", "RIGHT");
    /** The moves plus {@code NOOP}, for games with a {@code noops} parameter. */
    static final List<String> MOVES_AND_NOOP = List.of("UP", "DOWN", "LEFT", "RIGHT", "NOOP");

    private final EnvSpec spec;
    private final Params params;
    private final String glyphs;
    private final String[] typeNames;
    private final int actionCount;
    protected final int width;
    protected final int height;
    /** Flat-index offset of each action's move. */
    private final int[] offset;
    /** The current board without the agent, one code per cell, row-major. */
    protected final byte[] cells;
    /** The agent's flat index {@code y * width + x}. */
    protected int agent;
    /** The episode's generator, kept for games that draw during a step. */
    protected MersenneTwisterFast rng;
    private int steps;
    private boolean over = true;
    private boolean started;

    /**
     * @param glyphs    the reference character of each cell code, index = code
     * @param typeNames a stable lower-case name per cell code
     * @param noops     whether {@code NOOP} is a valid action of this instance
     */
    protected AsgGame(EnvSpec spec, Params params, String glyphs, String[] typeNames, int width, int height,
                      boolean noops) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.params = Objects.requireNonNull(params, "params").requireFor(spec);
        if (glyphs.length() != typeNames.length) {
            throw new IllegalArgumentException("one name per glyph needed");
        }
        this.glyphs = glyphs;
        this.typeNames = typeNames.clone();
        this.width = width;
        this.height = height;
        this.actionCount = noops ? 5 : 4;
        this.offset = new int[] {-width, width, -1, 1, 0};
        this.cells = new byte[width * height];
    }

    /** Builds the spec of a safety gridworld; {@code noopAction} lists {@code NOOP} as action 4. */
    static EnvSpec gridworldSpec(String id, String description, boolean noopAction, List<ParamSpec> params,
                        List<String> events, List<String> features, String intendedGoal,
                        LongPredicate intendedSuccess, LongPredicate competence) {
        return new EnvSpec(id, description, noopAction ? MOVES_AND_NOOP : MOVES, params, events, features,
                intendedGoal, intendedSuccess, competence);
    }

    /** The bit of {@code name} in an event list, for the static predicates of a spec. */
    static long bit(List<String> events, String name) {
        int i = events.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no event " + name + " in " + events);
        }
        return 1L << i;
    }

    /** The largest board a drawing may be: the reference's boards are at most 20 wide. */
    private static final int MAX_DRAWN_WIDTH = 30;
    private static final int MAX_DRAWN_HEIGHT = 20;

    /**
     * The legend of a game whose drawing uses the reference's glyphs: {@code #} wall, space floor and
     * {@code A} agent, then the game's own {@code pieces}; walled in, 3x3 to 30x20.
     *
     * @param goals    the pieces a drawing needs at least one of, each reachable (empty for none)
     * @param required the pieces a drawing needs exactly one of, reachable
     */
    static Legend legend(String goals, String required, Legend.Symbol... pieces) {
        return legend(goals, "", required, pieces);
    }

    /**
     * The legend of {@link #legend(String, String, Legend.Symbol...)} with pieces a drawing may hold at
     * most once ({@code unique}), each reachable when drawn.
     */
    static Legend legend(String goals, String unique, String required, Legend.Symbol... pieces) {
        List<Legend.Symbol> symbols = new ArrayList<>(List.of(
                new Legend.Symbol('#', "wall", false, "blocks moves"),
                new Legend.Symbol(' ', "floor", true, "open ground"),
                new Legend.Symbol('A', "agent", true, "where the agent starts (floor beneath it)")));
        symbols.addAll(List.of(pieces));
        return new Legend(symbols, 'A', goals, unique, required, true, 3, 3, MAX_DRAWN_WIDTH, MAX_DRAWN_HEIGHT);
    }

    /**
     * The board to play: the drawing in {@value Legend#PARAMETER}, checked against the game's legend,
     * or {@code builtIn} when there is none (the default).
     */
    static Layout drawnOr(Params params, String glyphs, Layout builtIn) {
        String drawing = params.getString(Legend.PARAMETER);
        return drawing.isEmpty() ? builtIn : Layout.parse(params.spec().legend().rows(drawing), glyphs);
    }

    /** The {@code level} parameter: one choice per layout, named as in the spec. */
    static ParamSpec level(String defaultValue, List<String> choices) {
        return ParamSpec.choice("level", defaultValue, choices, "which layout (variant) of the reference to play");
    }

    /** Starts the episode: lays out {@link #cells}, places {@link #agent}, draws the episode's random choices. */
    protected abstract void startEpisode();

    /** Plays one step of the game's rules; the base has cleared {@code out} and counts the step. */
    protected abstract void play(int action, StepResult out);

    /** Puts the values this episode's random choices took into {@code settings} (parameter name to value). */
    protected void resolveChoices(Map<String, Object> settings) {
    }

    /** How many integers the game's own dynamic state needs in a snapshot, beyond the board and agent. */
    protected int extraStateLength() {
        return 0;
    }

    /** Writes the game's own dynamic state into {@code into[at..at + extraStateLength())}. */
    protected void saveExtra(int[] into, int at) {
    }

    /** Reads back what {@link #saveExtra} wrote. */
    protected void restoreExtra(int[] from, int at) {
    }

    // ---- snapshots: [steps, over, agent, cells..., extra...] ----

    private static final int OVER = 1;
    private static final int AGENT = 2;
    private static final int CELLS = 3;

    /** Length of a snapshot: see {@link Snapshots}, offered by games that declare it. */
    public final int snapshotLength() {
        return CELLS + cells.length + extraStateLength();
    }

    /** Saves the episode's state; see {@link Snapshots#save}. */
    public final void save(int[] into) {
        into[Snapshots.STEP_COUNT] = steps;
        into[OVER] = over ? 1 : 0;
        into[AGENT] = agent;
        for (int i = 0; i < cells.length; i++) {
            into[CELLS + i] = cells[i];
        }
        saveExtra(into, CELLS + cells.length);
    }

    /** Restores a saved state; see {@link Snapshots#restore}. */
    public final void restore(int[] from) {
        if (!started) {
            throw new IllegalStateException(spec.id() + ": reset before restoring a snapshot");
        }
        steps = from[Snapshots.STEP_COUNT];
        over = from[OVER] != 0;
        agent = from[AGENT];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = (byte) from[CELLS + i];
        }
        restoreExtra(from, CELLS + cells.length);
    }

    @Override
    public final void reset(MersenneTwisterFast rng) {
        this.rng = Objects.requireNonNull(rng, "rng");
        steps = 0;
        over = false;
        started = true;
        startEpisode();
    }

    @Override
    public final void step(int action, StepResult out) {
        if (over) {
            throw new IllegalStateException(spec.id() + ": no episode under way (it ended at step " + steps
                    + " or reset was never called)");
        }
        if (action < 0 || action >= actionCount) {
            throw new IllegalArgumentException(spec.id() + ": action " + action + " is not in [0, " + actionCount + ")");
        }
        out.clear();
        steps++;
        play(action, out);
        if (out.terminated) {
            out.discount = 0;
        } else if (steps >= MAX_STEPS) {
            out.truncated = true;
        }
        over = out.done();
    }

    @Override
    public final EnvSpec spec() {
        return spec;
    }

    @Override
    public final Params params() {
        return params;
    }

    @Override
    public final int episodeSteps() {
        return steps;
    }

    @Override
    public final int actionCount() {
        return actionCount;
    }

    @Override
    public final GridView view() {
        return this;
    }

    @Override
    public double feature(int index) {
        throw new IndexOutOfBoundsException(spec.id() + " has features " + spec.features() + ", no index " + index);
    }

    @Override
    public final Map<String, Object> episodeSettings() {
        Map<String, Object> settings = new LinkedHashMap<>(params.asMap());
        if (started) {
            resolveChoices(settings);
        }
        return settings;
    }

    /** Whether the current episode has ended (or none has started). */
    public final boolean episodeOver() {
        return over;
    }

    // ---- GridView ----

    @Override
    public final int width() {
        return width;
    }

    @Override
    public final int height() {
        return height;
    }

    @Override
    public int cell(int x, int y) {
        return cells[y * width + x];
    }

    @Override
    public final int cellTypes() {
        return glyphs.length();
    }

    @Override
    public final String cellTypeName(int type) {
        return typeNames[type];
    }

    @Override
    public final char glyph(int type) {
        return glyphs.charAt(type);
    }

    @Override
    public final int agentX() {
        return agent % width;
    }

    @Override
    public final int agentY() {
        return agent / width;
    }

    // ---- helpers for the games ----

    /** The flat index one move of {@code action} away from {@code index} ({@code index} itself for NOOP). */
    protected final int neighbour(int index, int action) {
        return index + offset[action];
    }

    /** Moves the agent one step of {@code action} unless a wall is in the way; true when it moved. */
    protected final boolean walk(int action) {
        int next = neighbour(agent, action);
        if (next == agent || cells[next] == WALL) {
            return false;
        }
        agent = next;
        return true;
    }

    /** Copies a precomputed layout into the board and puts the agent at its start. */
    protected final void lay(Layout layout) {
        System.arraycopy(layout.cells, 0, cells, 0, cells.length);
        agent = layout.agentStart;
    }
}
