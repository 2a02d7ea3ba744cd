package org.innerlab.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.innerlab.measure.RunResult;
import org.innerlab.measure.SummaryRow;
import org.innerlab.report.RunFolder;
import org.innerlab.scenario.ScenarioWriter;
import org.innerlab.scenario.SweepPoint;

/**
 * What the run index holds about one completed run folder, all of it read from the folder (the
 * source of truth). A field the folder's manifest does not have (a folder written by an older
 * innerlab) is null, never a guess, except {@code smoke}: absent from the manifest, it is read from the
 * manifest's command line ({@code --smoke} in it or not), else from the folder name ({@code smoke} in it
 * means a smoke run), else unknown.
 *
 * @param folder          the folder, absolute and normalised (the index's key)
 * @param id              the run id: the folder's name
 * @param scenario        the scenario name
 * @param scenarioSha256  SHA-256 of the resolved scenario ({@code scenario.yaml}), hex
 * @param resolvedYaml    the text of {@code scenario.yaml}
 * @param parameters      every resolved scenario value by dotted path ({@link ScenarioWriter#values})
 * @param startedAt       when the experiment started, or null
 * @param innerlabVersion the innerlab version that wrote the folder, or null
 * @param gitCommit       its git commit, or null
 * @param masterSeed      the scenario's master seed
 * @param seedsPerPoint   runs per sweep point
 * @param smoke           true for a {@code --smoke} run, false for a full one, null when unknown
 * @param wallTimeSeconds elapsed wall-clock time, or null
 * @param cpuTimeSeconds  CPU time of the process, or null
 * @param host            the machine, or null
 * @param points          the sweep points, in index order
 */
public record IndexedRun(Path folder, String id, String scenario, String scenarioSha256, String resolvedYaml,
                         Map<String, String> parameters, Instant startedAt, String innerlabVersion, String gitCommit,
                         long masterSeed, int seedsPerPoint, Boolean smoke, Double wallTimeSeconds,
                         Double cpuTimeSeconds, String host, List<Point> points) {
    public IndexedRun {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        points = List.copyOf(points);
    }

    /**
     * One sweep point of the run.
     *
     * @param index       the point's index (the {@code point} column of runs.csv)
     * @param assignments swept path → value, as text, in sweep-key order
     * @param seeds       its runs' derived seeds in run order; empty when the manifest lists none
     * @param summary     its rows of summary.csv, in file order
     */
    public record Point(int index, Map<String, String> assignments, List<Long> seeds, List<SummaryRow> summary) {
        public Point {
            assignments = Collections.unmodifiableMap(new LinkedHashMap<>(assignments));
            seeds = List.copyOf(seeds);
            summary = List.copyOf(summary);
        }

        /** The row of {@code distribution/metric}, or null when this point did not measure it. */
        public SummaryRow row(String key) {
            for (SummaryRow r : summary) {
                if (key.equals(r.distribution() + "/" + r.metric())) {
                    return r;
                }
            }
            return null;
        }
    }

    /**
     * Reads a run folder.
     *
     * @throws IOException when a file is missing or unreadable
     * @throws IllegalArgumentException when a table is malformed
     * @throws org.innerlab.core.BadInputException when its {@code scenario.yaml} no longer validates
     */
    public static IndexedRun read(Path folder) throws IOException {
        Path dir = folder.toAbsolutePath().normalize();
        RunFolder f = RunFolder.read(dir);
        // An older manifest lists no points; its seeds are then unknown rather than RunFolder's stand-in 0.
        boolean seedsKnown = !f.manifestTexts("points").isEmpty();
        List<Point> points = new ArrayList<>();
        for (SweepPoint p : f.points()) {
            Map<String, String> assignments = new LinkedHashMap<>();
            p.assignments().forEach((k, v) -> assignments.put(k, String.valueOf(v)));
            List<Long> seeds = new ArrayList<>();
            for (RunResult r : f.runs()) {
                if (seedsKnown && r.point() == p.index()) {
                    seeds.add(r.seed());
                }
            }
            points.add(new Point(p.index(), assignments, seeds,
                    f.summary().stream().filter(r -> r.point() == p.index()).toList()));
        }
        String smokeText = f.manifestText("smoke", null);
        String name = dir.getFileName().toString();
        List<String> commandLine = f.manifestTexts("command_line");
        Boolean smoke = smokeText != null ? Boolean.valueOf(smokeText)
                : !commandLine.isEmpty() ? Boolean.valueOf(commandLine.contains("--smoke"))
                : name.contains("smoke") ? Boolean.TRUE : null;
        return new IndexedRun(dir, name, f.scenario().name(), sha256(f.yaml()), f.yaml(),
                ScenarioWriter.values(f.scenario()), instant(f.manifestText("started_at", null)),
                f.manifestText("innerlab_version", null), f.manifestText("git_commit", null), f.scenario().seed(),
                f.scenario().seeds(), smoke,
                number(f.manifestText("wall_time_seconds", null)), number(f.manifestText("cpu_time_seconds", null)),
                f.manifestText("host", null), points);
    }

    /** "smoke", "full" or "?" (unknown). */
    public String mode() {
        return smoke == null ? "?" : smoke ? "smoke" : "full";
    }

    /** Whether the folder is still there: the index may outlive it. */
    public boolean present() {
        return Files.isRegularFile(folder.resolve("summary.csv"));
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Double number(String text) {
        try {
            return text == null ? null : Double.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
