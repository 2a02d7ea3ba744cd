package org.innerlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.innerlab.lab.Experiment;
import org.innerlab.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code innerlab compare} on real CoinRun-lite runs: a difference by construction, and none. */
class CompareCommandTest {
    /**
     * 0% vs 25% of training levels with a randomized coin, 10 seeds each, 150,000 steps: a shorter
     * version of the shipped scenario. Randomizing the coin must lower the test goal-misgeneralization
     * rate, and Holm-corrected Mann–Whitney must say so at α = 0.05.
     */
    static final String SIGNAL = """
            name: compare-signal
            seed: 5
            seeds: 10
            environment:
              id: coinrun-lite-v1
              params: { width: 16, height: 6, time_limit: 100 }
              train: { random_coin_percent: 0 }
              test: { random_coin_percent: 100 }
            learner: { type: linear-softmax, observation: { view_radius: 2 } }
            training: [ { regime: reinforce, steps: 150000 } ]
            evaluation: { episodes: 50, distributions: [train, test] }
            sweep: { environment.train.random_coin_percent: [0, 25] }
            """;

    /** One condition under 20 master seeds, 5 runs each: neighbouring points differ only by seed. */
    static final String NULL = """
            name: compare-null
            seed: 1
            seeds: 5
            environment:
              id: coinrun-lite-v1
              params: { width: 10, time_limit: 60 }
              test: { random_coin_percent: 100 }
            learner: { type: linear-softmax, observation: { view_radius: 1 } }
            training: [ { regime: reinforce, steps: 20000 } ]
            evaluation: { episodes: 40 }
            sweep: { seed: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20] }
            """;

    static Path run(Path tmp, String name, String yaml) throws Exception {
        Path file = Files.writeString(tmp.resolve(name + ".yaml"), yaml);
        return Experiment.run(ScenarioLoader.load(file, List.of()), new Experiment.Options(2, tmp, tmp.resolve(name),
                List.of("test")), (sweep, done) -> (r, f, t) -> { }, new PrintStream(new ByteArrayOutputStream()));
    }

    @Test
    void randomizingTheCoinIsASignificantDifference(@TempDir Path tmp) throws Exception {
        Path folder = run(tmp, "signal", SIGNAL);
        RunCommandTest.Outcome o = RunCommandTest.innerlab("compare", folder + "#random_coin_percent=0",
                folder + "#1", "--out", tmp.resolve("cmp").toString());
        assertEquals(0, o.exitCode(), o.err());
        String line = o.out().lines().filter(l -> l.startsWith("test/goal_misgeneralization ")).findFirst().orElseThrow();
        assertTrue(line.endsWith("yes"), "significant after Holm:\n" + o.out());
        String csv = Files.readString(tmp.resolve("cmp/comparison.csv"));
        String row = csv.lines().filter(l -> l.startsWith("test/goal_misgeneralization,")).findFirst().orElseThrow();
        String[] f = row.split(",");
        assertTrue(Double.parseDouble(f[5]) < 0 && Double.parseDouble(f[7]) < 0,
                "less misgeneralization with a randomized coin, the whole CI below 0: " + row);
        assertTrue(Files.readString(tmp.resolve("cmp/comparison.md")).contains("| test/goal_misgeneralization |"));
    }

    /**
     * Ten independent repetitions (disjoint pairs of seeds): Holm keeps the family-wise error at or
     * below 0.05 per repetition, so at most 2 of 10 repetitions with any significant metric has
     * probability ≥ 0.98 even at the bound (binomial(10, 0.05)).
     */
    @Test
    void conditionsThatDifferOnlyBySeedAreRarelySignificant(@TempDir Path tmp) throws Exception {
        Path folder = run(tmp, "null", NULL);
        int significant = 0;
        for (int rep = 0; rep < 10; rep++) {
            RunCommandTest.Outcome o = RunCommandTest.innerlab("compare", folder + "#" + (2 * rep),
                    folder + "#" + (2 * rep + 1), "--out", tmp.resolve("cmp" + rep).toString());
            assertEquals(0, o.exitCode(), o.err());
            significant += o.out().lines().anyMatch(l -> l.endsWith("yes")) ? 1 : 0;
        }
        assertTrue(significant <= 2, significant + " of 10 seed-only repetitions were significant");
    }

    @Test
    void refusesDifferentEnvironmentsAndAmbiguousFolders(@TempDir Path tmp) throws Exception {
        Path coin = run(tmp, "coin", NULL.replace("seed: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, "
                + "19, 20]", "seed: [1, 2]").replace("seeds: 5", "seeds: 2").replace("steps: 20000", "steps: 500"));
        Path supervisor = run(tmp, "supervisor", """
                name: supervisor
                seeds: 2
                environment: { id: asg-absent-supervisor-v1, train: { supervisor: random } }
                learner: { type: tabular-q }
                training: [ { regime: q-learning, steps: 500 } ]
                evaluation: { episodes: 5 }
                """);
        RunCommandTest.Outcome o = RunCommandTest.innerlab("compare", coin + "#0", supervisor.toString(),
                "--out", tmp.resolve("x").toString());
        assertEquals(2, o.exitCode());
        assertTrue(o.err().contains("A ran coinrun-lite-v1, B ran asg-absent-supervisor-v1"), o.err());
        o = RunCommandTest.innerlab("compare", coin.toString(), coin + "#1", "--out", tmp.resolve("x").toString());
        assertEquals(2, o.exitCode());
        assertTrue(o.err().contains("has 2 sweep points; name one"), o.err());
        assertTrue(Files.notExists(tmp.resolve("x/comparison.csv")), "nothing written when refusing");
    }

    @Test
    void anOutThatIsAFileIsRefusedBeforeReadingAndTheFileKept(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "my notes");
        RunCommandTest.Outcome o = RunCommandTest.innerlab("compare", "a", "b", "--out", file.toString());
        assertEquals(2, o.exitCode());
        assertEquals("innerlab compare: --out " + file + " exists and is not a folder; give the folder to write "
                + "comparison.csv and comparison.md into", FailureLineTest.oneLine(o));
        assertEquals("my notes", Files.readString(file));
    }

    @Test
    void aComparisonFileInOutThatCompareDidNotWriteIsRefusedAndKept(@TempDir Path tmp) throws Exception {
        Path out = Files.createDirectory(tmp.resolve("out"));
        Path csv = Files.writeString(out.resolve("comparison.csv"), "name,grade\nada,1\n");
        RunCommandTest.Outcome o = RunCommandTest.innerlab("compare", "a", "b", "--out", out.toString());
        assertEquals(2, o.exitCode());
        assertEquals("innerlab compare: --out " + out + " holds a comparison.csv that innerlab compare did not write; "
                + "give another folder, or move that file away", FailureLineTest.oneLine(o));
        assertEquals("name,grade\nada,1\n", Files.readString(csv));
    }

    @Test
    void threeConditionsCompareEachWithTheFirstInOneTable(@TempDir Path tmp) throws Exception {
        Path folder = run(tmp, "tiny", RunCommandTest.TINY);
        RunCommandTest.Outcome o = RunCommandTest.innerlab("compare", folder + "#0", folder + "#1",
                folder + "#random_coin_percent=50", "--out", tmp.resolve("cmp").toString());
        assertEquals(0, o.exitCode(), o.err());
        assertTrue(o.out().contains("B1: " + folder + "#1\nB2: " + folder + "#random_coin_percent=50\n"), o.out());
        assertTrue(o.out().contains("metrics × 2 comparisons"), o.out());
        List<String> csv = Files.readAllLines(tmp.resolve("cmp/comparison.csv"));
        assertTrue(csv.get(0).endsWith(",significant,condition"), csv.get(0));
        long b1 = csv.stream().filter(l -> l.endsWith("," + folder + "#1")).count();
        long b2 = csv.stream().filter(l -> l.endsWith("," + folder + "#random_coin_percent=50")).count();
        assertTrue(b1 > 0 && b1 == b2 && b1 + b2 == csv.size() - 1, csv.toString());
        // B1 and B2 are the same point, so their rows agree except for the condition.
        String gm1 = csv.stream().filter(l -> l.startsWith("test/got_coin,") && l.endsWith("#1")).findFirst().orElseThrow();
        String gm2 = csv.stream().filter(l -> l.startsWith("test/got_coin,") && l.endsWith("=50")).findFirst().orElseThrow();
        assertEquals(gm1.substring(0, gm1.lastIndexOf(',')), gm2.substring(0, gm2.lastIndexOf(',')));
        assertTrue(Files.readString(tmp.resolve("cmp/comparison.md")).contains("| test/got_coin | B2 |"));
    }
}
