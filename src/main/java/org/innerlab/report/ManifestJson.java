package org.innerlab.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json}: a {@link Manifest} as pretty-printed JSON with a fixed key order.
 *
 * <p>Keys are snake_case, in the order of the record's components (points last, since they are
 * long). Every 64-bit seed is a decimal string, because many JSON readers (JavaScript, jq) hold
 * numbers as doubles and would silently change it. Doubles are written by
 * {@link Numbers#format(double)}; NaN and infinities, which JSON numbers cannot express, become
 * strings. Lines end with {@code \n} on every OS.
 */
public final class ManifestJson {
    private ManifestJson() {
    }

    /** The manifest's JSON text, ending with a newline. */
    public static String write(Manifest m) {
        return write(m, Map.of());
    }

    /**
     * The manifest's JSON text followed by {@code more} top-level entries (e.g. a shard's place in its
     * sweep), each a tree of maps, lists, strings, numbers, booleans and null.
     */
    public static String write(Manifest m, Map<String, ?> more) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("innerlab_version", m.innerlabVersion());
        root.put("git_commit", m.gitCommit());
        Map<String, Object> jdk = new LinkedHashMap<>();
        jdk.put("java_version", m.jdk().version());
        jdk.put("java_vendor", m.jdk().vendor());
        jdk.put("java_vm_name", m.jdk().vmName());
        root.put("jdk", jdk);
        Map<String, Object> os = new LinkedHashMap<>();
        os.put("name", m.os().name());
        os.put("version", m.os().version());
        os.put("arch", m.os().arch());
        root.put("os", os);
        root.put("scenario", m.scenario());
        root.put("scenario_source", m.scenarioSource());
        root.put("master_seed", Long.toString(m.masterSeed()));
        root.put("seeds_per_point", m.seedsPerPoint());
        root.put("threads", m.threads());
        root.put("smoke", m.smoke());
        root.put("command_line", m.commandLine());
        root.put("started_at", m.startedAt() == null ? null : m.startedAt().toString());
        root.put("wall_time_seconds", m.wallTimeSeconds());
        root.put("host", m.host());
        root.put("cpu_time_seconds", m.cpuTimeSeconds());
        List<Object> points = new ArrayList<>();
        for (Manifest.Point p : m.points()) {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("index", p.index());
            point.put("assignments", p.assignments());
            List<Object> runs = new ArrayList<>();
            for (Manifest.RunSeed r : p.runs()) {
                Map<String, Object> run = new LinkedHashMap<>();
                run.put("run", r.run());
                run.put("seed", Long.toString(r.seed()));
                runs.add(run);
            }
            point.put("runs", runs);
            points.add(point);
        }
        root.put("points", points);
        root.putAll(more);
        return Json.write(root, Json.Layout.FILE);
    }
}
