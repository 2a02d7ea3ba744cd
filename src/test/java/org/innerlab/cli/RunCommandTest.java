package org.innerlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.innerlab.report.LabelsCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code innerlab run} end to end: real environment, learner, MASON schedule, files on disk. */
class RunCommandTest {
    static final String TINY = """
            name: tiny-coinrun
            description: a seconds-long CoinRun-lite sweep for tests
            seed: 7
            seeds: 3
            environment:
              id: coinrun-lite-v1
              params: { width: 10 }
              train: { random_coin_percent: 0 }
              test: { random_coin_percent: 100 }
            learner:
              type: linear-softmax
              observation: { view_radius: 1 }
            training:
              - regime: reinforce
                steps: 3000
            evaluation:
              episodes: 20
            sweep:
              environment.train.random_coin_percent: [0, 50]
            charts:
              - kind: sweep
                name: gm
                title: tiny
                x: environment.train.random_coin_percent
                y: [test/got_coin, test/reached_end]
            """;

    record Outcome(int exitCode, String out, String err) {
    }

    static Outcome innerlab(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }

    private static Path write(Path dir, String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void runsCsvIsByteIdenticalWithOneThreadAndWithTwo(@TempDir Path tmp) throws Exception {
        Path scenario = write(tmp, "tiny.yaml", TINY);
        Outcome one = innerlab("run", scenario.toString(), "--threads", "1", "--quiet", "--out", tmp.resolve("one").toString());
        Outcome two = innerlab("run", scenario.toString(), "--threads", "2", "--quiet", "--out", tmp.resolve("two").toString());
        assertEquals(0, one.exitCode(), one.err());
        assertEquals(0, two.exitCode(), two.err());
        for (String file : List.of("runs.csv", "summary.csv", "scenario.yaml")) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("one").resolve(file)),
                    Files.readAllBytes(tmp.resolve("two").resolve(file)), file);
        }
        List<String> rows = Files.readAllLines(tmp.resolve("one").resolve("runs.csv"));
        assertEquals("point,environment.train.random_coin_percent,seed,distribution,metric,value,ci_low,ci_high,label", rows.get(0));
        assertTrue(Files.size(tmp.resolve("one").resolve("charts").resolve("gm.png")) > 1000);
        assertTrue(Files.exists(tmp.resolve("one").resolve("charts").resolve("gm.svg")));
        assertTrue(Files.exists(tmp.resolve("one").resolve("manifest.json")));
    }

    @Test
    void anotherSeedGivesOtherResults(@TempDir Path tmp) throws Exception {
        Path scenario = write(tmp, "tiny.yaml", TINY);
        assertEquals(0, innerlab("run", scenario.toString(), "--quiet", "--out", tmp.resolve("a").toString()).exitCode());
        assertEquals(0, innerlab("run", scenario.toString(), "--quiet", "--seed", "8", "--out",
                tmp.resolve("b").toString()).exitCode());
        assertFalse(Files.readString(tmp.resolve("a").resolve("runs.csv"))
                .equals(Files.readString(tmp.resolve("b").resolve("runs.csv"))));
    }

    @Test
    void badScenariosExitWithTwoNameTheFieldAndWriteNothing(@TempDir Path tmp) throws Exception {
        List<String[]> cases = List.of(
                new String[] {TINY.replace("seeds: 3", "seeds: [3"), "bad.yaml:"},
                new String[] {TINY.replace("params: { width: 10 }", "params: { widht: 10 }"),
                        "bad.yaml:7:13: environment.params.widht: unknown key 'widht'; did you mean 'width'?"},
                new String[] {TINY.replace("seeds: 3", "seeds: many"), "bad.yaml:4:8: seeds: "},
                new String[] {TINY.replace("width: 10", "width: 70"),
                        "bad.yaml:7:20: environment.params.width: must be an integer in [8, 64], got 70"});
        for (String[] c : cases) {
            Path scenario = write(tmp, "bad.yaml", c[0]);
            Path out = tmp.resolve("out");
            Outcome o = innerlab("run", scenario.toString(), "--quiet", "--out", out.toString(),
                    "--output-root", tmp.resolve("root").toString());
            assertEquals(2, o.exitCode(), o.err());
            assertTrue(o.err().contains(c[1]), "expected «" + c[1] + "» in: " + o.err());
            assertFalse(Files.exists(out));
            assertFalse(Files.exists(tmp.resolve("root")));
            try (Stream<Path> files = Files.list(tmp)) {
                assertEquals(List.of(scenario), files.toList(), "nothing written beside the scenario");
            }
        }
    }

    @Test
    void aBadSetOverrideIsRejectedLikeTheFile(@TempDir Path tmp) throws Exception {
        Path scenario = write(tmp, "tiny.yaml", TINY);
        Outcome o = innerlab("run", scenario.toString(), "--set", "environment.params.widht=20", "--out",
                tmp.resolve("x").toString());
        assertEquals(2, o.exitCode());
        assertTrue(o.err().contains("--set environment.params.widht=20: unknown key 'widht'; did you mean 'width'?"),
                o.err());
        assertFalse(Files.exists(tmp.resolve("x")));
    }

    @Test
    void anExistingOutFolderIsBadInput(@TempDir Path tmp) throws Exception {
        Path scenario = write(tmp, "tiny.yaml", TINY);
        Path out = Files.createDirectory(tmp.resolve("exists"));
        Outcome o = innerlab("run", scenario.toString(), "--out", out.toString());
        assertEquals(2, o.exitCode());
        assertTrue(o.err().contains("exists already"), o.err());
    }

    @Test
    void unknownOptionsAreBadInputAndHelpShowsAnExample() {
        assertEquals(2, innerlab("run", "x.yaml", "--no-such-option").exitCode());
        Outcome help = innerlab("run", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("innerlab run scenarios/coinrun-goal-misgeneralization.yaml"), help.out());
    }

    @Test
    void fewerThanOneThreadIsBadInputBeforeTheScenarioIsRead() {
        for (String threads : List.of("0", "-3")) {
            Outcome o = innerlab("run", "never-read.yaml", "--threads", threads);
            assertEquals(2, o.exitCode());
            assertEquals("innerlab run: --threads must be at least 1, got " + threads + "; give the number of worker "
                    + "threads, or leave it out to use every core", FailureLineTest.oneLine(o));
        }
    }

    @Test
    void aMissingScenarioFileIsBadInput(@TempDir Path tmp) {
        Outcome o = innerlab("run", tmp.resolve("nope.yaml").toString());
        assertEquals(2, o.exitCode());
        assertTrue(o.err().contains("nope.yaml"), o.err());
    }

    @Test
    void aShippedScenarioRunsByItsNameAndSaysSoThenSummarisesTheLabels(@TempDir Path tmp) throws Exception {
        // The tests run in the checkout, whose scenarios/ folder holds the shipped scenarios.
        Outcome o = innerlab("run", "keys-chests", "--smoke", "--quiet", "--seeds", "1", "--out",
                tmp.resolve("run").toString());
        assertEquals(0, o.exitCode(), o.err());
        List<String> err = o.err().lines().toList();
        assertEquals("innerlab run: running scenarios/keys-chests.yaml", err.get(0));
        assertEquals(tmp.resolve("run").toString(), o.out().strip());
        List<LabelsCsv.PointLabels> points = LabelsCsv.tally(Files.readString(tmp.resolve("run/labels.csv")));
        List<String> labels = RunCommand.labelLines(points, true);
        // keys-chests states claims: at --smoke one line says how many hold and that this means nothing, last.
        String last = err.get(err.size() - 1);
        assertTrue(last.startsWith("claims: ") && last.contains("hold at the smoke budget"), o.err());
        assertEquals(labels, err.subList(err.size() - 1 - labels.size(), err.size() - 1),
                "the label lines come last but for the claims line:\n" + o.err());
    }

    /** TINY with a claim its agent cannot fail to keep (the end is reached at most always) and one it cannot keep. */
    private static final String TINY_WITH_CLAIMS = TINY + """
            claims:
              - says: the end is reached at most always
                series: test/reached_end
                at_most: 1
              - says: the coin is taken more often than always
                series: train/got_coin
                at: { random_coin_percent: 0 }
                above: 1
            """;

    @Test
    void everyRunChecksItsClaimsAndCheckClaimsFailsWithThreeWhenOneFails(@TempDir Path tmp) throws Exception {
        Path scenario = write(tmp, "claims.yaml", TINY_WITH_CLAIMS);
        Outcome plain = innerlab("run", scenario.toString(), "--quiet", "--out", tmp.resolve("plain").toString());
        assertEquals(0, plain.exitCode(), plain.err());
        List<String> err = plain.err().lines().toList();
        assertTrue(err.get(err.size() - 2).startsWith("claim 1 holds: the end is reached at most always "
                + "[test/reached_end <= 1: "), plain.err());
        assertTrue(err.get(err.size() - 1).startsWith("claim 2 fails: the coin is taken more often than always "
                + "[train/got_coin at random_coin_percent=0 > 1: "), plain.err());
        List<String> csv = Files.readAllLines(tmp.resolve("plain/claims.csv"));
        assertEquals(3, csv.size());
        assertTrue(csv.get(2).contains(",fails,true,"), csv.get(2));
        String html = Files.readString(tmp.resolve("plain/report.html"));
        assertTrue(html.indexOf("<section id=\"claims\">") < html.indexOf("<section id=\"charts\">"),
                "the claims come first");
        assertTrue(html.contains("1 of 2 claims hold."), "report.html says how many hold");

        Outcome checked = innerlab("run", scenario.toString(), "--quiet", "--check-claims", "--out",
                tmp.resolve("checked").toString());
        assertEquals(RunCommand.CLAIM_FAILED, checked.exitCode(), checked.err());
        assertEquals(3, RunCommand.CLAIM_FAILED);
        assertArrayEquals(Files.readAllBytes(tmp.resolve("plain/claims.csv")),
                Files.readAllBytes(tmp.resolve("checked/claims.csv")));
    }

    @Test
    void aSmokeRunChecksItsClaimsButNeverFailsCheckClaims(@TempDir Path tmp) throws Exception {
        Path scenario = write(tmp, "claims.yaml", TINY_WITH_CLAIMS);
        Outcome smoke = innerlab("run", scenario.toString(), "--quiet", "--smoke", "--check-claims", "--out",
                tmp.resolve("smoke").toString());
        assertEquals(0, smoke.exitCode(), smoke.err());
        assertTrue(smoke.err().contains("claims: 1 of 2 hold at the smoke budget, which says nothing about the "
                + "organism; see claims.csv"), smoke.err());
        assertFalse(smoke.err().contains("claim 2 fails"), "no claim reads as a finding at smoke: " + smoke.err());
        assertTrue(smoke.err().contains("innerlab run: --check-claims ignores a --smoke run"), smoke.err());
        assertTrue(Files.readAllLines(tmp.resolve("smoke/claims.csv")).get(2).contains(",fails,false,"));
    }

    @Test
    void aClaimWhosePointASetSweepDropsIsNotCheckedAndNeverFailsCheckClaims(@TempDir Path tmp) throws Exception {
        Path scenario = write(tmp, "claims.yaml", TINY_WITH_CLAIMS);
        Outcome narrowed = innerlab("run", scenario.toString(), "--quiet", "--check-claims", "--set",
                "sweep.environment.train.random_coin_percent=[50]", "--out", tmp.resolve("narrowed").toString());
        assertEquals(0, narrowed.exitCode(), narrowed.err());
        assertTrue(narrowed.err().contains("claim 2 not-checked: the coin is taken more often than always "
                + "[train/got_coin at random_coin_percent=0 > 1: point not in the sweep: random_coin_percent=0]"),
                narrowed.err());
        List<String> csv = Files.readAllLines(tmp.resolve("narrowed/claims.csv"));
        assertTrue(csv.get(2).endsWith(",not-checked,true,point not in the sweep: random_coin_percent=0"), csv.get(2));
        assertTrue(Files.readString(tmp.resolve("narrowed/scenario.yaml"))
                .contains("not_checked: \"point not in the sweep: random_coin_percent=0\""),
                "the resolved scenario keeps the claim, marked, so the folder reads back");
    }

    @Test
    void aRunOutsideTheValidatedRangeWarnsFirstAndItsClaimsNeverFailCheckClaims(@TempDir Path tmp) throws Exception {
        Path scenario = write(tmp, "claims.yaml", TINY_WITH_CLAIMS + """
                validated:
                  environment.params.width: [8, 10]
                """);
        Outcome inside = innerlab("run", scenario.toString(), "--quiet", "--check-claims", "--out",
                tmp.resolve("inside").toString());
        assertEquals(RunCommand.CLAIM_FAILED, inside.exitCode(), "inside its range a claim still fails: "
                + inside.err());
        assertFalse(inside.err().contains("warning: environment.params.width"), inside.err());

        Outcome outside = innerlab("run", scenario.toString(), "--quiet", "--check-claims", "--set",
                "environment.params.width=12", "--out", tmp.resolve("outside").toString());
        assertEquals(0, outside.exitCode(), outside.err());
        assertTrue(outside.err().startsWith("innerlab run: warning: environment.params.width = 12 is outside [8, 10], "
                + "the range in which this scenario's claims were validated; they are not expected to hold there, and "
                + "claims.csv marks them outside-validated-range\n"), "one line, before the run: " + outside.err());
        assertTrue(outside.err().contains("claim 2 outside-validated-range: the coin is taken more often than always "
                + "[train/got_coin at random_coin_percent=0 > 1: "), outside.err());
        List<String> csv = Files.readAllLines(tmp.resolve("outside/claims.csv"));
        assertTrue(csv.get(2).contains(",outside-validated-range,true,\"environment.params.width = 12 outside [8, 10]\""),
                csv.get(2));
    }

    @Test
    void anUnknownScenarioNameIsBadInputWithADidYouMean() {
        Outcome o = innerlab("run", "coinrun-goal-misgeneralisation");
        assertEquals(2, o.exitCode());
        assertTrue(FailureLineTest.oneLine(o).contains("did you mean 'coinrun-goal-misgeneralization'?"), o.err());
    }

    @Test
    void theLabelLinesCountEachPointsRunsAndWarnWhenMostDidNotLearn() {
        Map<String, Integer> mixed = new LinkedHashMap<>();
        mixed.put("robust", 3);
        mixed.put("not-learned", 1);
        List<LabelsCsv.PointLabels> points = List.of(
                new LabelsCsv.PointLabels("point 0, x=0", 2, Map.of("not-learned", 2)),
                new LabelsCsv.PointLabels("point 1, x=5", 4, mixed));
        assertEquals(List.of(
                "labels (point 0, x=0): 2/2 not-learned (the learner did not master training); see report.html#outcomes",
                "labels (point 1, x=5): 3/4 robust, 1/4 not-learned (not-learned: the learner did not master "
                        + "training); see report.html#outcomes"), RunCommand.labelLines(points, false),
                "3 of 6 runs not-learned is no majority: no warning");
        List<String> most = RunCommand.labelLines(List.of(new LabelsCsv.PointLabels("point 0", 20,
                Map.of("not-learned", 20))), false);
        assertEquals(List.of("labels: 20/20 not-learned (the learner did not master training); see "
                        + "report.html#outcomes",
                "innerlab run: warning: 20 of 20 runs are not-learned (intended success and competence on train "
                        + "below 0.9), so they say nothing about generalization; train longer (training steps) or give the learner more "
                        + "capacity"), most);
        assertTrue(RunCommand.labelLines(List.of(new LabelsCsv.PointLabels("point 0", 20,
                Map.of("not-learned", 20))), true).get(1).endsWith("expected of a --smoke run's budgets, run without "
                + "--smoke"));
    }

    @Test
    void runsCompetentButNotAsIntendedInTrainingAreExplainedWithoutTheAdviceToTrainLonger() {
        Map<String, Integer> mixed = new LinkedHashMap<>();
        mixed.put("misbehaves-in-training", 18);
        mixed.put("not-learned", 2);
        List<String> lines = RunCommand.labelLines(List.of(new LabelsCsv.PointLabels("point 0", 20, mixed)), false);
        assertEquals(List.of("labels: 18/20 misbehaves-in-training, 2/20 not-learned (not-learned: the learner did "
                        + "not master training) (misbehaves-in-training: competent in training, but not as intended "
                        + "there); see report.html#outcomes",
                "innerlab run: 18 of 20 runs are misbehaves-in-training (competence on train at least 0.9, intended "
                        + "success below it): the training signal pays for what the intended goal forbids, so "
                        + "training longer will not remove it; see the misbehaviour metrics in report.html"), lines);
        assertFalse(String.join("\n", lines).contains("train longer (training steps)"), lines.toString());
    }

    static List<String> lines(Path p) throws Exception {
        return new ArrayList<>(Files.readAllLines(p));
    }
}
