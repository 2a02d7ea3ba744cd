package org.innerlab.lab;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.innerlab.core.BadInputException;
import org.innerlab.experiment.Sweep;
import org.innerlab.measure.MetricValue;
import org.innerlab.measure.RunResult;

/**
 * A run folder that appears only when complete, and a sweep that survives interruption.
 *
 * <p>Everything is written into a hidden partial folder beside the destination, named by a hash of
 * the resolved scenario ({@code .partial-<hash>}); each finished run is saved there at once (written
 * to a temporary file, then renamed). Started again with the same resolved scenario, a sweep finds
 * the partial folder and runs only what is missing: no run is lost or done twice. When everything is
 * written, the per-run files are removed and the folder is renamed to its final name in one move.
 *
 * <p>Nothing is lost or taken over: the partial folder is made with {@code mkdir} (which fails if
 * anything is there) and never followed through a symbolic link; an OS lock ({@link RunLock}) inside
 * it keeps a second run out while the first holds it (the lock file names the holder); and a default
 * run id ({@code yyyyMMdd-HHmmss}, {@code -smoke} for a smoke run, {@code -2}, {@code -3}, ... when
 * taken) is claimed with {@code mkdir} before the folder is renamed onto it, so two runs in the same
 * second never share a folder. Paths that cannot work are refused before any training, as
 * {@link BadInputException}s.
 */
public final class RunDirectory implements AutoCloseable {
    private static final String RUNS = "runs";
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    /** Longest folder name the file systems we run on accept, in UTF-8 bytes. */
    private static final int MAX_NAME_BYTES = 255;
    private static final String PARTIAL = ".partial-";
    private static final int HASH_CHARS = 12;

    private final Path partial;
    private final Path destination;
    private final boolean explicit;
    private final boolean resumed;
    private final RunLock lock;

    private RunDirectory(Path partial, Path destination, boolean explicit, boolean resumed, RunLock lock) {
        this.partial = partial;
        this.destination = destination;
        this.explicit = explicit;
        this.resumed = resumed;
        this.lock = lock;
    }

    /**
     * Opens (or resumes) the partial folder for a scenario and locks it.
     *
     * @param outputRoot   where default run folders go ({@code output/})
     * @param scenarioName the scenario's name
     * @param resolvedYaml the resolved scenario text: identical text resumes the same partial folder
     * @param explicitOut  the {@code --out} folder, or null for {@code output/<name>/<run-id>}
     * @param now          the run's start, for its default run id
     * @param smoke        whether the scenario's budgets are {@link org.innerlab.scenario.Scenario#smoke()}'s:
     *                     a default folder name then says so
     * @throws BadInputException if {@code explicitOut} exists already, a path is unusable (a file where a
     *                           folder must be, a symbolic link, unwritable, too long), or another run
     *                           holds the folder; nothing is written then
     */
    public static RunDirectory open(Path outputRoot, String scenarioName, String resolvedYaml, Path explicitOut,
                                    LocalDateTime now, boolean smoke) {
        String hash = sha256(resolvedYaml).substring(0, HASH_CHARS);
        Place place = explicitOut != null ? given(explicitOut, hash)
                : byRunId(outputRoot, scenarioName, now, smoke, hash);
        Path destination = place.destination();
        Path partial = place.partial();
        boolean resumed = makeFolder(partial);
        RunLock lock = RunLock.take(partial, holder -> explicitOut == null
                ? partial + " is being written by another run of this scenario with these settings (" + holder
                        + "); wait for it to finish"
                : "--out " + explicitOut + " is being written by another run (" + holder + ", in " + partial
                        + "); wait for it to finish, or choose another --out");
        try {
            if (explicitOut != null) {
                refuseWhileAnotherRunWrites(partial, destination);
                if (Files.exists(explicitOut, LinkOption.NOFOLLOW_LINKS)) {
                    // A run with these settings finished between the check above and the lock.
                    throw new BadInputException("--out " + explicitOut + " exists already; choose a new folder");
                }
            }
            Path runs = partial.resolve(RUNS);
            makeFolder(runs);
            Path scenarioFile = partial.resolve("scenario.yaml");
            if (resumed && Files.exists(scenarioFile, LinkOption.NOFOLLOW_LINKS)
                    && !Files.readString(scenarioFile, StandardCharsets.UTF_8).equals(resolvedYaml)) {
                throw new BadInputException(partial + " holds another scenario; remove it to start afresh");
            }
            writeAtomically(scenarioFile, resolvedYaml);
            return new RunDirectory(partial, destination, explicitOut != null, resumed, lock);
        } catch (CharacterCodingException e) {
            lock.close();
            throw new BadInputException(partial + " holds another scenario; remove it to start afresh");
        } catch (IOException e) {
            lock.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            lock.close();
            if (!resumed) {
                removeFresh(partial);
            }
            throw e;
        }
    }

    /** Removes a partial folder this attempt made a moment ago and refused to use: a refusal leaves nothing behind. */
    private static void removeFresh(Path partial) {
        try {
            Files.deleteIfExists(partial.resolve(RunLock.FILE));
            Files.deleteIfExists(partial.resolve(RUNS));
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where a run goes and where it is written until then. */
    private record Place(Path destination, Path partial) {
    }

    /** {@code --out}: refused if anything is there, even a dangling link; its partial folder beside it. */
    private static Place given(Path out, String hash) {
        if (Files.isSymbolicLink(out)) {
            throw new BadInputException("--out " + out + " is a symbolic link" + target(out) + "; name a new folder");
        }
        if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            throw new BadInputException("--out " + out + " exists already; choose a new folder");
        }
        Path name = out.toAbsolutePath().normalize().getFileName();
        if (name == null) {
            throw new BadInputException("--out " + out + " names no folder; name a new folder");
        }
        // The partial folder's name is the --out name and the hash: both must fit a file name.
        int room = MAX_NAME_BYTES - 1 - PARTIAL.length() - HASH_CHARS;
        if (bytes(name.toString()) > room) {
            throw new BadInputException("--out " + out + ": its folder name is " + bytes(name.toString())
                    + " bytes long, more than " + room + "; choose a shorter name");
        }
        Path parent = out.toAbsolutePath().normalize().getParent();
        createFolders(parent, "--out " + out);
        return new Place(out, parent.resolve("." + name + PARTIAL + hash));
    }

    /** {@code output/<name>/<run-id>}: the scenario's folder must be a real folder, its name must fit. */
    private static Place byRunId(Path outputRoot, String scenarioName, LocalDateTime now, boolean smoke, String hash) {
        if (bytes(scenarioName) > MAX_NAME_BYTES) {
            throw new BadInputException("the scenario name is " + bytes(scenarioName) + " bytes long, more than a "
                    + "folder name may be (" + MAX_NAME_BYTES + "); shorten 'name' or give the folder with --out");
        }
        if (Files.exists(outputRoot) && !Files.isDirectory(outputRoot)) {
            throw new BadInputException("--output-root " + outputRoot + " is a file, not a folder; "
                    + "give a folder (or remove the file)");
        }
        Path base = outputRoot.resolve(scenarioName);
        requireRealFolder(base);
        createFolders(base, "--output-root " + outputRoot);
        return new Place(base.resolve(RUN_ID.format(now) + (smoke ? "-smoke" : "")), base.resolve(PARTIAL + hash));
    }

    /** The folder being written; results go here before {@link #commit()}. */
    public Path workDir() {
        return partial;
    }

    /**
     * Where the folder will be once committed: {@code --out}, or the default run id, which
     * {@link #commit()} suffixes ({@code -2}, ...) if another run has taken it by then.
     */
    public Path destination() {
        return destination;
    }

    /** Whether an earlier, interrupted attempt was found. */
    public boolean resumed() {
        return resumed;
    }

    /**
     * The runs an earlier attempt finished. A run file that cannot be read back exactly (truncated,
     * not text, not a run of this sweep, not the seed that run draws) is left out, so that run is done
     * again, and {@code log} is told which file and why.
     *
     * @param ofThisSweep whether a result is a run of this sweep with the seed it draws ({@link Sweep#draws})
     */
    public Map<Sweep.RunKey, RunResult> completedRuns(Predicate<RunResult> ofThisSweep, PrintStream log) {
        Map<Sweep.RunKey, RunResult> done = new TreeMap<>(
                Comparator.comparingInt(Sweep.RunKey::point).thenComparingInt(Sweep.RunKey::run));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(partial.resolve(RUNS), "p*-r*.run")) {
            for (Path f : files) {
                String problem;
                try {
                    RunResult r = readRun(f);
                    problem = !f.getFileName().toString().equals(fileName(r.point(), r.run()))
                            ? "it holds run " + r.run() + " of point " + r.point()
                            : !ofThisSweep.test(r) ? "it is not a run of this sweep with the seed that run draws" : null;
                    if (problem == null) {
                        done.put(new Sweep.RunKey(r.point(), r.run()), r);
                    }
                } catch (CharacterCodingException e) {
                    problem = "it is not UTF-8 text";
                } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                    problem = "it is damaged (" + e.getMessage() + ")";
                }
                if (problem != null) {
                    log.println("innerlab: " + f + " is not a finished run of this sweep: " + problem
                            + "; running it again");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return done;
    }

    /** Saves one finished run, atomically, so an interruption never leaves half a run behind. */
    public void saveRun(RunResult r) {
        StringBuilder text = new StringBuilder();
        // The metric count makes a file cut at a line end as detectable as one cut mid-line.
        text.append(r.point()).append('\t').append(r.run()).append('\t').append(r.seed()).append('\t')
                .append(r.metrics().size()).append('\n');
        for (MetricValue m : r.metrics()) {
            // Hex floats round-trip exactly, so a resumed sweep reproduces the uninterrupted one bit for bit.
            text.append(m.distribution()).append('\t').append(m.metric()).append('\t')
                    .append(Double.toHexString(m.value())).append('\t').append(Double.toHexString(m.ciLow()))
                    .append('\t').append(Double.toHexString(m.ciHigh())).append('\n');
        }
        writeAtomically(partial.resolve(RUNS).resolve(fileName(r.point(), r.run())), text.toString());
    }

    /**
     * Removes the per-run files and moves the folder to its destination in one step, then lets go of
     * the lock.
     *
     * @return the committed folder
     * @throws BadInputException if {@code --out} has appeared meanwhile (the results stay in the partial folder)
     */
    public Path commit() {
        try {
            try (Stream<Path> files = Files.list(partial.resolve(RUNS))) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.delete(f);
                }
            }
            Files.delete(partial.resolve(RUNS));
            Path committed = claim();
            // rename(2) replaces the empty folder claimed for it in one step, so the folder appears complete.
            Files.move(partial, committed, StandardCopyOption.ATOMIC_MOVE);
            // Deleted only now: until the move, the lock keeps a second run from resuming this folder.
            Files.delete(committed.resolve(RunLock.FILE));
            return committed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            close();
        }
    }

    /** Lets go of the lock (the partial folder stays, to be resumed). */
    @Override
    public void close() {
        lock.close();
    }

    /** An empty folder at the destination, made here and now, for the partial folder to be renamed onto. */
    private Path claim() throws IOException {
        if (explicit) {
            try {
                return Files.createDirectory(destination);
            } catch (FileAlreadyExistsException e) {
                throw new BadInputException("--out " + destination + " appeared while this run was writing; "
                        + "its results are complete in " + partial + ": move them there yourself or run again "
                        + "with another --out");
            }
        }
        for (int attempt = 1; ; attempt++) {
            Path candidate = attempt == 1 ? destination
                    : destination.resolveSibling(destination.getFileName() + "-" + attempt);
            try {
                return Files.createDirectory(candidate);
            } catch (FileAlreadyExistsException e) {
                // Another run took this id in the same second; try the next suffix.
            }
        }
    }

    /**
     * Makes {@code folder} (its parent exists), or finds the one already there, never following a
     * symbolic link.
     *
     * @return whether it was there already
     */
    private static boolean makeFolder(Path folder) {
        try {
            Files.createDirectory(folder);
            return false;
        } catch (FileAlreadyExistsException e) {
            requireRealFolder(folder);
            return true;
        } catch (IOException e) {
            throw new BadInputException("cannot create " + folder + " (" + reason(e) + "); "
                    + "choose a folder you can write to");
        }
    }

    /** Refuses {@code path} if something other than a real folder is there: a file, or a link (even to a folder). */
    private static void requireRealFolder(Path path) {
        if (Files.isSymbolicLink(path)) {
            throw new BadInputException(path + " is a symbolic link" + target(path)
                    + ", where innerlab writes a run folder; remove it (innerlab never writes through a link)");
        }
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new BadInputException(path + " is a file, where innerlab writes a run folder; remove it or "
                    + "choose another folder");
        }
    }

    /** Makes {@code folder} and its parents, or says in one line why it cannot be made. */
    private static void createFolders(Path folder, String given) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new BadInputException(given + ": cannot create the folder " + folder + " (" + reason(e)
                    + "); choose a folder you can write to");
        }
    }

    /**
     * For {@code --out}: refuses when a partial folder for the same destination but another scenario is
     * held by a live run, so two runs with different settings never race to the same {@code --out}.
     */
    private static void refuseWhileAnotherRunWrites(Path partial, Path destination) throws IOException {
        String prefix = "." + destination.getFileName() + PARTIAL;
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(partial.getParent(), prefix + "*")) {
            for (Path other : siblings) {
                if (!other.equals(partial)) {
                    RunLock.refuseIfHeld(other, holder -> "--out " + destination + " is being written by another run ("
                            + holder + ", in " + other + "); wait for it to finish, or choose another --out");
                }
            }
        }
    }

    /** What an I/O failure means, in words: the OS's reason where it gives one. */
    private static String reason(IOException e) {
        if (e instanceof FileAlreadyExistsException f) {
            return f.getFile() + " is there and is not a folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException n) {
            return n.getFile() + " does not exist";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage();
    }

    /** " (to <target>)", or "" when the link cannot be read. */
    private static String target(Path link) {
        try {
            return " (to " + Files.readSymbolicLink(link) + ")";
        } catch (IOException e) {
            return "";
        }
    }

    private static int bytes(String name) {
        return name.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String fileName(int point, int run) {
        return "p" + point + "-r" + run + ".run";
    }

    /**
     * One run file.
     *
     * @throws IllegalArgumentException when a line is not what {@link #saveRun} writes
     */
    private static RunResult readRun(Path f) throws IOException {
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("empty");
        }
        String[] head = lines.get(0).split("\t", -1);
        if (head.length != 4) {
            throw new IllegalArgumentException("line 1 should be point, run, seed and metric count");
        }
        int count = Integer.parseInt(head[3]);
        if (count != lines.size() - 1) {
            throw new IllegalArgumentException(count + " metrics announced, " + (lines.size() - 1) + " found");
        }
        List<MetricValue> metrics = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] cols = lines.get(i).split("\t", -1);
            if (cols.length != 5) {
                throw new IllegalArgumentException("line " + (i + 1) + " should have 5 fields");
            }
            metrics.add(new MetricValue(cols[0], cols[1], Double.parseDouble(cols[2]), Double.parseDouble(cols[3]),
                    Double.parseDouble(cols[4])));
        }
        return new RunResult(Integer.parseInt(head[0]), Integer.parseInt(head[1]), Long.parseLong(head[2]), metrics);
    }

    /** Writes {@code text} to a temporary sibling and renames it over {@code target}. */
    static void writeAtomically(Path target, String text) {
        try {
            Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
