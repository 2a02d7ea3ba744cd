package org.innerlab.report;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.innerlab.core.BadInputException;
import org.innerlab.measure.RunResult;
import org.innerlab.scenario.SweepPoint;
import org.innerlab.measure.MetricValue;
import org.innerlab.measure.SummaryRow;
import org.innerlab.scenario.Scenario;
import org.innerlab.scenario.ScenarioLoader;

/**
 * A finished output folder read back from disk: the resolved scenario and its sweep points,
 * every run's metrics ({@code runs.csv}), the summary ({@code summary.csv}) and the manifest.
 * Reports, comparisons and plots work from this alone, so they never need to re-run anything.
 *
 * <p>The derived 64-bit seeds are taken from the manifest; a run the manifest does not list gets
 * seed 0 (only the report shows seeds, and it shows the manifest's).
 *
 * @param dir      the folder
 * @param scenario the resolved scenario ({@code scenario.yaml}), with the folder's copy as its source
 * @param yaml     the text of {@code scenario.yaml}
 * @param points   the scenario's sweep points
 * @param runs     every run, in (point, run) order
 * @param summary  the rows of {@code summary.csv}, in file order
 * @param manifest the parsed {@code manifest.json}
 */
public record RunFolder(Path dir, Scenario scenario, String yaml, List<SweepPoint> points, List<RunResult> runs,
                        List<SummaryRow> summary, JsonNode manifest) {
    /** What to do about a damaged file, after saying what is wrong with it. */
    private static final String DAMAGED = "; the run folder is damaged: restore the file, or run its scenario.yaml again";

    public RunFolder {
        points = List.copyOf(points);
        runs = List.copyOf(runs);
        summary = List.copyOf(summary);
    }

    /**
     * Reads {@code dir}.
     *
     * @throws IOException              when a file is missing or unreadable
     * @throws IllegalArgumentException when a table is malformed (the message names file and line)
     * @throws BadInputException        when a file is not UTF-8 text or {@code manifest.json} is not JSON
     *                                  (the message names the file and what is wrong)
     * @throws org.innerlab.scenario.ScenarioException when {@code scenario.yaml} no longer validates
     */
    public static RunFolder read(Path dir) throws IOException {
        refuseShard(dir);
        for (String name : List.of("scenario.yaml", "runs.csv", "summary.csv", "manifest.json")) {
            if (!Files.isRegularFile(dir.resolve(name))) {
                throw new IOException(dir + " is not an innerlab output folder: it has no " + name);
            }
        }
        Path yamlFile = dir.resolve("scenario.yaml");
        Scenario scenario = ScenarioLoader.load(yamlFile, List.of());
        JsonNode manifest = json(dir.resolve("manifest.json"));
        List<RunResult> runs = readRuns(dir.resolve("runs.csv"), seeds(manifest));
        List<SummaryRow> summary = readSummary(dir.resolve("summary.csv"));
        return new RunFolder(dir, scenario, Files.readString(yamlFile, StandardCharsets.UTF_8), scenario.points(),
                runs, summary, manifest);
    }

    /**
     * Reads the folder one shard of a sweep wrote ({@link ShardFolder}).
     *
     * @throws BadInputException when {@code dir} is not a finished shard folder (the message says why)
     */
    static ShardFolder readShard(Path dir) throws IOException {
        for (String name : List.of("scenario.yaml", "runs.csv", "manifest.json")) {
            if (!Files.isRegularFile(dir.resolve(name))) {
                throw new BadInputException(dir + " is not a finished shard folder: it has no " + name
                        + "; run the shard (innerlab run --shard k/N) until it finishes");
            }
        }
        Path manifestFile = dir.resolve("manifest.json");
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(manifestFile.toFile());
        } catch (JsonProcessingException e) {
            throw new BadInputException(manifestFile + " is not JSON; run that shard again into a new folder", e);
        }
        JsonNode shard = root.path(ShardFolder.SHARD);
        if (!shard.path("index").canConvertToInt() || !shard.path("count").canConvertToInt()) {
            throw new BadInputException(dir + " is not a shard folder (its manifest has no shard entry); "
                    + "give the folders innerlab run --shard k/N wrote");
        }
        try {
            return new ShardFolder(dir, shard.get("index").asInt(), shard.get("count").asInt(),
                    Files.readString(dir.resolve("scenario.yaml"), StandardCharsets.UTF_8), manifest(root),
                    readRuns(dir.resolve("runs.csv"), seeds(root)));
        } catch (IllegalArgumentException | NullPointerException | DateTimeParseException e) {
            throw new BadInputException(dir + " is a damaged shard folder (" + e.getMessage()
                    + "); run that shard again into a new folder", e);
        }
    }

    /**
     * Refuses a shard folder where a whole run is needed, so a report or comparison is never drawn from
     * a fraction of the runs.
     *
     * @throws BadInputException when {@code dir}'s manifest marks it as a shard
     */
    private static void refuseShard(Path dir) throws IOException {
        Path manifestFile = dir.resolve("manifest.json");
        if (!Files.isRegularFile(manifestFile)) {
            return;
        }
        JsonNode shard;
        try {
            shard = new ObjectMapper().readTree(manifestFile.toFile()).path(ShardFolder.SHARD);
        } catch (JsonProcessingException e) {
            return; // reading the folder reports a manifest that is not JSON, in its own words
        }
        if (!shard.isMissingNode()) {
            throw new BadInputException(dir + " is shard " + shard.path("index").asText() + "/"
                    + shard.path("count").asText() + " of a sweep, not a whole run; merge the shards first "
                    + "(innerlab merge <shard folders> --out DIR)");
        }
    }

    /**
     * The {@link Manifest} {@link ManifestJson} wrote: entries it does not know are ignored; a point's
     * assignments come back as JSON values (a whole number as an Integer or Long, any other as a Double).
     *
     * @throws IllegalArgumentException or NullPointerException when a field is missing or malformed
     */
    private static Manifest manifest(JsonNode root) {
        List<String> commandLine = new ArrayList<>();
        root.path("command_line").forEach(w -> commandLine.add(w.asText()));
        List<Manifest.Point> points = new ArrayList<>();
        for (JsonNode p : root.path("points")) {
            List<Manifest.RunSeed> runs = new ArrayList<>();
            for (JsonNode r : p.path("runs")) {
                runs.add(new Manifest.RunSeed(r.get("run").asInt(), Long.parseLong(r.get("seed").asText())));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> assignments = new ObjectMapper().convertValue(p.get("assignments"), LinkedHashMap.class);
            points.add(new Manifest.Point(p.get("index").asInt(), assignments, runs));
        }
        JsonNode jdk = root.get("jdk");
        JsonNode os = root.get("os");
        String started = nullableText(root, "started_at");
        return new Manifest(nullableText(root, "innerlab_version"), nullableText(root, "git_commit"),
                new Manifest.Jdk(nullableText(jdk, "java_version"), nullableText(jdk, "java_vendor"),
                        nullableText(jdk, "java_vm_name")),
                new Manifest.Os(nullableText(os, "name"), nullableText(os, "version"), nullableText(os, "arch")),
                nullableText(root, "scenario"), nullableText(root, "scenario_source"),
                Long.parseLong(root.get("master_seed").asText()), root.get("seeds_per_point").asInt(),
                root.get("threads").asInt(), root.path("smoke").asBoolean(false), commandLine, started == null ? null : Instant.parse(started),
                root.get("wall_time_seconds").asDouble(),
                root.path("host").isTextual() ? root.get("host").asText() : null,
                root.path("cpu_time_seconds").isNumber() ? root.get("cpu_time_seconds").asDouble() : null, points);
    }

    /** Field {@code name} of {@code object} as text, null when it is JSON null; absent, it is malformed. */
    private static String nullableText(JsonNode object, String name) {
        JsonNode node = object.get(name);
        if (node == null) {
            throw new IllegalArgumentException("manifest.json has no " + name);
        }
        return node.isNull() ? null : node.asText();
    }

    /** The manifest's text field {@code name}, or {@code fallback} when absent or null. */
    public String manifestText(String name, String fallback) {
        JsonNode node = manifest.path(name);
        return node.isMissingNode() || node.isNull() ? fallback : node.asText();
    }

    /**
     * The text of field {@code name} of the manifest's object {@code object} (e.g. {@code jdk}): "" when
     * absent, "null" when null.
     */
    public String manifestField(String object, String name) {
        return manifest.path(object).path(name).asText();
    }

    /** The texts of the manifest's array {@code name} (e.g. {@code command_line}), none when absent. */
    public List<String> manifestTexts(String name) {
        List<String> texts = new ArrayList<>();
        manifest.path(name).forEach(item -> texts.add(item.asText()));
        return texts;
    }

    /** Every (distribution, metric) pair measured, as {@code distribution/metric}, in first-seen order. */
    public List<String> metricKeys() {
        List<String> keys = new ArrayList<>();
        for (SummaryRow r : summary) {
            String key = r.distribution() + "/" + r.metric();
            if (!keys.contains(key)) {
                keys.add(key);
            }
        }
        return keys;
    }

    static Map<String, Long> seeds(JsonNode manifest) {
        Map<String, Long> seeds = new LinkedHashMap<>();
        for (JsonNode point : manifest.path("points")) {
            for (JsonNode run : point.path("runs")) {
                seeds.put(point.path("index").asInt() + ":" + run.path("run").asInt(),
                        Long.parseLong(run.path("seed").asText("0")));
            }
        }
        return seeds;
    }

    static List<RunResult> readRuns(Path file, Map<String, Long> seeds) throws IOException {
        List<List<String>> rows = Csv.parse(text(file), file.toString());
        List<String> header = rows.get(0);
        int n = header.size();
        requireTail(file, header, ResultsCsv.RUNS_TAIL);
        Map<String, List<MetricValue>> byRun = new LinkedHashMap<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            String key = integer(file, i, row.get(0)) + ":" + integer(file, i, row.get(n - 7));
            byRun.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(new MetricValue(row.get(n - 6), row.get(n - 5), number(file, i, row.get(n - 4)),
                            optionalNumber(file, i, row.get(n - 3)), optionalNumber(file, i, row.get(n - 2))));
        }
        List<RunResult> runs = new ArrayList<>();
        byRun.forEach((key, metrics) -> {
            String[] parts = key.split(":");
            runs.add(new RunResult(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                    seeds.getOrDefault(key, 0L), metrics));
        });
        return ResultsCsv.inRunOrder(runs);
    }

    private static List<SummaryRow> readSummary(Path file) throws IOException {
        List<List<String>> rows = Csv.parse(text(file), file.toString());
        List<String> header = rows.get(0);
        int n = header.size();
        requireTail(file, header, List.of("distribution", "metric", "n", "mean", "ci_low", "ci_high"));
        List<SummaryRow> summary = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> r = rows.get(i);
            summary.add(new SummaryRow(integer(file, i, r.get(0)), r.get(n - 6), r.get(n - 5),
                    integer(file, i, r.get(n - 4)), number(file, i, r.get(n - 3)), number(file, i, r.get(n - 2)),
                    number(file, i, r.get(n - 1))));
        }
        return summary;
    }

    /** {@code file} parsed as JSON, or one line naming the file and where it stops being JSON. */
    private static JsonNode json(Path file) throws IOException {
        String text = text(file);
        try {
            return new ObjectMapper().readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String what = at.getCharOffset() >= text.length() ? "it ends early, at line " : "it is not valid JSON at line ";
            throw new BadInputException(file + ": " + what + at.getLineNr() + ", column " + at.getColumnNr() + DAMAGED, e);
        }
    }

    /** The UTF-8 text of {@code file}, or one line naming the file and its first byte that is not UTF-8. */
    private static String text(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
        if (utf8.decode(in, out, true).isError() || utf8.flush(out).isError()) {
            throw new BadInputException(file + ": it is not UTF-8 text (byte " + in.position() + " is not)" + DAMAGED);
        }
        return out.flip().toString();
    }

    private static void requireTail(Path file, List<String> header, List<String> tail) {
        boolean ok = header.size() > tail.size() && header.get(0).equals("point")
                && header.subList(header.size() - tail.size(), header.size()).equals(tail);
        if (!ok) {
            throw new IllegalArgumentException(file + ": header " + header + " should be point, <swept keys>, "
                    + String.join(", ", tail));
        }
    }

    /** A number, or NaN for an empty field (a metric without an interval over episodes). */
    private static double optionalNumber(Path file, int line, String text) {
        return text.isEmpty() ? Double.NaN : number(file, line, text);
    }

    private static int integer(Path file, int line, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ":" + (line + 1) + ": '" + text + "' is not an integer");
        }
    }

    private static double number(Path file, int line, String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ":" + (line + 1) + ": '" + text + "' is not a number");
        }
    }
}
