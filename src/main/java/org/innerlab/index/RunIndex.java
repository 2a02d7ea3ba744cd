package org.innerlab.index;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
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
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.h2.api.ErrorCode;
import org.innerlab.core.BadInputException;
import org.innerlab.measure.SummaryRow;

/**
 * The run index: every completed run folder under an output root, recorded in one embedded H2
 * database file beside them ({@code <root>/innerlab.mv.db}), so past runs can be listed, filtered
 * and named by id.
 *
 * <p>The folders are the source of truth and the index only a cache of them: {@link #reindex()}
 * rebuilds it from the folders, a missing or unreadable index file is rebuilt the same way (said on
 * the log, never fatal), and a folder deleted after it was recorded stays listed, marked gone, until
 * the next reindex drops it. Every call opens the file and closes it again, so several innerlab
 * processes share it: one waiting for another's file lock retries for up to {@link #LOCK_WAIT_MILLIS}.
 *
 * <p>A run written with {@code --out DIR} is recorded in the index of DIR's parent folder
 * ({@link #rootFor}), where a reindex of that folder finds it again.
 */
public final class RunIndex {
    /** The index file's name in its root. */
    public static final String FILE = "innerlab.mv.db";
    /** How long to wait for another process that holds the file. */
    static final long LOCK_WAIT_MILLIS = 30_000;
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
                    + "n INT NOT NULL, "
                    + "mean DOUBLE PRECISION, ci_low DOUBLE PRECISION, ci_high DOUBLE PRECISION)");
    private static final List<String> TABLES = List.of("run_summary", "run_seeds", "run_points", "run_parameters",
            "runs", "index_schema");

    private static final Object BUILDING = new Object();

    private final Path root;
    private final Consumer<String> log;

    private RunIndex(Path root, Consumer<String> log) {
        this.root = root.toAbsolutePath().normalize();
        this.log = log;
    }

    /**
     * The index of the run folders under {@code root}.
     *
     * @param log takes a line whenever the index is rebuilt or a folder is skipped (the command's stderr)
     */
    public static RunIndex at(Path root, Consumer<String> log) {
        return new RunIndex(root, log);
    }

    /**
     * The root whose index records a run: {@code outputRoot} for a default run folder
     * ({@code <outputRoot>/<scenario>/<run-id>}), the parent folder of {@code out} for {@code --out}.
     */
    public static Path rootFor(Path outputRoot, Path out) {
        return out == null ? outputRoot : out.toAbsolutePath().normalize().getParent();
    }

    /**
     * Records a just-completed run folder and returns it. Never fails the run: when the index cannot
     * be written the log says so and how to catch up later.
     */
    public static Path recordCompleted(Path outputRoot, Path out, Path folder, Consumer<String> log) {
        Path root = rootFor(outputRoot, out);
        try {
            at(root, log).record(folder);
        } catch (IOException | RuntimeException e) {
            log.accept("innerlab: warning: " + folder + " is not in the run index of " + root + " (" + e.getMessage()
                    + "); innerlab runs --reindex --output-root " + root + " adds it");
        }
        return folder;
    }

    /** The index file. */
    public Path file() {
        return root.resolve(FILE);
    }

    /** Records (or re-records) one run folder. */
    public void record(Path folder) throws IOException {
        IndexedRun run = IndexedRun.read(folder);
        withConnection(c -> {
            insert(c, run);
            return null;
        });
    }

    /**
     * Rebuilds the index from the run folders under the root: every folder one or two levels down
     * that holds a finished run's files. A folder that cannot be read is skipped, with a line on the log.
     *
     * @return how many runs it holds now
     */
    public int reindex() {
        return withConnection(this::rebuild);
    }

    /**
     * The indexed runs, newest first (runs with no start time last).
     *
     * @param scenario only runs of this scenario, or null for all
     * @param since    only runs started at or after this, or null for all
     */
    public List<IndexedRun> runs(String scenario, Instant since) {
        return withConnection(c -> {
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
        });
    }

    /**
     * The folder a command-line argument names: an existing folder as it is, else an indexed run id
     * (the folder's name, or {@code <scenario>/<id>} when ids repeat). A {@code #point} suffix, as
     * {@code innerlab compare} takes it, is kept. A path that is neither is returned as it is, for the
     * folder reader to say what is wrong with it.
     *
     * @throws BadInputException when a bare name is no indexed run id, names several runs, or names a run
     *                           whose folder is gone
     */
    public String resolve(String argument) {
        int hash = argument.lastIndexOf('#');
        String name = hash < 0 ? argument : argument.substring(0, hash);
        String point = hash < 0 ? "" : argument.substring(hash);
        boolean bare = !name.contains("/") && !name.contains(File.separator);
        if (name.isEmpty() || Files.exists(Path.of(name))) {
            return argument;
        }
        Path asPath = Path.of(name);
        List<IndexedRun> matches = !Files.isDirectory(root) ? List.of() : runs(null, null).stream()
                .filter(r -> r.id().equals(asPath.getFileName().toString()) && r.folder().endsWith(asPath)).toList();
        if (matches.isEmpty()) {
            if (!bare) {
                return argument;
            }
            throw new BadInputException("'" + name + "' is neither a run folder nor a run id in the index of " + root
                    + "; list run ids with innerlab runs (--output-root DIR for another folder)");
        }
        if (matches.size() > 1) {
            throw new BadInputException("run id '" + name + "' names " + matches.size() + " runs ("
                    + String.join(", ", matches.stream().map(r -> r.folder().toString()).toList())
                    + "); name one as <scenario>/" + name + " or by its folder");
        }
        IndexedRun run = matches.get(0);
        if (!run.present()) {
            throw new BadInputException("run " + name + " is in the index but its folder " + run.folder()
                    + " is gone; innerlab runs --reindex drops it from the list");
        }
        return run.folder() + point;
    }

    /** The run folders under the root: folders one or two levels down with a finished run's files. */
    private List<Path> folders() throws IOException {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return found;
        }
        try (Stream<Path> paths = Files.walk(root, 2)) {
            paths.filter(p -> !p.equals(root) && !root.relativize(p).toString().startsWith(".")
                            && !p.getFileName().toString().startsWith(".")
                            && Files.isRegularFile(p.resolve("manifest.json")) && Files.isRegularFile(p.resolve("summary.csv")))
                    .sorted().forEach(found::add);
        }
        return found;
    }

    private int rebuild(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM runs");
        }
        List<Path> folders;
        try {
            folders = folders();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int recorded = 0;
        for (Path folder : folders) {
            try {
                insert(c, IndexedRun.read(folder));
                recorded++;
            } catch (IOException | RuntimeException e) {
                log.accept("innerlab: run index: skipped " + folder + " (" + e.getMessage() + ")");
            }
        }
        return recorded;
    }

    private static void insert(Connection c, IndexedRun run) throws SQLException {
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

    /** Work done in one transaction on an open index. */
    @FunctionalInterface
    private interface Work<T> {
        T apply(Connection c) throws SQLException;
    }

    /**
     * Opens the index (building it when missing, rebuilding it when unreadable or of another schema
     * version), does {@code work} in one transaction and closes it.
     */
    private <T> T withConnection(Work<T> work) {
        try (Connection c = open()) {
            c.setAutoCommit(false);
            try {
                T result = work.apply(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("run index " + file() + ": " + e.getMessage(), e);
        }
    }

    private Connection open() throws SQLException {
        // Threads of one JVM share the open database: only one may find it missing and build it.
        synchronized (BUILDING) {
            boolean existed = Files.exists(file());
            Connection c = null;
            try {
                c = connect();
                if (schemaVersion(c) == SCHEMA_VERSION) {
                    return c;
                }
            } catch (SQLException e) {
                if (c != null) {
                    c.close();
                }
                if (!existed || e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                    throw e;
                }
                moveAside();
                log.accept("innerlab: the run index " + file() + " could not be read (" + firstLine(e)
                        + "); moved it to " + FILE + ".corrupt and rebuilding it from the run folders");
                c = connect();
            }
            build(c, existed);
            return c;
        }
    }

    /** Creates the tables afresh and fills them from the run folders. */
    private void build(Connection c, boolean existed) throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (String table : TABLES) {
                s.execute("DROP TABLE IF EXISTS " + table + " CASCADE");
            }
            for (String ddl : SCHEMA) {
                s.execute(ddl);
            }
            s.execute("INSERT INTO index_schema VALUES (" + SCHEMA_VERSION + ")");
        }
        int runs = rebuild(c);
        c.commit();
        if (existed) {
            log.accept("innerlab: rebuilt the run index " + file() + " from " + runs + " run folders");
        } else if (runs > 0) {
            log.accept("innerlab: there was no run index in " + root + "; built " + file() + " from " + runs
                    + " run folders");
        }
    }

    /** Connects, waiting while another process holds the file. */
    private Connection connect() throws SQLException {
        // FILE_LOCK=FS: the operating system's lock, refused at once while another process holds it (H2's
        // default lock file makes each attempt wait seconds). TRACE_LEVEL_FILE=0: H2 would otherwise leave an
        // innerlab.trace.db beside the outputs on every error.
        String url = "jdbc:h2:file:" + root.resolve("innerlab") + ";FILE_LOCK=FS;TRACE_LEVEL_FILE=0";
        long deadline = System.currentTimeMillis() + LOCK_WAIT_MILLIS;
        for (long pause = 20; ; pause = Math.min(pause * 2, 500)) {
            try {
                return DriverManager.getConnection(url);
            } catch (SQLException e) {
                if (e.getErrorCode() != ErrorCode.DATABASE_ALREADY_OPEN_1 || System.currentTimeMillis() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the run index " + file(), e);
            }
        }
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

    private void moveAside() {
        try {
            Files.move(file(), root.resolve(FILE + ".corrupt"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the unreadable run index " + file() + " aside", e);
        }
    }

    private static String firstLine(SQLException e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
