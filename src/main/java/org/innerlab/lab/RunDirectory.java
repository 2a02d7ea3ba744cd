package org.innerlab.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
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
import java.util.stream.Stream;
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
 */
public final class RunDirectory {
    private static final String RUNS = "runs";
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path partial;
    private final Path destination;
    private final boolean resumed;

    private RunDirectory(Path partial, Path destination, boolean resumed) {
        this.partial = partial;
        this.destination = destination;
        this.resumed = resumed;
    }

    /**
     * Opens (or resumes) the partial folder for a scenario.
     *
     * @param outputRoot   where default run folders go ({@code output/})
     * @param scenarioName the scenario's name
     * @param resolvedYaml the resolved scenario text: identical text resumes the same partial folder
     * @param explicitOut  the {@code --out} folder, or null for {@code output/<name>/<run-id>}
     * @throws IllegalArgumentException if {@code explicitOut} exists already
     */
    public static RunDirectory open(Path outputRoot, String scenarioName, String resolvedYaml, Path explicitOut,
                                    LocalDateTime now) {
        String hash = sha256(resolvedYaml).substring(0, 12);
        Path destination;
        Path partial;
        if (explicitOut != null) {
            if (Files.exists(explicitOut)) {
                throw new IllegalArgumentException("--out " + explicitOut + " exists already; choose a new folder");
            }
            Path parent = explicitOut.toAbsolutePath().getParent();
            destination = explicitOut;
            partial = parent.resolve("." + explicitOut.getFileName() + ".partial-" + hash);
        } else {
            Path base = outputRoot.resolve(scenarioName);
            destination = base.resolve(RUN_ID.format(now));
            for (int i = 2; Files.exists(destination); i++) {
                destination = base.resolve(RUN_ID.format(now) + "-" + i);
            }
            partial = base.resolve(".partial-" + hash);
        }
        boolean resumed = Files.isDirectory(partial.resolve(RUNS));
        try {
            Files.createDirectories(partial.resolve(RUNS));
            Path scenarioFile = partial.resolve("scenario.yaml");
            if (resumed && Files.exists(scenarioFile)
                    && !Files.readString(scenarioFile, StandardCharsets.UTF_8).equals(resolvedYaml)) {
                throw new IllegalStateException(partial + " holds another scenario; remove it to start afresh");
            }
            writeAtomically(scenarioFile, resolvedYaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RunDirectory(partial, destination, resumed);
    }

    /** The folder being written; results go here before {@link #commit()}. */
    public Path workDir() {
        return partial;
    }

    /** Where the folder will be once committed. */
    public Path destination() {
        return destination;
    }

    /** Whether an earlier, interrupted attempt was found. */
    public boolean resumed() {
        return resumed;
    }

    /** The runs an earlier attempt finished. */
    public Map<Sweep.RunKey, RunResult> completedRuns() {
        Map<Sweep.RunKey, RunResult> done = new TreeMap<>(
                Comparator.comparingInt(Sweep.RunKey::point).thenComparingInt(Sweep.RunKey::run));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(partial.resolve(RUNS), "p*-r*.run")) {
            for (Path f : files) {
                RunResult r = readRun(f);
                done.put(new Sweep.RunKey(r.point(), r.run()), r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return done;
    }

    /** Saves one finished run, atomically, so an interruption never leaves half a run behind. */
    public void saveRun(RunResult r) {
        StringBuilder text = new StringBuilder();
        text.append(r.point()).append('\t').append(r.run()).append('\t').append(r.seed()).append('\n');
        for (MetricValue m : r.metrics()) {
            // Hex floats round-trip exactly, so a resumed sweep reproduces the uninterrupted one bit for bit.
            text.append(m.distribution()).append('\t').append(m.metric()).append('\t')
                    .append(Double.toHexString(m.value())).append('\t').append(Double.toHexString(m.ciLow()))
                    .append('\t').append(Double.toHexString(m.ciHigh())).append('\n');
        }
        writeAtomically(partial.resolve(RUNS).resolve("p" + r.point() + "-r" + r.run() + ".run"), text.toString());
    }

    /** Removes the per-run files and moves the folder to its destination in one step. */
    public Path commit() {
        try {
            try (Stream<Path> files = Files.list(partial.resolve(RUNS))) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.delete(f);
                }
            }
            Files.delete(partial.resolve(RUNS));
            Files.createDirectories(destination.toAbsolutePath().getParent());
            Files.move(partial, destination, StandardCopyOption.ATOMIC_MOVE);
            return destination;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RunResult readRun(Path f) throws IOException {
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        String[] head = lines.get(0).split("\t");
        List<MetricValue> metrics = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cols = line.split("\t");
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
