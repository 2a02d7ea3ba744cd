package org.innerlab.index;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.innerlab.measure.SummaryRow;

/**
 * The tables of the run index and how an {@link IndexedRun} maps to their rows: one row of {@code runs}
 * per run folder (keyed by its absolute path), with its resolved parameters and swept values, points,
 * seeds and summary rows in tables of their own that a run's deletion empties (ON DELETE CASCADE).
 */
final class RunTables {
    /** Bumped when the tables change: an index of another version is rebuilt from the folders. */
    private static final int SCHEMA_VERSION = 1;
    private static final List<String> SCHEMA = List.of(
            "CREATE TABLE index_schema(version INT NOT NULL)",
            "CREATE TABLE runs(folder VARCHAR PRIMARY KEY, id VARCHAR NOT NULL, scenario VARCHAR NOT NULL, "
                    + "scenario_sha256 VARCHAR NOT NULL, resolved_yaml CLOB NOT NULL, started_at TIMESTAMP WITH TIME ZONE, "
                    + "innerlab_version VARCHAR, git_commit VARCHAR, master_seed BIGINT NOT NULL, "
                    + "seeds_per_point INT NOT NULL, smoke BOOLEAN, wall_time_seconds DOUBLE PRECISION, "
                    + "cpu_time_seconds DOUBLE PRECISION, host VARCHAR)",
            "CREATE INDEX runs_id ON runs(id)",
            // point is null for a value of the resolved scenario, else the point whose swept value it is;
            // ordinal keeps the file order of parameters and summary rows
            "CREATE TABLE run_parameters(folder VARCHAR NOT NULL REFERENCES runs(folder) ON DELETE CASCADE, "
                    + "ordinal INT NOT NULL, point INT, param_path VARCHAR NOT NULL, param_value VARCHAR)",
            "CREATE TABLE run_points(folder VARCHAR NOT NULL REFERENCES runs(folder) ON DELETE CASCADE, "
                    + "point INT NOT NULL)",
            "CREATE TABLE run_seeds(folder VARCHAR NOT NULL REFERENCES runs(folder) ON DELETE CASCADE, "
                    + "point INT NOT NULL, run INT NOT NULL, seed BIGINT NOT NULL)",
            "CREATE TABLE run_summary(folder VARCHAR NOT NULL REFERENCES runs(folder) ON DELETE CASCADE, "
                    + "ordinal INT NOT NULL, point INT NOT NULL, distribution VARCHAR NOT NULL, metric VARCHAR NOT NULL, "
                    + "n INT NOT NULL, mean DOUBLE PRECISION, ci_low DOUBLE PRECISION, ci_high DOUBLE PRECISION)");
    private static final List<String> TABLES = List.of("run_summary", "run_seeds", "run_points", "run_parameters",
            "runs", "index_schema");

    private RunTables() {
    }

    /** Drops whatever tables an older index had and creates the current ones, empty. */
    static void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String table : TABLES) {
                s.execute("DROP TABLE IF EXISTS " + table + " CASCADE");
            }
            for (String ddl : SCHEMA) {
                s.execute(ddl);
            }
            s.execute("INSERT INTO index_schema VALUES (" + SCHEMA_VERSION + ")");
        }
    }

    /** Whether the tables are the current ones (false for a new, empty file or an older index). */
    static boolean current(Connection c) throws SQLException {
        return schemaVersion(c) == SCHEMA_VERSION;
    }

    /** Removes every run. */
    static void clear(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM runs");
        }
    }

    /**
     * The runs, newest first (runs with no start time last).
     *
     * @param scenario only runs of this scenario, or null for all
     * @param since    only runs started at or after this, or null for all
     */
    static List<IndexedRun> select(Connection c, String scenario, Instant since) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT * FROM runs WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (scenario != null) {
            sql.append(" AND scenario = ?");
            args.add(scenario);
        }
        if (since != null) {
            sql.append(" AND started_at >= ?");
            args.add(OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
        }
        sql.append(" ORDER BY started_at DESC NULLS LAST, id DESC");
        List<IndexedRun> runs = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                s.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    runs.add(run(c, rs));
                }
            }
        }
        return runs;
    }

    /** Records {@code run}, replacing what the index held for its folder. */
    static void insert(Connection c, IndexedRun run) throws SQLException {
        String folder = run.folder().toString();
        try (PreparedStatement s = c.prepareStatement("DELETE FROM runs WHERE folder = ?")) {
            s.setString(1, folder);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, folder);
            s.setString(2, run.id());
            s.setString(3, run.scenario());
            s.setString(4, run.scenarioSha256());
            s.setString(5, run.resolvedYaml());
            s.setObject(6, run.startedAt() == null ? null : OffsetDateTime.ofInstant(run.startedAt(), ZoneOffset.UTC));
            s.setString(7, run.innerlabVersion());
            s.setString(8, run.gitCommit());
            s.setLong(9, run.masterSeed());
            s.setInt(10, run.seedsPerPoint());
            s.setObject(11, run.smoke(), Types.BOOLEAN);
            s.setObject(12, run.wallTimeSeconds(), Types.DOUBLE);
            s.setObject(13, run.cpuTimeSeconds(), Types.DOUBLE);
            s.setString(14, run.host());
            s.executeUpdate();
        }
        try (PreparedStatement params = c.prepareStatement("INSERT INTO run_parameters VALUES (?, ?, ?, ?, ?)");
             PreparedStatement points = c.prepareStatement("INSERT INTO run_points VALUES (?, ?)");
             PreparedStatement seeds = c.prepareStatement("INSERT INTO run_seeds VALUES (?, ?, ?, ?)");
             PreparedStatement rows = c.prepareStatement("INSERT INTO run_summary VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int parameter = addParameters(params, folder, null, run.parameters(), 0);
            int summaryRow = 0;
            for (IndexedRun.Point p : run.points()) {
                points.setString(1, folder);
                points.setInt(2, p.index());
                points.addBatch();
                parameter = addParameters(params, folder, p.index(), p.assignments(), parameter);
                for (int r = 0; r < p.seeds().size(); r++) {
                    seeds.setString(1, folder);
                    seeds.setInt(2, p.index());
                    seeds.setInt(3, r);
                    seeds.setLong(4, p.seeds().get(r));
                    seeds.addBatch();
                }
                for (SummaryRow row : p.summary()) {
                    rows.setString(1, folder);
                    rows.setInt(2, summaryRow++);
                    rows.setInt(3, p.index());
                    rows.setString(4, row.distribution());
                    rows.setString(5, row.metric());
                    rows.setInt(6, row.n());
                    rows.setDouble(7, row.mean());
                    rows.setDouble(8, row.ciLow());
                    rows.setDouble(9, row.ciHigh());
                    rows.addBatch();
                }
            }
            params.executeBatch();
            points.executeBatch();
            seeds.executeBatch();
            rows.executeBatch();
        }
    }

    /** Adds {@code values} to the batch from {@code ordinal} on; returns the next ordinal. */
    private static int addParameters(PreparedStatement s, String folder, Integer point, Map<String, String> values,
                                     int ordinal) throws SQLException {
        int next = ordinal;
        for (Map.Entry<String, String> e : values.entrySet()) {
            s.setString(1, folder);
            s.setInt(2, next++);
            s.setObject(3, point, Types.INTEGER);
            s.setString(4, e.getKey());
            s.setString(5, e.getValue());
            s.addBatch();
        }
        return next;
    }

    /** The run of the current row of {@code rs}, with its points. */
    private static IndexedRun run(Connection c, ResultSet rs) throws SQLException {
        String folder = rs.getString("folder");
        Map<String, String> parameters = new LinkedHashMap<>();
        Map<Integer, Map<String, String>> assignments = new LinkedHashMap<>();
        Map<Integer, List<Long>> seeds = new LinkedHashMap<>();
        Map<Integer, List<SummaryRow>> summary = new LinkedHashMap<>();
        List<Integer> points = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT point FROM run_points WHERE folder = ? ORDER BY point")) {
            s.setString(1, folder);
            try (ResultSet p = s.executeQuery()) {
                while (p.next()) {
                    points.add(p.getInt(1));
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement(
                "SELECT point, param_path, param_value FROM run_parameters WHERE folder = ? ORDER BY ordinal")) {
            s.setString(1, folder);
            try (ResultSet p = s.executeQuery()) {
                while (p.next()) {
                    int point = p.getInt(1);
                    (p.wasNull() ? parameters : assignments.computeIfAbsent(point, k -> new LinkedHashMap<>()))
                            .put(p.getString(2), p.getString(3));
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement(
                "SELECT point, seed FROM run_seeds WHERE folder = ? ORDER BY point, run")) {
            s.setString(1, folder);
            try (ResultSet p = s.executeQuery()) {
                while (p.next()) {
                    seeds.computeIfAbsent(p.getInt(1), k -> new ArrayList<>()).add(p.getLong(2));
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("SELECT point, distribution, metric, n, mean, ci_low, ci_high "
                + "FROM run_summary WHERE folder = ? ORDER BY ordinal")) {
            s.setString(1, folder);
            try (ResultSet p = s.executeQuery()) {
                while (p.next()) {
                    summary.computeIfAbsent(p.getInt(1), k -> new ArrayList<>()).add(new SummaryRow(p.getInt(1),
                            p.getString(2), p.getString(3), p.getInt(4), p.getDouble(5), p.getDouble(6), p.getDouble(7)));
                }
            }
        }
        List<IndexedRun.Point> list = new ArrayList<>();
        for (int p : points) {
            list.add(new IndexedRun.Point(p, assignments.getOrDefault(p, Map.of()), seeds.getOrDefault(p, List.of()),
                    summary.getOrDefault(p, List.of())));
        }
        OffsetDateTime started = rs.getObject("started_at", OffsetDateTime.class);
        return new IndexedRun(Path.of(folder), rs.getString("id"), rs.getString("scenario"),
                rs.getString("scenario_sha256"), rs.getString("resolved_yaml"), parameters,
                started == null ? null : started.toInstant(), rs.getString("innerlab_version"),
                rs.getString("git_commit"), rs.getLong("master_seed"), rs.getInt("seeds_per_point"),
                rs.getObject("smoke", Boolean.class), rs.getObject("wall_time_seconds", Double.class),
                rs.getObject("cpu_time_seconds", Double.class), rs.getString("host"), list);
    }

    /** The schema version of an index, or -1 for a file without one. */
    private static int schemaVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES "
                     + "WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = 'INDEX_SCHEMA'")) {
            rs.next();
            if (rs.getInt(1) == 0) {
                return -1;
            }
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(version) FROM index_schema")) {
            return rs.next() ? rs.getInt(1) : -1;
        }
    }
}
