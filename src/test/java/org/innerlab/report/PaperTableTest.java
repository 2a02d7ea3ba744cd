package org.innerlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.innerlab.scenario.SweepPoint;
import org.innerlab.measure.SummaryRow;
import org.innerlab.scenario.ChartConfig;
import org.innerlab.scenario.ReportConfig;
import org.junit.jupiter.api.Test;

class PaperTableTest {
    private static final List<SweepPoint> CONDITIONS = List.of(
            new SweepPoint(0, Map.of("condition", "bc-aligned"), null),
            new SweepPoint(1, Map.of("condition", "rl-supervised-only"), null));

    private static final List<SummaryRow> ROWS = List.of(
            new SummaryRow(0, "supervised", "hidden_performance", 20, 40.9983, 40.9967, 41),
            new SummaryRow(0, "supervised", "misbehaviour_rate", 20, 0, 0, 0),
            new SummaryRow(0, "unsupervised", "hidden_performance", 20, 40.72, 40.64, 40.8),
            new SummaryRow(0, "unsupervised", "misbehaviour_rate", 20, 0.0117, 0.0083, 0.0158),
            new SummaryRow(0, "unsupervised-vs-supervised", "conditional_misbehaviour_gap", 20, 0.0033, -0.0067, 0.0142),
            new SummaryRow(1, "supervised", "hidden_performance", 20, 41, 41, 41),
            new SummaryRow(1, "supervised", "misbehaviour_rate", 20, 0, 0, 0),
            new SummaryRow(1, "unsupervised", "hidden_performance", 20, 17, 17, 17),
            new SummaryRow(1, "unsupervised", "misbehaviour_rate", 20, 1, 1, 1),
            new SummaryRow(1, "unsupervised-vs-supervised", "conditional_misbehaviour_gap", 20, 1, 1, 1),
            new SummaryRow(1, "labels", "label_share/robust", 20, 0.5, 0.3, 0.7));

    @Test
    void writesOneRowPerConditionWithMeanAndIntervalToThreeSignificantDigits() {
        PaperTable.Table t = PaperTable.of("regimes-compared", "asg-absent-supervisor-v1", CONDITIONS, ROWS,
                PaperTable.defaultColumns(ROWS));
        String expected = """
                **Table.** Scenario regimes-compared (asg-absent-supervisor-v1). Each cell: mean over n = 20 seeds \
                per row [95% percentile-bootstrap interval of the mean over seeds, B = 2,000].

                | condition | hidden performance, supervised | hidden performance, unsupervised \
                | misbehaviour rate, supervised | misbehaviour rate, unsupervised \
                | conditional-misbehaviour gap, unsupervised vs supervised |
                |:--|--:|--:|--:|--:|--:|
                | bc-aligned | 41.0 [41.0, 41.0] | 40.7 [40.6, 40.8] | 0.00 [0.00, 0.00] | 0.012 [0.008, 0.016] \
                | 0.003 [-0.007, 0.014] |
                | rl-supervised-only | 41.0 [41.0, 41.0] | 17.0 [17.0, 17.0] | 0.00 [0.00, 0.00] | 1.00 [1.00, 1.00] \
                | 1.00 [1.00, 1.00] |

                Columns (distribution/metric in summary.csv): hidden performance, supervised: \
                `supervised/hidden_performance`; hidden performance, unsupervised: `unsupervised/hidden_performance`; \
                misbehaviour rate, supervised: `supervised/misbehaviour_rate`; misbehaviour rate, unsupervised: \
                `unsupervised/misbehaviour_rate`; conditional-misbehaviour gap, unsupervised vs supervised: \
                `unsupervised-vs-supervised/conditional_misbehaviour_gap`.
                """;
        assertEquals(expected, PaperTable.markdown(t));
    }

    @Test
    void scenarioColumnsAndLabelsReplaceTheDefaultAndAMissingCellIsADash() {
        ReportConfig report = ReportConfig.NONE.withTable(List.of("unsupervised/misbehaviour_rate", "train/steps"),
                List.of("P(misbehave | unwatched)", "steps"));
        PaperTable.Table t = PaperTable.of("s", "e", CONDITIONS, ROWS, PaperTable.columns(report, List.of(), ROWS));
        assertEquals(List.of("P(misbehave | unwatched)", "steps"),
                t.columns().stream().map(PaperTable.Column::label).toList());
        assertEquals(List.of(List.of("0.012 [0.008, 0.016]", "—"), List.of("1.00 [1.00, 1.00]", "—")), t.cells());
    }

    @Test
    void escapesPipesAndLineBreaksSoScenarioTextCannotBreakARow() {
        ReportConfig report = ReportConfig.NONE.withTable(List.of("unsupervised/misbehaviour_rate"),
                List.of("P(a | b)\nunwatched"));
        Map<String, Object> pipe = new LinkedHashMap<>();
        pipe.put("condition", "x|y");
        PaperTable.Table t = PaperTable.of("a|b", "e", List.of(new SweepPoint(0, pipe, null)),
                List.of(new SummaryRow(0, "unsupervised", "misbehaviour_rate", 3, 0.5, 0.25, 0.75)),
                PaperTable.columns(report, List.of(), ROWS));
        assertEquals("""
                **Table.** Scenario a\\|b (e). Each cell: mean over n = 3 seeds per row [95% percentile-bootstrap \
                interval of the mean over seeds, B = 2,000].

                | condition | P(a \\| b) unwatched |
                |:--|--:|
                | x\\|y | 0.50 [0.25, 0.75] |

                Columns (distribution/metric in summary.csv): P(a \\| b) unwatched: `unsupervised/misbehaviour_rate`.
                """, PaperTable.markdown(t));
    }

    @Test
    void escapesHtmlInLabelsAndScenarioTextSoMarkdownCannotCarryMarkup() {
        ReportConfig report = ReportConfig.NONE.withTable(List.of("unsupervised/misbehaviour_rate"),
                List.of("<img src=x onerror=alert(1)> & <script>"));
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("condition", "<b>x</b>");
        PaperTable.Table t = PaperTable.of("<i>s</i>", "e", List.of(new SweepPoint(0, point, null)),
                List.of(new SummaryRow(0, "unsupervised", "misbehaviour_rate", 3, 0.5, 0.25, 0.75)),
                PaperTable.columns(report, List.of(), ROWS));
        String md = PaperTable.markdown(t);
        assertFalse(md.contains("<"), md);
        assertTrue(md.contains("| &lt;img src=x onerror=alert(1)&gt; &amp; &lt;script&gt; |"), md);
        assertTrue(md.contains("| &lt;b&gt;x&lt;/b&gt; | 0.50 [0.25, 0.75] |"), md);
        assertTrue(md.startsWith("**Table.** Scenario &lt;i&gt;s&lt;/i&gt; (e)."), md);
    }

    @Test
    void roundsEveryNumberOfACellToTwoOrThreeSignificantDigitsOfItsLargestMagnitude() {
        assertEquals("0.00 [0.00, 0.00]", PaperTable.cell(0, 0, 0));
        assertEquals("0.000 [-0.010, 0.010]", PaperTable.cell(-0.00001, -0.01, 0.01));
        assertEquals("123 [100, 150]", PaperTable.cell(123.4, 99.6, 150.2));
        assertEquals("-30.5 [-31.2, -29.9]", PaperTable.cell(-30.5, -31.24, -29.87));
        assertEquals("n/a", PaperTable.cell(Double.NaN, Double.NaN, Double.NaN));
    }

    @Test
    void withoutOversightTheDefaultShowsObservedReturnBesideHiddenPerformance() {
        List<SummaryRow> rows = List.of(new SummaryRow(0, "train", "observed_return", 5, 50, 40, 60),
                new SummaryRow(0, "train", "hidden_performance", 5, 5, 4, 6),
                new SummaryRow(0, "train@1000", "hidden_performance", 5, 1, 1, 1));
        assertEquals(List.of("train/hidden_performance", "train/observed_return"),
                PaperTable.defaultColumns(rows).stream().map(PaperTable.Column::series).toList());
    }

    @Test
    void withoutReportTableTheColumnsAreTheFirstChartsSeriesUnderItsLabels() {
        ChartConfig sweep = new ChartConfig("sweep", "gm", null, "condition",
                List.of("unsupervised/misbehaviour_rate", "1-supervised/misbehaviour_rate", "test/got_coin"),
                List.of("P(misbehave | unwatched)", "1 - P(misbehave | watched)", "P(coin)"), null, null);
        ChartConfig later = new ChartConfig("sweep", "other", null, "condition",
                List.of("supervised/hidden_performance"), List.of(), null, null);
        List<PaperTable.Column> columns = PaperTable.columns(ReportConfig.NONE, List.of(sweep, later), ROWS);
        assertEquals(List.of(new PaperTable.Column("unsupervised/misbehaviour_rate", "P(misbehave | unwatched)"),
                new PaperTable.Column("supervised/misbehaviour_rate", "misbehaviour rate, supervised")), columns,
                "the complemented series shows as summary.csv's own metric; a series not measured is left out");
    }

    @Test
    void barsOverDistributionGiveEachCategorysMetricsAndAChartWithNothingMeasuredFallsBack() {
        ChartConfig bars = new ChartConfig("bars", "b", null, "distribution", List.of("misbehaviour_rate"),
                List.of(), null, null, List.of("unsupervised", "supervised"));
        assertEquals(List.of("unsupervised/misbehaviour_rate", "supervised/misbehaviour_rate"),
                PaperTable.columns(ReportConfig.NONE, List.of(bars), ROWS).stream()
                        .map(PaperTable.Column::series).toList());
        ChartConfig curve = new ChartConfig("curve", "c", null, "steps", List.of("train/got_coin"), List.of(), null,
                null);
        assertEquals(PaperTable.defaultColumns(ROWS), PaperTable.columns(ReportConfig.NONE, List.of(curve), ROWS));
    }
}
