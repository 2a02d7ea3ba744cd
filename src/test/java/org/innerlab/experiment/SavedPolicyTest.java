package org.innerlab.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.innerlab.core.Seeds;
import org.innerlab.env.Environment;
import org.innerlab.lab.Experiment;
import org.innerlab.measure.Evaluator;
import org.innerlab.measure.MetricValue;
import org.innerlab.regime.EpisodeListener;
import org.innerlab.scenario.Scenario;
import org.innerlab.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A saved policy reads back to a learner that acts exactly like the one that was saved. */
class SavedPolicyTest {
    @TempDir
    Path tmp;

    private static Scenario smoke(String file, String... sets) {
        return ScenarioLoader.load(Path.of("scenarios", file), List.of(sets)).smoke().points().get(0).scenario();
    }

    @ParameterizedTest
    @ValueSource(strings = {"coinrun-goal-misgeneralization.yaml", "coinrun-linear-q.yaml",
            "coinrun-tabular-baseline.yaml", "alignment-faking.yaml", "persona-selection-absent-supervisor.yaml"})
    void aLoadedPolicyActsIdenticallyToTheSavedOne(String file) throws IOException {
        // Long enough to see rewards: on a smoke budget REINFORCE may never meet the coin and keep zero weights.
        Scenario scenario = ScenarioLoader.load(Path.of("scenarios", file),
                List.of("training.0.steps=60000", "evaluation.episodes=20", "seeds=1")).points().get(0).scenario();
        RunModel model = new RunModel(scenario, 0, 0, EpisodeListener.NONE);
        model.runHeadless();
        Organism trained = model.organism();
        Path path = tmp.resolve("p0-r0.policy");
        SavedPolicy.of(trained).write(path);

        Organism fresh = Organism.assemble(scenario, new Seeds(scenario.seed()).forRun(0, 1));
        Organism loaded = SavedPolicy.read(path).installInto(fresh);

        assertEquals(trained.learner().type(), loaded.learner().type());
        assertEquals(trained.learner().parameterCount(), loaded.learner().parameterCount());
        for (String distribution : scenario.evaluation().distributions()) {
            List<MetricValue> before = evaluate(trained, distribution);
            assertEquals(before, evaluate(loaded, distribution), file + " on " + distribution);
        }
        // The learner really was trained: an untrained one on the same streams acts differently.
        String first = scenario.evaluation().distributions().get(0);
        assertNotEquals(evaluate(trained, first), evaluate(fresh, first), file);
    }

    private static List<MetricValue> evaluate(Organism o, String distribution) {
        Scenario s = o.scenario();
        Environment env = Organism.environment(s, distribution);
        Seeds streams = new Seeds(99);
        return Evaluator.evaluate(distribution, env, o.encoder(), o.learner().evaluationPolicy(),
                Evaluator.Mode.SAMPLED, 200, streams.stream("levels"), streams.stream("actions"));
    }

    @Test
    void theFileStartsWithItsVersionAndDescribesTheLearner() throws IOException {
        Scenario scenario = smoke("coinrun-goal-misgeneralization.yaml");
        Organism o = Organism.assemble(scenario, new Seeds(1).forRun(0, 0));
        Path path = tmp.resolve("x.policy");
        SavedPolicy.of(o).write(path);
        List<String> lines = Files.readAllLines(path);
        assertEquals("format: innerlab-policy/1", lines.get(1));
        assertTrue(lines.containsAll(List.of("learner: linear-softmax", "environment: coinrun-lite-v1",
                "encoder: egocentric", "view_radius: 2", "dimension: 151", "actions: 5",
                "array: weights 755", "array: value_weights 151")), String.join("\n", lines.subList(0, 12)));
        SavedPolicy back = SavedPolicy.read(path);
        assertArrayEquals(SavedPolicy.of(o).arrays().get("weights"), back.arrays().get("weights"));
    }

    @Test
    void aPolicyForAnotherObservationIsRefusedNamingTheDifference() throws IOException {
        Organism o = Organism.assemble(smoke("coinrun-goal-misgeneralization.yaml"), new Seeds(1).forRun(0, 0));
        Path path = tmp.resolve("r2.policy");
        SavedPolicy.of(o).write(path);
        Organism wider = Organism.assemble(smoke("coinrun-goal-misgeneralization.yaml",
                "learner.observation.view_radius=3"), new Seeds(1).forRun(0, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SavedPolicy.read(path).installInto(wider));
        assertEquals("the policy's view_radius is '2' but the scenario's is '3'", e.getMessage());
    }

    @Test
    void anArrayOfAnotherLengthThanTheScenariosLearnerNeedsIsRefusedAtItsLineBeforeItsNumbersAreRead()
            throws IOException {
        Organism o = Organism.assemble(smoke("coinrun-goal-misgeneralization.yaml"), new Seeds(1).forRun(0, 0));
        Path path = tmp.resolve("short.policy");
        SavedPolicy.of(o).write(path);
        List<String> lines = new ArrayList<>(Files.readAllLines(path));
        int at = lines.indexOf("array: weights 755");
        lines.set(at, "array: weights 700");
        Files.write(path, lines);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> SavedPolicy.load(path, o));
        assertEquals(path + ":" + (at + 1) + ": array weights declares 700 numbers; the scenario's learner needs 755",
                e.getMessage());
    }

    @Test
    void aTablesRowsMustBeItsKeysTimesItsActions() throws IOException {
        Organism o = Organism.assemble(smoke("coinrun-tabular-baseline.yaml"), new Seeds(1).forRun(0, 0));
        Path path = tmp.resolve("table.policy");
        SavedPolicy.of(o).write(path);
        List<String> lines = new ArrayList<>(Files.readAllLines(path));
        assertTrue(lines.contains("array: keys 0") && lines.contains("array: values 0"), String.join("\n", lines));
        int at = lines.indexOf("array: values 0");
        lines.set(at, "array: values 5");
        lines.addAll(at + 1, List.of("1", "2", "3", "4", "5"));
        Files.write(path, lines);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> SavedPolicy.load(path, o));
        assertEquals(path + ":" + (at + 1) + ": array values declares 5 numbers; the scenario's learner needs 0",
                e.getMessage());
    }

    @Test
    void anArrayLongerThanTheFileCouldHoldIsRefusedBeforeAllocating() throws IOException {
        for (String length : List.of("2000000000", "-5", "many")) {
            Path path = Files.writeString(tmp.resolve("big.policy"),
                    "format: innerlab-policy/1\nlearner: linear-q\narray: weights " + length + "\n0.5\n");
            IOException e = assertThrows(IOException.class, () -> SavedPolicy.read(path));
            assertTrue(e.getMessage().endsWith(":3: array weights declares " + length + " numbers; a length is a whole "
                    + "number no larger than the file can hold (" + Files.size(path) / 2 + ")"), e.getMessage());
        }
    }

    @Test
    void nonFiniteWeightsAndStrayNumbersAreRefusedWithTheirLine() throws IOException {
        Path nan = Files.writeString(tmp.resolve("nan.policy"),
                "format: innerlab-policy/1\nlearner: linear-q\narray: weights 2\n0.5\nNaN\n");
        IOException e = assertThrows(IOException.class, () -> SavedPolicy.read(nan));
        assertTrue(e.getMessage().endsWith(":5: not a finite number: 'NaN'"), e.getMessage());
        Path extra = Files.writeString(tmp.resolve("extra.policy"),
                "format: innerlab-policy/1\nlearner: linear-q\narray: weights 1\n0.5\n0.25\n");
        e = assertThrows(IOException.class, () -> SavedPolicy.read(extra));
        assertTrue(e.getMessage().endsWith(":5: expected 'key: value' or 'array: <name> <length>', got '0.25'"),
                e.getMessage());
    }

    /** Saves a linear-softmax policy of the coinrun smoke scenario to {@code path}; its lines. */
    private List<String> savedLines(Path path) throws IOException {
        Organism o = Organism.assemble(smoke("coinrun-goal-misgeneralization.yaml"), new Seeds(1).forRun(0, 0));
        SavedPolicy.of(o).write(path);
        return Files.readAllLines(path);
    }

    @Test
    void theLastLineIsTheChecksumOfEveryLineAbove() throws Exception {
        Path path = tmp.resolve("x.policy");
        List<String> lines = savedLines(path);
        String last = lines.get(lines.size() - 1);
        byte[] bytes = Files.readAllBytes(path);
        byte[] above = Arrays.copyOf(bytes, bytes.length - last.length() - 1);
        assertEquals("sha256: " + HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(above)), last);
    }

    @Test
    void aChangedNumberIsDetectedByTheChecksum() throws IOException {
        Path path = tmp.resolve("tampered.policy");
        List<String> lines = new ArrayList<>(savedLines(path));
        int weight = lines.indexOf("array: weights 755") + 1;
        lines.set(weight, lines.get(weight).equals("0.5") ? "0.25" : "0.5");
        Files.write(path, lines);
        IOException e = assertThrows(IOException.class, () -> SavedPolicy.read(path));
        assertEquals(path + ":" + lines.size() + ": the checksum does not match the lines above it: the file was"
                + " changed after it was saved; save it again with innerlab run --save-policies", e.getMessage());
    }

    @Test
    void aFileCutShortIsRefusedWhereverItIsCut() throws IOException {
        Path path = tmp.resolve("cut.policy");
        List<String> lines = savedLines(path);
        int values = lines.indexOf("array: value_weights 151");
        Files.write(path, lines.subList(0, values + 1 + 10));
        IOException e = assertThrows(IOException.class, () -> SavedPolicy.read(path));
        assertTrue(e.getMessage().endsWith(":" + (values + 12) + ": array value_weights ends after 10 of 151 numbers"),
                e.getMessage());
        Files.write(path, lines.subList(0, lines.size() - 1));
        e = assertThrows(IOException.class, () -> SavedPolicy.read(path));
        assertEquals(path + ": no checksum line at the end: the file was cut short, or saved before policy files"
                + " carried one; save it again with innerlab run --save-policies", e.getMessage());
        savedLines(path);
        byte[] whole = Files.readAllBytes(path);
        Files.write(path, Arrays.copyOf(whole, whole.length - 20)); // inside the checksum line
        e = assertThrows(IOException.class, () -> SavedPolicy.read(path));
        assertEquals(path + ":" + lines.size() + ": the checksum does not match the lines above it: the file was"
                + " changed after it was saved; save it again with innerlab run --save-policies", e.getMessage());
    }

    @Test
    void aPolicySavedBeforeChecksumsIsRefusedSayingHowToResaveIt() throws IOException {
        Path path = Files.writeString(tmp.resolve("old.policy"),
                "format: innerlab-policy/1\nlearner: linear-q\narray: weights 2\n0.5\n0.25\n");
        IOException e = assertThrows(IOException.class, () -> SavedPolicy.read(path));
        assertEquals(path + ": no checksum line at the end: the file was cut short, or saved before policy files"
                + " carried one; save it again with innerlab run --save-policies", e.getMessage());
    }

    @Test
    void loadingATamperedFileFailsWithTheReadersLineAlone() throws IOException {
        Path path = tmp.resolve("tampered.policy");
        List<String> lines = new ArrayList<>(savedLines(path));
        lines.set(2, "learner: linear-softmax ");
        Files.write(path, lines);
        Organism o = Organism.assemble(smoke("coinrun-goal-misgeneralization.yaml"), new Seeds(1).forRun(0, 0));
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> SavedPolicy.load(path, o));
        assertEquals(path + ":" + lines.size() + ": the checksum does not match the lines above it: the file was"
                + " changed after it was saved; save it again with innerlab run --save-policies", e.getMessage());
    }

    @Test
    void nothingMayFollowTheChecksumLine() throws IOException {
        Path path = tmp.resolve("appended.policy");
        List<String> lines = new ArrayList<>(savedLines(path));
        lines.add("array: extra 1");
        Files.write(path, lines);
        IOException e = assertThrows(IOException.class, () -> SavedPolicy.read(path));
        assertEquals(path + ":" + lines.size() + ": nothing may follow the checksum line; save it again with innerlab"
                + " run --save-policies", e.getMessage());
    }

    @Test
    void aFileOfAnotherFormatIsRejected() throws IOException {
        Path path = tmp.resolve("old.policy");
        Files.writeString(path, "format: innerlab-policy/0\nlearner: linear-softmax\n");
        IOException e = assertThrows(IOException.class, () -> SavedPolicy.read(path));
        assertTrue(e.getMessage().contains(":1: not an innerlab policy of format innerlab-policy/1"), e.getMessage());
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedNamingTheFile() throws IOException {
        Path path = tmp.resolve("latin1.policy");
        Files.write(path, "format: innerlab-policy/1\nlearner: \u00e9t\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        IOException e = assertThrows(IOException.class, () -> SavedPolicy.read(path));
        assertTrue(e.getMessage().startsWith(path + ":2: not UTF-8 text; "), e.getMessage());
    }

    @Test
    void runWithSavePoliciesWritesOnePolicyPerRun() throws Exception {
        Scenario scenario = ScenarioLoader.load(Path.of("scenarios", "coinrun-goal-misgeneralization.yaml"),
                List.of("sweep.environment.train.random_coin_percent=[0,10,25]")).smoke();
        Path out = tmp.resolve("run");
        Experiment.run(scenario, new Experiment.Options(2, tmp, out, List.of("test"), true),
                (sweep, done) -> (r, f, t) -> { }, System.err);
        try (Stream<Path> files = Files.list(out.resolve("policies"))) {
            assertEquals(List.of("p0-r0.policy", "p0-r1.policy", "p1-r0.policy", "p1-r1.policy", "p2-r0.policy",
                            "p2-r1.policy"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        // The policy of point 1 loads into point 1's organism.
        Organism p1 = Organism.assemble(scenario.points().get(1).scenario(), new Seeds(0).forRun(1, 0));
        SavedPolicy.load(out.resolve("policies").resolve("p1-r0.policy"), p1);
    }
}
