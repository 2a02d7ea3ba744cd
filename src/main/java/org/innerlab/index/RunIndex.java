package org.innerlab.index;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.h2.api.ErrorCode;
import org.innerlab.core.BadInputException;

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
 * ({@link #rootFor}), where a reindex of that folder finds it again. The tables are {@link RunTables}'s.
 */
public final class RunIndex {
    /** The index file's name in its root. */
    public static final String FILE = "innerlab.mv.db";
    /** How long to wait for another process that holds the file. */
    static final long LOCK_WAIT_MILLIS = 30_000;
    /** Held while a thread opens the index: threads of one JVM share the open database. */
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
            RunTables.insert(c, run);
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
        return withConnection(c -> RunTables.select(c, scenario, since));
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
        RunTables.clear(c);
        List<Path> folders;
        try {
            folders = folders();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int recorded = 0;
        for (Path folder : folders) {
            try {
                RunTables.insert(c, IndexedRun.read(folder));
                recorded++;
            } catch (IOException | RuntimeException e) {
                log.accept("innerlab: run index: skipped " + folder + " (" + e.getMessage() + ")");
            }
        }
        return recorded;
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
                if (RunTables.current(c)) {
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
        RunTables.create(c);
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
