package org.innerlab.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.innerlab.core.BadInputException;
import org.innerlab.measure.SummaryRow;
import org.junit.jupiter.api.Test;

/** Which rows {@code innerlab runs} shows, and how: filters, ids of sweep points, metric columns. */
class RunTableTest {
    private static final String PERCENT = "environment.train.random_coin_percent";

    /** A sweep over the coin percentage (0 and 25) with test/got_coin measured at both points. */
    private static final IndexedRun SWEEP = new IndexedRun(Path.of("/out/coinrun/20261207-101500"), "20261207-101500",
            "coinrun", "ab", "", Map.of("learner.type", "linear-softmax", PERCENT, "0.0"),
            Instant.parse("2026-12-07T10:15:00Z"), "0.1", null, 1, 20, false, 3.0, 5.0, "h",
            List.of(point(0, "0", 0.127), point(1, "25", 0.593)));
    /** One point, an MLP learner, only test/reached_end measured. */
    private static final IndexedRun SINGLE = new IndexedRun(Path.of("/out/monster/20261201-090000-smoke"),
            "20261201-090000-smoke", "monster", "cd", "", Map.of("learner.type", "mlp"),
            Instant.parse("2026-12-01T09:00:00Z"), "0.1", null, 1, 2, true, 1.0, 1.0, "h",
            List.of(new IndexedRun.Point(0, Map.of(), List.of(7L, 8L),
                    List.of(new SummaryRow(0, "test", "reached_end", 2, 0.5, 0.25, 0.75)))));

    private static IndexedRun.Point point(int index, String percent, double coin) {
        return new IndexedRun.Point(index, Map.of(PERCENT, percent), List.of(1L, 2L),
                List.of(new SummaryRow(index, "test", "got_coin", 20, coin, coin - 0.01, coin + 0.01),
                        new SummaryRow(index, "test", "reached_end", 20, 0.85, 0.84, 0.86)));
    }

    private static List<String> ids(RunTable table) {
        return table.rows().stream().map(RunTable.Row::id).toList();
    }

    @Test
    void everySweepPointIsARowNamedTheWayCompareTakesIt() {
        assertEquals(List.of("20261207-101500#0", "20261207-101500#1", "20261201-090000-smoke"),
                ids(RunTable.of(List.of(SWEEP, SINGLE), List.of(), List.of())));
    }

    @Test
    void whereMatchesALastSegmentAndNumbersByValueAndTheSweptValueWins() {
        assertEquals(List.of("20261207-101500#1"),
                ids(RunTable.of(List.of(SWEEP, SINGLE), List.of("random_coin_percent=25.0"), List.of())));
        assertEquals(List.of("20261201-090000-smoke"),
                ids(RunTable.of(List.of(SWEEP, SINGLE), List.of("learner.type=mlp"), List.of())));
        assertEquals(List.of(), ids(RunTable.of(List.of(SWEEP, SINGLE), List.of("type=mlp", "percent=0"), List.of())));
    }

    @Test
    void aNamedMetricKeepsOnlyThePointsThatMeasuredItAndIsItsOwnColumn() {
        RunTable table = RunTable.of(List.of(SWEEP, SINGLE), List.of(), List.of("test/got_coin"));
        assertEquals(List.of("20261207-101500#0", "20261207-101500#1"), ids(table));
        String text = table.text();
        assertTrue(text.lines().findFirst().orElseThrow().endsWith("test/got_coin"), text);
        assertTrue(text.contains("0.593 [0.583, 0.603]"), text);
        assertTrue(text.contains("full"), text);
    }

    @Test
    void withoutAMetricTheHeadlineIsTheFirstSummaryRowsWithIntervals() {
        String text = RunTable.of(List.of(SINGLE), List.of(), List.of()).text();
        assertTrue(text.contains("smoke"), text);
        assertTrue(text.contains("2026-12-01 09:00"), text);
        assertTrue(text.contains("test/reached_end 0.500 [0.250, 0.750]"), text);
    }

    @Test
    void jsonHasTheIndexFieldsWithSeedsAsStrings() {
        String json = RunTable.of(List.of(SINGLE), List.of(), List.of()).json();
        assertTrue(json.contains("\"id\": \"20261201-090000-smoke\""), json);
        assertTrue(json.contains("\"smoke\": true"), json);
        assertTrue(json.contains("\"seeds\": [\n      \"7\",\n      \"8\"\n    ]"), json);
        assertTrue(json.contains("\"metric\": \"test/reached_end\""), json);
    }

    @Test
    void malformedWhereAndMetricAreBadInput() {
        BadInputException where = assertThrows(BadInputException.class,
                () -> RunTable.of(List.of(SWEEP), List.of("percent"), List.of()));
        assertEquals("--where 'percent' is not key=value; write e.g. --where random_coin_percent=25", where.getMessage());
        assertThrows(BadInputException.class, () -> RunTable.of(List.of(SWEEP), List.of(), List.of("got_coin")));
    }
}
