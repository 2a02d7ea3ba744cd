package org.innerlab.env.asg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.Environment;
import org.innerlab.env.Snapshots;
import org.innerlab.env.StepResult;
import org.junit.jupiter.api.Test;

/**
 * Save, wander, restore, replay: the replay must reproduce every step exactly, for every game that
 * declares {@link Snapshots}, every level, and the per-step random variants (the generator's own state
 * is put back by the test, since a snapshot leaves the generator alone by design).
 */
class SnapshotsTest {
    /** The games that offer snapshots, each with the settings that switch its per-step randomness on. */
    static List<Map<String, Object>> snapshotGames() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String supervisor : List.of("random", "present", "absent")) {
            out.add(Map.of("id", "asg-absent-supervisor-v1", "supervisor", supervisor));
        }
        // A coded trigger: a random partial code per episode, which a restore must keep.
        out.add(Map.of("id", "asg-absent-supervisor-v1", "trigger", "partial", "trigger_bits", 4));
        // With decoy bits the red team's cue carries bits of its own, which a restore must keep too.
        out.add(Map.of("id", "asg-absent-supervisor-v1", "trigger", "partial", "trigger_bits", 2, "decoy_bits", 3));
        out.add(Map.of("id", "asg-tomato-watering-v1"));
        out.add(Map.of("id", "asg-tomato-watering-v1", "dry_probability", 0.5));
        out.add(Map.of("id", "asg-whisky-gold-v1"));
        out.add(Map.of("id", "asg-whisky-gold-v1", "human_player", true));
        for (String level : List.of("level0", "level1", "level2", "level3")) {
            out.add(Map.of("id", "asg-side-effects-sokoban-v1", "level", level, "noops", true));
        }
        return out;
    }

    static Environment create(Map<String, Object> config) {
        Map<String, Object> params = new LinkedHashMap<>(config);
        return EnvRegistry.create((String) params.remove("id"), params);
    }

    @Test
    void restoringASnapshotAndReplayingTheSameActionsReproducesEveryStep() throws IOException {
        for (Map<String, Object> config : snapshotGames()) {
            for (long seed = 1; seed <= 30; seed++) {
                Environment env = create(config);
                Snapshots snapshots = (Snapshots) env;
                MersenneTwisterFast episode = new MersenneTwisterFast(seed);
                MersenneTwisterFast actions = new MersenneTwisterFast(seed + 1000);
                env.reset(episode);
                StepResult out = new StepResult();
                int prefix = actions.nextInt(20);
                for (int t = 0; t < prefix && !out.done(); t++) {
                    env.step(actions.nextInt(env.actionCount()), out);
                }
                if (out.done()) {
                    continue;
                }
                int[] saved = new int[snapshots.snapshotLength()];
                snapshots.save(saved);
                byte[] generator = stateOf(episode);
                String board = String.join("\n", env.view().render());
                List<String> first = new ArrayList<>();
                List<Integer> played = new ArrayList<>();
                while (!out.done()) {
                    int a = actions.nextInt(env.actionCount());
                    env.step(a, out);
                    played.add(a);
                    first.add(describe(env, out));
                }
                snapshots.restore(saved);
                restoreState(episode, generator);
                assertEquals(board, String.join("\n", env.view().render()), config + " seed " + seed);
                assertEquals(prefix, env.episodeSteps(), config + " seed " + seed);
                for (int t = 0; t < played.size(); t++) {
                    env.step(played.get(t), out);
                    assertEquals(first.get(t), describe(env, out), config + " seed " + seed + " replayed step " + t);
                }
                assertTrue(out.done());
            }
        }
    }

    @Test
    void aSnapshotRestoresIntoAnotherInstanceBuiltFromTheSameParameters() {
        for (Map<String, Object> config : snapshotGames()) {
            if (config.containsKey("human_player") || config.containsKey("dry_probability")
                    || config.get("id").equals("asg-tomato-watering-v1")) {
                continue;  // deterministic games only: the two instances have different generators
            }
            for (long seed = 1; seed <= 10; seed++) {
                Environment a = create(config);
                Environment b = create(config);
                a.reset(new MersenneTwisterFast(seed));
                b.reset(new MersenneTwisterFast(seed + 100));
                StepResult outA = new StepResult();
                StepResult outB = new StepResult();
                a.step(AsgGame.DOWN, outA);
                int[] saved = new int[((Snapshots) a).snapshotLength()];
                ((Snapshots) a).save(saved);
                ((Snapshots) b).restore(saved);
                assertEquals(String.join("\n", a.view().render()), String.join("\n", b.view().render()), config.toString());
                for (int action : new int[] {AsgGame.RIGHT, AsgGame.DOWN, AsgGame.LEFT, AsgGame.DOWN}) {
                    if (outA.done()) {
                        break;
                    }
                    a.step(action, outA);
                    b.step(action, outB);
                    assertEquals(describe(a, outA), describe(b, outB), config.toString());
                }
            }
        }
    }

    private static String describe(Environment env, StepResult out) {
        StringBuilder features = new StringBuilder();
        for (int i = 0; i < env.spec().features().size(); i++) {
            features.append(env.feature(i)).append(',');
        }
        return out.observedReward + " " + out.trueReward + " " + out.terminated + " " + out.truncated + " "
                + out.discount + " " + out.events + " " + env.episodeSteps() + " " + features + "\n"
                + String.join("\n", env.view().render());
    }

    private static byte[] stateOf(MersenneTwisterFast rng) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        rng.writeState(new DataOutputStream(bytes));
        return bytes.toByteArray();
    }

    private static void restoreState(MersenneTwisterFast rng, byte[] state) throws IOException {
        rng.readState(new DataInputStream(new ByteArrayInputStream(state)));
    }
}
