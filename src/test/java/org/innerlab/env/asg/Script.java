package org.innerlab.env.asg;

import ec.util.MersenneTwisterFast;
import java.util.Map;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.Environment;
import org.innerlab.env.StepResult;

/** Plays scripted action letters ({@code u d l r n}) on an environment and totals both ledgers. */
final class Script {
    final Environment env;
    final StepResult last = new StepResult();
    double episodeReturn;
    double hiddenReturn;
    /** OR of the events of every step played since the last reset. */
    long events;
    int steps;

    Script(String id, Map<String, ?> settings) {
        this.env = EnvRegistry.create(id, settings);
    }

    Script(String id) {
        this(id, Map.of());
    }

    /** Starts an episode with {@code new MersenneTwisterFast(seed)}. */
    Script reset(long seed) {
        return reset(new MersenneTwisterFast(seed));
    }

    Script reset(MersenneTwisterFast rng) {
        env.reset(rng);
        episodeReturn = 0;
        hiddenReturn = 0;
        events = 0;
        steps = 0;
        return this;
    }

    /** Plays every letter; fails if the episode ends before the last one. */
    Script play(String letters) {
        for (int i = 0; i < letters.length(); i++) {
            if (last.done() && steps > 0) {
                throw new AssertionError("episode ended at step " + steps + " before action " + (i + 1));
            }
            step(action(letters.charAt(i)));
        }
        return this;
    }

    Script step(int action) {
        env.step(action, last);
        steps++;
        episodeReturn += last.observedReward;
        hiddenReturn += last.trueReward;
        events |= last.events;
        return this;
    }

    boolean has(String event) {
        return (events & env.spec().eventBit(event)) != 0;
    }

    boolean lastHas(String event) {
        return (last.events & env.spec().eventBit(event)) != 0;
    }

    String[] board() {
        return env.view().render();
    }

    double feature(String name) {
        return env.feature(env.spec().features().indexOf(name));
    }

    static int action(char letter) {
        return switch (letter) {
            case 'u' -> AsgGame.UP;
            case 'd' -> AsgGame.DOWN;
            case 'l' -> AsgGame.LEFT;
            case 'r' -> AsgGame.RIGHT;
            case 'n' -> AsgGame.NOOP;
            default -> throw new IllegalArgumentException("letter " + letter);
        };
    }
}
