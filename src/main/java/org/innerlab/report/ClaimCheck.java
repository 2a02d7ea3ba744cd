package org.innerlab.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.innerlab.measure.Holm;
import org.innerlab.measure.MannWhitney;
import org.innerlab.measure.MetricValue;
import org.innerlab.measure.RunResult;
import org.innerlab.measure.SeedsNeeded;
import org.innerlab.measure.SummaryRow;
import org.innerlab.scenario.ClaimConfig;
import org.innerlab.scenario.SweepPoint;
import org.innerlab.scenario.ValidatedRange;

/**
 * Checks a scenario's claims ({@link ClaimConfig}) against a run's summary rows and per-seed values, and
 * writes {@code claims.csv}. Claims only read results, so adding them changes no other file.
 *
 * <p>A threshold compares the mean of each selected point with its bound; a difference compares each
 * selected point with its partner (the same point with the claim's {@code exceeds} values); a trend walks
 * each line of the sweep along its key. Tested differences get a one-sided Mann–Whitney p-value (the
 * largest over their pairs, so the claim holds only where every pair does), and the p-values of all the
 * scenario's tested claims are corrected together by Holm's step-down procedure at
 * α = {@value SeedsNeeded#ALPHA}. Each verdict also says how many seeds would detect the observed margin
 * ({@link SeedsNeeded}), from the per-seed spread of the run itself.
 */
public final class ClaimCheck {
    /** The file a run folder holds its verdicts in. */
    public static final String FILE = "claims.csv";
    static final List<String> HEADER = List.of("claim", "says", "check", "observed", "threshold", "p_value",
            "seeds_needed", "verdict", "meaningful", "note");

    private ClaimCheck() {
    }

    /** The verdicts on the claims of the folder's scenario (none when it has none). */
    public static List<ClaimVerdict> of(RunFolder folder) {
        return of(folder.scenario().claims(), folder.scenario().validated(), folder.points(), folder.runs(),
                folder.summary(), "true".equals(folder.manifestText("smoke", null)));
    }

    /** The verdicts on {@code claims} of a scenario without validated ranges. */
    public static List<ClaimVerdict> of(List<ClaimConfig> claims, List<SweepPoint> points, List<RunResult> runs,
                                        List<SummaryRow> summary, boolean smoke) {
        return of(claims, List.of(), points, runs, summary, smoke);
    }

    /**
     * The verdicts on {@code claims}, in order. A claim not checked ({@link ClaimConfig.NotChecked}) says why; a
     * claim that reads a point outside the {@code validated} ranges is checked and its numbers reported, but
     * its verdict is {@link ClaimVerdict.Outcome#OUTSIDE_VALIDATED_RANGE} and its test leaves Holm's family.
     *
     * @param validated the scenario's validated ranges ({@link ValidatedRange})
     * @param summary   the summary rows, as summary.csv holds them (backdoor_persistence rows included)
     * @param smoke     whether the run's budgets were shrunk, which makes every verdict not meaningful
     */
    public static List<ClaimVerdict> of(List<ClaimConfig> claims, List<ValidatedRange> validated,
                                        List<SweepPoint> points, List<RunResult> runs, List<SummaryRow> summary,
                                        boolean smoke) {
        Results results = new Results(points, runs, summary);
        List<Partial> partials = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        for (ClaimConfig claim : claims) {
            partials.add(claim instanceof ClaimConfig.Threshold t ? threshold(t, results)
                    : claim instanceof ClaimConfig.Difference d ? difference(d, results)
                    : claim instanceof ClaimConfig.Trend t ? trend(t, results)
                    : unchecked(bound(((ClaimConfig.NotChecked) claim).claim()),
                    ((ClaimConfig.NotChecked) claim).reason()));
            outside.add(claim instanceof ClaimConfig.NotChecked ? "" : outside(claim, validated, results));
        }
        List<Integer> tested = new ArrayList<>();
        for (int i = 0; i < partials.size(); i++) {
            if (!Double.isNaN(partials.get(i).pValue) && outside.get(i).isEmpty()) {
                tested.add(i);
            }
        }
        boolean[] rejected = Holm.rejected(tested.stream().mapToDouble(i -> partials.get(i).pValue).toArray(),
                SeedsNeeded.ALPHA);
        List<ClaimVerdict> verdicts = new ArrayList<>();
        for (int i = 0; i < partials.size(); i++) {
            Partial p = partials.get(i);
            int t = tested.indexOf(i);
            boolean holds = p.holds && (t < 0 || rejected[t]);
            String threshold = p.threshold + (t < 0 ? "" : ", p <= Holm level");
            ClaimVerdict.Outcome outcome = !p.checked ? ClaimVerdict.Outcome.NOT_CHECKED
                    : !outside.get(i).isEmpty() ? ClaimVerdict.Outcome.OUTSIDE_VALIDATED_RANGE
                    : holds ? ClaimVerdict.Outcome.HOLDS : ClaimVerdict.Outcome.FAILS;
            String note = outside.get(i).isEmpty() ? p.note : p.note.isEmpty() ? outside.get(i)
                    : outside.get(i) + "; " + p.note;
            verdicts.add(new ClaimVerdict(i + 1, claims.get(i).says(), claims.get(i).check(), p.observed, threshold,
                    p.pValue, p.seedsNeeded, outcome, !smoke, note));
        }
        return verdicts;
    }

    /** The text of claims.csv: one row per claim, numbers written by {@link Numbers#format(double)}. */
    public static String csv(List<ClaimVerdict> verdicts) {
        StringBuilder out = new StringBuilder();
        Csv.record(out, HEADER);
        for (ClaimVerdict v : verdicts) {
            Csv.record(out, List.of(Integer.toString(v.number()), v.says(), v.check(), Numbers.format(v.observed()),
                    v.threshold(), Double.isNaN(v.pValue()) ? "" : Numbers.format(v.pValue()),
                    v.seedsNeeded() == 0 ? "" : Integer.toString(v.seedsNeeded()), v.verdict(),
                    Boolean.toString(v.meaningful()), v.note()));
        }
        return out.toString();
    }

    /** Writes {@code claims.csv} into {@code dir} when there are claims. */
    public static void write(Path dir, List<ClaimVerdict> verdicts) throws IOException {
        if (!verdicts.isEmpty()) {
            Files.writeString(dir.resolve(FILE), csv(verdicts), StandardCharsets.UTF_8);
        }
    }

    /** A claim's outcome before Holm's correction; {@code checked} false when a point it names was not run. */
    private record Partial(double observed, String threshold, double pValue, int seedsNeeded, boolean holds,
                           String note, boolean checked) {
        Partial(double observed, String threshold, double pValue, int seedsNeeded, boolean holds, String note) {
            this(observed, threshold, pValue, seedsNeeded, holds, note, true);
        }
    }

    private static Partial unchecked(String bound, String why) {
        return new Partial(Double.NaN, bound, Double.NaN, 0, false, why, false);
    }

    /** What a claim's observed number must be, e.g. {@code >= 0.9} or {@code > 0.2, CIs apart}. */
    private static String bound(ClaimConfig claim) {
        if (claim instanceof ClaimConfig.Threshold c) {
            return (c.wholeCi() ? "95% CI " : "") + c.bound().symbol + " " + Numbers.format(c.value());
        }
        if (claim instanceof ClaimConfig.Difference c) {
            return "> " + Numbers.format(c.by()) + (c.cisApart() ? ", CIs apart" : "");
        }
        ClaimConfig.Trend c = (ClaimConfig.Trend) claim;
        return "> 0" + (c.slack() > 0 ? ", no step back > " + Numbers.format(c.slack()) : ", no step back");
    }

    /**
     * Why a claim reads a point outside the validated ranges (the first such point's values), or empty: a
     * difference reads its partners too.
     */
    private static String outside(ClaimConfig claim, List<ValidatedRange> validated, Results r) {
        if (validated.isEmpty()) {
            return "";
        }
        List<SweepPoint> read = new ArrayList<>(r.selected(claim.at()));
        if (claim instanceof ClaimConfig.Difference d) {
            for (SweepPoint p : r.selected(d.at())) {
                SweepPoint q = r.partner(p, d.than());
                if (q != null) {
                    read.add(q);
                }
            }
        }
        for (SweepPoint p : read) {
            String why = ValidatedRange.outside(validated, p);
            if (!why.isEmpty()) {
                return why;
            }
        }
        return "";
    }

    private static Partial threshold(ClaimConfig.Threshold c, Results r) {
        String bound = bound(c);
        List<SweepPoint> selected = r.selected(c.at());
        double worst = Double.NaN;
        SweepPoint worstPoint = null;
        for (SweepPoint p : selected) {
            SummaryRow row = r.row(p, c.series());
            if (row == null) {
                return missing(bound, p);
            }
            // With whole_ci the interval's end nearest the bound is what must clear it.
            double value = !c.wholeCi() ? row.mean() : c.bound().upper() ? row.ciHigh() : row.ciLow();
            if (worstPoint == null || (c.bound().upper() ? value > worst : value < worst)) {
                worst = value;
                worstPoint = p;
            }
        }
        if (worstPoint == null) {
            // The loader refuses a claim naming an unswept point, so only a caller that ran part of the sweep gets here.
            return unchecked(bound, "point not in the sweep: " + where(c.at()));
        }
        boolean holds = c.bound().holds(worst, c.value());
        double[] values = r.perSeed(worstPoint, c.series());
        int seeds = holds && !c.wholeCi() && values.length >= 2 && worst != c.value()
                ? SeedsNeeded.paired(Math.abs(worst - c.value()), SeedsNeeded.sd(values)) : 0;
        return new Partial(worst, bound, Double.NaN, seeds, holds, "");
    }

    private static Partial difference(ClaimConfig.Difference c, Results r) {
        String bound = bound(c);
        double smallest = Double.NaN;
        double largestP = Double.NaN;
        boolean holds = true;
        int seeds = 0;
        boolean any = false;
        for (SweepPoint p : r.selected(c.at())) {
            SweepPoint q = r.partner(p, c.than());
            if (q == null) {
                continue;
            }
            SummaryRow a = r.row(p, c.series());
            SummaryRow b = r.row(q, c.series());
            if (a == null || b == null) {
                return missing(bound, a == null ? p : q);
            }
            any = true;
            double difference = a.mean() - b.mean();
            holds &= difference > c.by() && (!c.cisApart() || a.ciLow() > b.ciHigh());
            double[] x = r.perSeed(p, c.series());
            double[] y = r.perSeed(q, c.series());
            if (c.tested()) {
                double pValue = x.length == 0 || y.length == 0 ? 1 : MannWhitney.pExceeds(x, y, c.by());
                largestP = Double.isNaN(largestP) ? pValue : Math.max(largestP, pValue);
            }
            if (Double.isNaN(smallest) || difference < smallest) {
                smallest = difference;
                seeds = difference > c.by() && x.length + y.length >= 3
                        ? SeedsNeeded.twoSample(difference - c.by(), SeedsNeeded.pooledSd(x, y)) : 0;
            }
        }
        if (!any) {
            return unchecked(bound, "point not in the sweep: " + where(r.selected(c.at()).isEmpty() ? c.at() : c.than()));
        }
        return new Partial(smallest, bound, largestP, seeds, holds, "");
    }

    private static Partial trend(ClaimConfig.Trend c, Results r) {
        String bound = bound(c);
        // One line per combination of the other keys; the points come in sweep order, so each line does too.
        Map<Map<String, Object>, List<SweepPoint>> lines = new LinkedHashMap<>();
        for (SweepPoint p : r.selected(c.at())) {
            Map<String, Object> others = new LinkedHashMap<>(p.assignments());
            others.remove(c.over());
            lines.computeIfAbsent(others, k -> new ArrayList<>()).add(p);
        }
        double sign = c.rising() ? 1 : -1;
        double smallestChange = Double.NaN;
        double largestStepBack = 0;
        for (List<SweepPoint> line : lines.values()) {
            double[] means = new double[line.size()];
            for (int i = 0; i < line.size(); i++) {
                SummaryRow row = r.row(line.get(i), c.series());
                if (row == null) {
                    return missing(bound, line.get(i));
                }
                means[i] = sign * row.mean();
                if (i > 0) {
                    largestStepBack = Math.max(largestStepBack, means[i - 1] - means[i]);
                }
            }
            double change = means[means.length - 1] - means[0];
            smallestChange = Double.isNaN(smallestChange) ? change : Math.min(smallestChange, change);
        }
        boolean holds = smallestChange > 0 && largestStepBack <= c.slack();
        return new Partial(smallestChange, bound, Double.NaN, 0, holds,
                "largest step back " + Numbers.format(ClaimVerdict.round(largestStepBack)));
    }

    /** {@code k=v, k2=v2} with short key names. */
    private static String where(Map<String, Object> at) {
        return at.entrySet().stream().map(e -> ClaimConfig.shortKey(e.getKey()) + "=" + e.getValue())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static Partial missing(String bound, SweepPoint p) {
        return new Partial(Double.NaN, bound, Double.NaN, 0, false, "no summary row at point " + p.index());
    }

    /** A run's summary rows and per-seed values, looked up by point and series. */
    private record Results(List<SweepPoint> points, List<RunResult> runs, List<SummaryRow> summary) {
        List<SweepPoint> selected(Map<String, Object> at) {
            return points.stream().filter(p -> at.entrySet().stream()
                    .allMatch(e -> same(p.assignments().get(e.getKey()), e.getValue()))).toList();
        }

        /** The point equal to {@code p} but for {@code than}'s values, or null. */
        SweepPoint partner(SweepPoint p, Map<String, Object> than) {
            Map<String, Object> wanted = new LinkedHashMap<>(p.assignments());
            wanted.putAll(than);
            for (SweepPoint q : points) {
                if (q.assignments().keySet().equals(wanted.keySet()) && wanted.entrySet().stream()
                        .allMatch(e -> same(q.assignments().get(e.getKey()), e.getValue()))) {
                    return q;
                }
            }
            return null;
        }

        SummaryRow row(SweepPoint p, String series) {
            int slash = series.indexOf('/');
            for (SummaryRow row : summary) {
                if (row.point() == p.index() && row.distribution().equals(series.substring(0, slash))
                        && row.metric().equals(series.substring(slash + 1))) {
                    return row;
                }
            }
            return null;
        }

        /** Every run's value of {@code series} at {@code p}, in run order; empty for a summary-only row. */
        double[] perSeed(SweepPoint p, String series) {
            int slash = series.indexOf('/');
            String distribution = series.substring(0, slash);
            String metric = series.substring(slash + 1);
            List<Double> values = new ArrayList<>();
            for (RunResult run : ResultsCsv.inRunOrder(runs)) {
                if (run.point() != p.index()) {
                    continue;
                }
                for (MetricValue v : run.metrics()) {
                    if (v.distribution().equals(distribution) && v.metric().equals(metric)) {
                        values.add(v.value());
                    }
                }
            }
            return values.stream().mapToDouble(Double::doubleValue).toArray();
        }

        private static boolean same(Object a, Object b) {
            return a instanceof Number x && b instanceof Number y ? x.doubleValue() == y.doubleValue()
                    : Objects.equals(a, b);
        }
    }
}
