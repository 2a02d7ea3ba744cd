package org.innerlab.index;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.innerlab.core.BadInputException;
import org.innerlab.measure.SummaryRow;
import org.innerlab.report.Json;

/**
 * The table {@code innerlab runs} prints: one row per sweep point of each indexed run, in the order
 * given (newest first), keeping the points that match every {@code --where} and measured every
 * {@code --metric}.
 *
 * <p>A row's id is the run id, with {@code #N} for point N of a run with several points: the form
 * {@code innerlab compare} takes. A {@code --where key=value} key is a dotted path of the resolved
 * scenario or its last segments ({@code random_coin_percent} for
 * {@code environment.train.random_coin_percent}); the point's swept value wins over the scenario's, and
 * numbers match by value ({@code 25} = {@code 25.0}). Without {@code --metric}, the headline metrics
 * are the first {@value #HEADLINES} rows of the point's summary.
 */
public final class RunTable {
    /** How many metrics a row shows when no {@code --metric} names them. */
    static final int HEADLINES = 2;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);

    /**
     * One row.
     *
     * @param run   the run
     * @param point its point this row shows
     */
    public record Row(IndexedRun run, IndexedRun.Point point) {
        /** The id to name this row by: the run id, with {@code #N} when the run has several points. */
        public String id() {
            return run.points().size() == 1 ? run.id() : run.id() + "#" + point.index();
        }
    }

    private record Where(String key, String value) {
    }

    private final List<Row> rows;
    private final List<String> metrics;

    private RunTable(List<Row> rows, List<String> metrics) {
        this.rows = List.copyOf(rows);
        this.metrics = List.copyOf(metrics);
    }

    /**
     * The rows of {@code runs} that match.
     *
     * @param where   {@code key=value} conditions, all of which a point must meet
     * @param metrics {@code distribution/metric} names a point must have measured, shown as columns
     * @throws BadInputException when a condition or a metric name is malformed
     */
    public static RunTable of(List<IndexedRun> runs, List<String> where, List<String> metrics) {
        List<Where> conditions = new ArrayList<>();
        for (String w : where) {
            int eq = w.indexOf('=');
            if (eq <= 0) {
                throw new BadInputException("--where '" + w + "' is not key=value; write e.g. --where "
                        + "random_coin_percent=25");
            }
            conditions.add(new Where(w.substring(0, eq).trim(), w.substring(eq + 1).trim()));
        }
        for (String m : metrics) {
            if (!m.matches("[^/]+/[^/]+")) {
                throw new BadInputException("--metric '" + m + "' is not distribution/metric; write e.g. --metric "
                        + "test/got_coin");
            }
        }
        List<Row> rows = new ArrayList<>();
        for (IndexedRun run : runs) {
            for (IndexedRun.Point p : run.points()) {
                if (conditions.stream().allMatch(c -> meets(run, p, c))
                        && metrics.stream().allMatch(m -> p.row(m) != null)) {
                    rows.add(new Row(run, p));
                }
            }
        }
        return new RunTable(rows, metrics);
    }

    /** The rows, in order. */
    public List<Row> rows() {
        return rows;
    }

    /** The table as aligned text, one line per row under a header; a line saying so when empty. */
    public String text() {
        if (rows.isEmpty()) {
            return "(no indexed runs match)\n";
        }
        List<String> header = new ArrayList<>(List.of("id", "started (UTC)", "scenario", "mode", "seeds", "point"));
        header.addAll(metrics.isEmpty() ? List.of("headline metrics (mean [95% CI])") : metrics);
        List<List<String>> lines = new ArrayList<>();
        lines.add(header);
        for (Row r : rows) {
            IndexedRun run = r.run();
            List<String> cells = new ArrayList<>(List.of(r.id() + (run.present() ? "" : " (gone)"),
                    run.startedAt() == null ? "?" : WHEN.format(run.startedAt()), run.scenario(), run.mode(),
                    Integer.toString(run.seedsPerPoint()), assignments(r.point())));
            if (metrics.isEmpty()) {
                List<String> headlines = new ArrayList<>();
                for (SummaryRow s : r.point().summary().subList(0, Math.min(HEADLINES, r.point().summary().size()))) {
                    headlines.add(s.distribution() + "/" + s.metric() + " " + estimate(s));
                }
                cells.add(String.join("; ", headlines));
            } else {
                metrics.forEach(m -> cells.add(estimate(r.point().row(m))));
            }
            lines.add(cells);
        }
        int[] widths = new int[header.size()];
        for (List<String> line : lines) {
            for (int i = 0; i < line.size(); i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (List<String> line : lines) {
            StringBuilder l = new StringBuilder();
            for (int i = 0; i < line.size(); i++) {
                l.append(i == 0 ? "" : "  ").append(i == line.size() - 1 ? line.get(i)
                        : String.format(Locale.ROOT, "%-" + widths[i] + "s", line.get(i)));
            }
            text.append(l.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }

    /** The rows as a JSON array for tools, every field of the index with the point's summary rows. */
    public String json() {
        List<Object> list = new ArrayList<>();
        for (Row r : rows) {
            IndexedRun run = r.run();
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("id", r.id());
            o.put("run_id", run.id());
            o.put("folder", run.folder().toString());
            o.put("present", run.present());
            o.put("started_at", run.startedAt() == null ? null : run.startedAt().toString());
            o.put("scenario", run.scenario());
            o.put("scenario_sha256", run.scenarioSha256());
            o.put("smoke", run.smoke());
            o.put("innerlab_version", run.innerlabVersion());
            o.put("git_commit", run.gitCommit());
            o.put("host", run.host());
            o.put("wall_time_seconds", run.wallTimeSeconds());
            o.put("cpu_time_seconds", run.cpuTimeSeconds());
            // As strings, like manifest.json: JSON readers that hold numbers as doubles would change them.
            o.put("master_seed", Long.toString(run.masterSeed()));
            o.put("seeds_per_point", run.seedsPerPoint());
            o.put("point", r.point().index());
            o.put("assignments", r.point().assignments());
            o.put("seeds", r.point().seeds().stream().map(Object::toString).toList());
            List<Object> summary = new ArrayList<>();
            for (SummaryRow s : r.point().summary()) {
                if (metrics.isEmpty() || metrics.contains(s.distribution() + "/" + s.metric())) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("metric", s.distribution() + "/" + s.metric());
                    m.put("n", s.n());
                    m.put("mean", s.mean());
                    m.put("ci_low", s.ciLow());
                    m.put("ci_high", s.ciHigh());
                    summary.add(m);
                }
            }
            o.put("summary", summary);
            list.add(o);
        }
        return Json.write(list, Json.Layout.FILE);
    }

    private static boolean meets(IndexedRun run, IndexedRun.Point point, Where where) {
        Map<String, String> values = new LinkedHashMap<>(run.parameters());
        values.putAll(point.assignments());
        for (Map.Entry<String, String> e : values.entrySet()) {
            String path = e.getKey();
            if ((path.equals(where.key()) || path.endsWith("." + where.key())) && same(e.getValue(), where.value())) {
                return true;
            }
        }
        return false;
    }

    private static boolean same(String a, String b) {
        if (a == null || a.equals(b)) {
            return a != null;
        }
        try {
            return Double.parseDouble(a) == Double.parseDouble(b);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String assignments(IndexedRun.Point point) {
        if (point.assignments().isEmpty()) {
            return "-";
        }
        List<String> parts = new ArrayList<>();
        point.assignments().forEach((k, v) -> parts.add(k.substring(k.lastIndexOf('.') + 1) + "=" + v));
        return String.join(",", parts);
    }

    private static String estimate(SummaryRow s) {
        return String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", s.mean(), s.ciLow(), s.ciHigh());
    }
}
