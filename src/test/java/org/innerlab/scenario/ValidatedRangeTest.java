package org.innerlab.scenario;

import static org.innerlab.scenario.TestScenarios.FULL;
import static org.innerlab.scenario.TestScenarios.SPECS;
import static org.innerlab.scenario.TestScenarios.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code validated} section: ranges of numeric values over which the claims were measured to hold, read
 * with located errors, carried to the resolved scenario, and checked against every sweep point.
 */
class ValidatedRangeTest {
    private static final String VALIDATED = FULL + """
            validated:
              environment.params.width: [12, 20]
              environment.train.random_coin_percent: [0, 25]
            """;

    private static String error(String validated) {
        return assertThrows(ScenarioException.class, () -> parse(FULL + "validated:\n" + validated)).getMessage();
    }

    @Test
    void rangesAreReadByCanonicalPathAndRoundTripThroughTheResolvedScenario() {
        Scenario s = parse(VALIDATED);
        assertEquals(List.of(new ValidatedRange("environment.params.width", 12, 20),
                new ValidatedRange("environment.train.random_coin_percent", 0, 25)), s.validated());
        String yaml = ScenarioWriter.toYaml(s);
        Scenario back = ScenarioLoader.parse(yaml, "scenario.yaml", List.of(), SPECS);
        assertEquals(s.validated(), back.validated());
        assertEquals(s.validated(), s.smoke().validated());
        assertTrue(s.points(SPECS).get(0).scenario().validated().isEmpty(), "a point's scenario has none");
    }

    @Test
    void aPointOutsideARangeIsNamedAndTheRunWarnsOncePerRange() {
        Scenario inside = parse(VALIDATED);
        assertEquals(List.of(), ValidatedRange.warnings(inside.validated(), inside.points(SPECS)));
        Scenario wide = parse(VALIDATED, "environment.params.width=24");
        List<SweepPoint> points = wide.points(SPECS);
        assertEquals(List.of("environment.params.width = 24 is outside [12, 20], the range in which this scenario's "
                + "claims were validated; they are not expected to hold there, and claims.csv marks them "
                + "outside-validated-range"), ValidatedRange.warnings(wide.validated(), points));
        assertEquals("environment.params.width = 24 outside [12, 20]", ValidatedRange.outside(wide.validated(),
                points.get(0)));
        Scenario swept = parse(VALIDATED.replace("[0, 25]", "[0, 5]"));
        List<SweepPoint> sweptPoints = swept.points(SPECS);
        assertEquals(List.of("environment.train.random_coin_percent = 10, 25 is outside [0, 5], the range in which "
                + "this scenario's claims were validated; they are not expected to hold there, and claims.csv marks "
                + "them outside-validated-range"), ValidatedRange.warnings(swept.validated(), sweptPoints));
        assertEquals("", ValidatedRange.outside(swept.validated(), sweptPoints.get(0)));
    }

    @Test
    void badRangesAreLocatedWithASuggestion() {
        assertEquals("x.yaml:40:3: validated.environment.params.widht: 'environment.params.widht' is not a value of "
                + "this scenario; did you mean 'environment.params.width'?",
                error("  environment.params.widht: [12, 20]\n"));
        assertEquals("x.yaml:40:3: validated.nothing.here: 'nothing.here' is not a value of this scenario; name a "
                + "numeric value as --set writes it, e.g. environment.params.width",
                error("  nothing.here: [1, 2]\n"));
        assertEquals("x.yaml:40:3: validated.environment.id: 'environment.id' is not a number (it is test-grid-v1)",
                error("  environment.id: [1, 2]\n"));
        assertEquals("x.yaml:40:29: validated.environment.params.width: expected [low, high], two numbers, got 12",
                error("  environment.params.width: 12\n"));
        assertEquals("x.yaml:40:29: validated.environment.params.width: low 20 is above high 12; write [low, high]",
                error("  environment.params.width: [20, 12]\n"));
        assertEquals("x.yaml:41:3: validated.environment.distributions.train.random_coin_percent: names "
                + "environment.train.random_coin_percent twice; give it one range",
                error("  environment.train.random_coin_percent: [0, 5]\n"
                        + "  environment.distributions.train.random_coin_percent: [0, 5]\n"));
    }
}
