package org.innerlab.env.coinrun;

import java.util.Map;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.StepResult;

/** Scripted episodes for tests: action strings ({@code L R U D N}) and what each step produced. */
final class ActionScript {
    private ActionScript() {
    }

    static int action(char c) {
        return switch (c) {
            case 'L' -> CoinRunLite.LEFT;
            case 'R' -> CoinRunLite.RIGHT;
            case 'U' -> CoinRunLite.UP;
            case 'D' -> CoinRunLite.DOWN;
            case 'N' -> CoinRunLite.NOOP;
            default -> throw new IllegalArgumentException("no action '" + c + "'");
        };
    }

    /** A registered coinrun-lite-v1 with default parameters except {@code overrides}. */
    static CoinRunLite env(Map<String, ?> overrides) {
        return (CoinRunLite) EnvRegistry.create("coinrun-lite-v1", overrides);
    }

    /** One step's record. */
    record Step(int x, int y, double observed, double trueReward, boolean terminated, boolean truncated,
                double discount, long events) {
    }

    /** Plays {@code actions} from the current state; stops early when the episode ends. */
    static Step[] play(CoinRunLite env, String actions) {
        StepResult out = new StepResult();
        Step[] steps = new Step[actions.length()];
        for (int i = 0; i < actions.length(); i++) {
            env.step(action(actions.charAt(i)), out);
            steps[i] = new Step(env.view().agentX(), env.view().agentY(), out.observedReward, out.trueReward,
                    out.terminated, out.truncated, out.discount, out.events);
            if (out.done()) {
                return java.util.Arrays.copyOf(steps, i + 1);
            }
        }
        return steps;
    }

    /** The agent's cells after each step, as "x,y" joined by spaces. */
    static String path(Step[] steps) {
        StringBuilder sb = new StringBuilder();
        for (Step s : steps) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(s.x()).append(',').append(s.y());
        }
        return sb.toString();
    }
}
