package org.innerlab.scenario;

import static org.innerlab.scenario.TestScenarios.FULL;
import static org.innerlab.scenario.TestScenarios.MINIMAL;
import static org.innerlab.scenario.TestScenarios.SPECS;
import static org.innerlab.scenario.TestScenarios.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code claims} section: three kinds of check over summary rows, validated against the sweep and the metrics. */
class ClaimConfigTest {
    private static final String CLAIMS = FULL + """
            claims:
              - says: the agent takes the coin in training
                series: train/got_coin
                at: { random_coin_percent: 0, learning_rate: 0.05 }
                at_least: 0.9
              - says: randomized coins repair the goal
                series: test/got_coin
                at: { environment.train.random_coin_percent: 25 }
                exceeds: { random_coin_percent: 0 }
                by: 0.2
                cis_apart: true
                test: mann-whitney
              - says: the coin rate at test climbs with randomization
                series: test/got_coin
                rises_over: random_coin_percent
                slack: 0.05
            """;

    private static String error(String yaml) {
        return assertThrows(ScenarioException.class, () -> parse(yaml)).getMessage();
    }

    @Test
    void eachKindIsReadWithCanonicalSweepKeysAndValues() {
        List<ClaimConfig> claims = parse(CLAIMS).claims();
        String percent = "environment.train.random_coin_percent";
        assertEquals(new ClaimConfig.Threshold("the agent takes the coin in training", "train/got_coin",
                Map.of(percent, 0, "training.0.params.learning_rate", 0.05), ClaimConfig.Bound.AT_LEAST, 0.9, false),
                claims.get(0));
        assertEquals(new ClaimConfig.Difference("randomized coins repair the goal", "test/got_coin",
                Map.of(percent, 25), Map.of(percent, 0), 0.2, true, true), claims.get(1));
        assertEquals(new ClaimConfig.Trend("the coin rate at test climbs with randomization", "test/got_coin",
                Map.of(), percent, true, 0.05), claims.get(2));
        assertEquals("test/got_coin at random_coin_percent=25 exceeds at random_coin_percent=0 by > 0.2, CIs apart, "
                + "one-sided Mann-Whitney (Holm)", claims.get(1).check());
    }

    @Test
    void claimsRoundTripThroughTheResolvedScenarioAndStayOffItsPoints() {
        Scenario s = parse(CLAIMS);
        String yaml = ScenarioWriter.toYaml(s);
        Scenario back = ScenarioLoader.parse(yaml, "scenario.yaml", List.of(), SPECS);
        assertEquals(s.withSource(null), back);
        assertEquals(yaml, ScenarioWriter.toYaml(back));
        assertEquals(s.claims(), s.smoke().claims());
        assertTrue(s.points(SPECS).get(0).scenario().claims().isEmpty());
        assertFalse(ScenarioWriter.toYaml(parse(FULL)).contains("claims"));
    }

    @Test
    void unknownNamesAreLocatedWithASuggestion() {
        assertEquals("x.yaml:41:13: claims.0.series: unknown metric 'got_con'; did you mean 'got_coin'?",
                error(FULL + "claims:\n  - says: s\n    series: train/got_con\n    at_least: 0.9\n"));
        assertEquals("x.yaml:41:13: claims.0.series: unknown distribution 'tset'; did you mean 'test'?",
                error(FULL + "claims:\n  - says: s\n    series: tset/got_coin\n    at_least: 0.9\n"));
        assertEquals("x.yaml:42:11: claims.0.at.random_coin_percen: 'random_coin_percen' is not a sweep key; "
                        + "did you mean 'random_coin_percent'?",
                error(FULL + "claims:\n  - says: s\n    series: train/got_coin\n    at: { random_coin_percen: 0 }\n"
                        + "    at_least: 0.9\n"));
        assertEquals("x.yaml:42:32: claims.0.at.random_coin_percent: '3' is not a swept value of "
                        + "environment.train.random_coin_percent; swept values: 0, 1, 2, 5, 10, 25",
                error(FULL + "claims:\n  - says: s\n    series: train/got_coin\n    at: { random_coin_percent: 3 }\n"
                        + "    at_least: 0.9\n"));
        assertEquals("x.yaml:42:5: claims.0.at_lest: unknown key 'at_lest'; did you mean 'at_least'?",
                error(FULL + "claims:\n  - says: s\n    series: train/got_coin\n    at_lest: 0.9\n"));
    }

    @Test
    void aClaimChecksExactlyOneThingWithItsOwnOptions() {
        assertEquals("x.yaml:40:5: claims.0: says nothing to check; write one of at_least, above, at_most, below, "
                + "exceeds, rises_over, falls_over", error(FULL + "claims:\n  - says: s\n    series: train/got_coin\n"));
        assertEquals("x.yaml:43:5: claims.0.at_most: a claim checks one thing, and this one already has at_least; "
                        + "write a second claim",
                error(FULL + "claims:\n  - says: s\n    series: train/got_coin\n    at_least: 0.1\n    at_most: 0.9\n"));
        assertEquals("x.yaml:43:5: claims.0.by: does not go with at_least",
                error(FULL + "claims:\n  - says: s\n    series: train/got_coin\n    at_least: 0.1\n    by: 0.2\n"));
        assertEquals("x.yaml:43:14: claims.0.exceeds: compares each point with itself; name another value of a "
                        + "swept key than at does",
                error(FULL + "claims:\n  - says: s\n    series: test/got_coin\n    at: { random_coin_percent: 0 }\n"
                        + "    exceeds: { random_coin_percent: 0 }\n"));
        assertEquals("x.yaml:41:13: claims.0.series: a claim reads a metric as measured; write it without the 1- "
                        + "prefix and turn the bound around",
                error(FULL + "claims:\n  - says: s\n    series: 1-train/got_coin\n    at_most: 0.1\n"));
    }

    @Test
    void withoutASweepThereAreNoPointsToName() {
        assertEquals("x.yaml:12:11: claims.0.at.width: 'width' is not a sweep key; the scenario has no sweep; "
                + "leave at out", error(MINIMAL + "claims:\n  - says: s\n    series: train/got_coin\n"
                + "    at: { width: 16 }\n    at_least: 0.5\n"));
        assertEquals(1, parse(MINIMAL + "claims:\n  - says: s\n    series: train/got_coin\n    above: 0.5\n")
                .claims().size());
    }

    @Test
    void aClaimWhosePointASetSweepDropsIsReadAsNotCheckedWithTheReason() {
        String percent = "environment.train.random_coin_percent";
        Scenario narrowed = parse(CLAIMS, "sweep.environment.train.random_coin_percent=[0, 5, 25]");
        assertEquals(new ClaimConfig.NotChecked(new ClaimConfig.Threshold("the agent takes the coin in training",
                "train/got_coin", Map.of(percent, 0, "training.0.params.learning_rate", 0.05),
                ClaimConfig.Bound.AT_LEAST, 0.9, false), "point not in the sweep: learning_rate=0.05"),
                parse(CLAIMS, "sweep.training[0].params.learning_rate=[1]").claims().get(0));
        assertEquals(parse(CLAIMS).claims(), narrowed.claims(), "every point the claims name is still swept");
        Scenario dropped = parse(CLAIMS, "sweep.environment.train.random_coin_percent=[0, 5]");
        ClaimConfig.NotChecked repaired = (ClaimConfig.NotChecked) dropped.claims().get(1);
        assertEquals("point not in the sweep: random_coin_percent=25", repaired.reason());
        assertEquals(parse(CLAIMS).claims().get(1).check(), repaired.check());
        assertEquals(parse(CLAIMS).claims().get(2), dropped.claims().get(2), "two values still make a trend");
        assertEquals(percent + " has one swept value, so nothing to trend over", ((ClaimConfig.NotChecked) parse(CLAIMS,
                "sweep.environment.train.random_coin_percent=[5]").claims().get(2)).reason());
    }

    @Test
    void aNotCheckedClaimRoundTripsThroughTheResolvedScenario() {
        Scenario dropped = parse(CLAIMS, "sweep.environment.train.random_coin_percent=[0, 5]");
        String yaml = ScenarioWriter.toYaml(dropped);
        assertTrue(yaml.contains("not_checked: \"point not in the sweep: random_coin_percent=25\""), yaml);
        Scenario back = ScenarioLoader.parse(yaml, "scenario.yaml", List.of(), SPECS);
        assertEquals(dropped.claims(), back.claims());
        assertEquals(yaml, ScenarioWriter.toYaml(back));
    }

    @Test
    void aPointMissingFromAKeyTheFileSweepsIsStillRefused() {
        assertEquals("x.yaml:42:32: claims.0.at.random_coin_percent: '3' is not a swept value of "
                        + "environment.train.random_coin_percent; swept values: 0, 1, 2, 5, 10, 25",
                assertThrows(ScenarioException.class, () -> parse(FULL + "claims:\n  - says: s\n    series: "
                        + "train/got_coin\n    at: { random_coin_percent: 3 }\n    at_least: 0.9\n",
                        "sweep.training[0].params.learning_rate=[1]")).getMessage(),
                "only the keys a --set sweep wrote may miss a claim's point");
    }

    @Test
    void aClaimMayReadTheRowsALearnerReportsAboutItself() {
        Scenario s = ScenarioLoader.load(java.nio.file.Path.of("scenarios", "persona-selection.yaml"), List.of());
        assertEquals("learner/persona_share/transformer-strong", s.claims().get(0).series());
        String coinRun = error(FULL + """
                claims:
                  - says: a linear policy has no persona shares
                    series: learner/persona_share/aligned-strong
                    at_least: 0.5
                """);
        assertTrue(coinRun.contains("claims.0.series"), coinRun);
    }
}
