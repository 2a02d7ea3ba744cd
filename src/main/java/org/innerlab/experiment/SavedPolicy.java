package org.innerlab.experiment;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.innerlab.learner.Learner;
import org.innerlab.learner.LearnerType;
import org.innerlab.learner.Learners;
import org.innerlab.learner.TrainedState;
import org.innerlab.observe.EgocentricEncoder;
import org.innerlab.observe.FullBoardEncoder;
import org.innerlab.scenario.ObservationConfig;

/**
 * A trained learner saved to a file, so a lecture can show an organism without waiting for training.
 *
 * <h2>Format {@code innerlab-policy/1}</h2>
 * UTF-8 text, one item per line. First the header, {@code key: value} lines in this order:
 * <pre>
 * format: innerlab-policy/1
 * learner: linear-softmax          # a savable learner type of Learners: linear-softmax, linear-q, tabular-q, ...
 * environment: coinrun-lite-v1     # the registered id the learner was trained in
 * encoder: egocentric              # egocentric (view_radius, global_features) or full-board
 * view_radius: 2
 * global_features: agent_x,agent_y # comma-separated, empty when none
 * dimension: 151                   # length of the feature vector
 * actions: 5
 * eval_epsilon: 0.0                # linear-q and tabular-q only
 * initial_q: 0.0                   # tabular-q only
 * </pre>
 * then, for each parameter array, a line {@code array: <name> <length>} followed by that many lines of
 * one number each: {@code weights} and {@code value_weights} (linear-softmax; action-major
 * {@code w[a·D + i]}), {@code weights} (linear-q), {@code keys} (64-bit observation hashes, decimal) and
 * {@code values} ({@code keys × actions}, row-major) for tabular-q, {@code goal} for the
 * alignment-faking planner, {@code logits} (θ, one per persona emulation) for the persona mixture, and
 * for mlp one array per parameter block ({@code w1}, {@code b1}, {@code w2}, {@code b2},
 * {@code policy_weights}, {@code policy_bias}, {@code value_weights}, {@code value_bias}, then the tag
 * and belief heads' when present) with its {@code activation} in the header. Numbers are Java's shortest
 * decimal form, which reads back to the identical {@code double}, so a loaded policy acts bit for bit
 * like the saved one. Lines starting with {@code #} are comments. The last line is
 * {@code sha256: <hex>}, the SHA-256 of every byte above it, so that a file changed or cut short after
 * it was saved is refused, as is a file without it. A reader rejects any other
 * {@code format} line: a change of layout bumps the version. Which settings and arrays a learner
 * writes, and how it is rebuilt from them, its {@link LearnerType}'s persistence says.
 *
 * @param header the header, in file order
 * @param arrays the parameter arrays of doubles, by name
 * @param keys   tabular-q's state keys (64-bit hashes do not fit a double exactly, so they are kept
 *               apart), or null for a learner without keys
 */
public record SavedPolicy(Map<String, String> header, Map<String, double[]> arrays, long[] keys) {
    /** The format line's value this class writes and reads. */
    public static final String FORMAT = "innerlab-policy/1";
    /** The key of the last line, the checksum of the lines above it. */
    private static final String CHECKSUM = "sha256";
    /** The longest line a reader takes, in bytes; the longest written is a header line of feature names. */
    private static final int MAX_LINE = 100_000;
    private static final String RESAVE = "save it again with innerlab run --save-policies";

    /** File name of run {@code run} of point {@code point} inside a run folder's {@code policies/}. */
    public static String fileName(int point, int run) {
        return "p" + point + "-r" + run + ".policy";
    }

    /** Captures a trained organism's learner, with what is needed to check it fits a scenario later. */
    public static SavedPolicy of(Organism organism) {
        Map<String, String> h = new LinkedHashMap<>();
        Learner learner = organism.learner();
        h.put("format", FORMAT);
        h.put("learner", learner.type());
        h.put("environment", organism.train().spec().id());
        h.putAll(encoderSettings(organism));
        h.put("dimension", Integer.toString(organism.encoder().dimension()));
        h.put("actions", Integer.toString(organism.train().actionCount()));
        LearnerType<?> type = Learners.TYPES.find(learner.type());
        if (type == null || !type.savable()) {
            throw new IllegalArgumentException("cannot save a learner of type " + learner.type());
        }
        TrainedState trained = type.save(learner);
        h.putAll(trained.settings());
        return new SavedPolicy(h, new LinkedHashMap<>(trained.arrays()), trained.keys());
    }

    private static Map<String, String> encoderSettings(Organism organism) {
        Map<String, String> h = new LinkedHashMap<>();
        if (organism.scenario().learner().seesFullBoard()) {
            h.put("encoder", FullBoardEncoder.TYPE.id());
        } else {
            ObservationConfig o = organism.scenario().learner().observation();
            h.put("encoder", EgocentricEncoder.TYPE.id());
            h.put("view_radius", Integer.toString(o.viewRadius()));
            h.put("global_features", String.join(",", o.globalFeatures()));
        }
        return h;
    }

    /**
     * Writes the file, its checksum line last (to a temporary sibling first, so a reader never sees half
     * a policy).
     */
    public void write(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        MessageDigest sha = sha256();
        try (DigestOutputStream digested = new DigestOutputStream(
                new BufferedOutputStream(Files.newOutputStream(tmp)), sha);
             Writer w = new BufferedWriter(new OutputStreamWriter(digested, StandardCharsets.UTF_8))) {
            w.write("# innerlab saved policy; format documented in org.innerlab.experiment.SavedPolicy\n");
            for (Map.Entry<String, String> e : header.entrySet()) {
                w.write(e.getKey() + ": " + e.getValue() + "\n");
            }
            if (keys != null) {
                w.write("array: keys " + keys.length + "\n");
                for (long k : keys) {
                    w.write(Long.toString(k));
                    w.write('\n');
                }
            }
            for (Map.Entry<String, double[]> e : arrays.entrySet()) {
                w.write("array: " + e.getKey() + " " + e.getValue().length + "\n");
                for (double v : e.getValue()) {
                    w.write(Double.toString(v));
                    w.write('\n');
                }
            }
            w.flush();
            digested.on(false);
            w.write(CHECKSUM + ": " + HexFormat.of().formatHex(sha.digest()) + "\n");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Reads a policy file; the message of the exception names the file and line of any error. */
    public static SavedPolicy read(Path file) throws IOException {
        return read(file, null);
    }

    /**
     * Reads a policy file for the learner {@code shape} describes ({@link #of} an untrained organism of
     * the scenario), or for any learner when {@code shape} is null. With a shape, the header must name
     * the same learner, environment, observation and sizes, and every array must have the length that
     * learner needs, both checked before its numbers are read, so that a file declaring a huge array
     * costs nothing. A learner with state keys (a table) holds as many states as training visited: its
     * {@code keys} may have any length, and each of its other arrays has a row of {@code actions}
     * numbers per key.
     */
    static SavedPolicy read(Path file, SavedPolicy shape) throws IOException {
        Map<String, String> h = new LinkedHashMap<>();
        Map<String, double[]> arrays = new LinkedHashMap<>();
        long[] keys = null;
        // Every number takes a line of at least two bytes, so no array can be longer than this: a declared
        // length beyond it is refused before anything is allocated.
        long mostNumbers = Files.size(file) / 2;
        String checksum = null;
        int checksumLine = 0;
        byte[] digestAbove = null;
        try (ChecksummedLines r = new ChecksummedLines(file)) {
            int lineNo = 0;
            String line;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (checksum != null) {
                    throw new IOException(file + ":" + lineNo + ": nothing may follow the checksum line; " + RESAVE);
                }
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (line.indexOf(':') < 0) {
                    // A stray number (one more than its array declared) would otherwise shift nothing visibly.
                    throw new IOException(file + ":" + lineNo + ": expected 'key: value' or 'array: <name> <length>', "
                            + "got '" + line + "'");
                }
                int colon = line.indexOf(": ");
                String key = colon < 0 ? line.strip().replace(":", "") : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 2).strip();
                if (h.isEmpty() && !(key.equals("format") && value.equals(FORMAT))) {
                    throw new IOException(file + ":" + lineNo + ": not an innerlab policy of format " + FORMAT
                            + " (first line reads '" + line + "')");
                }
                if (key.equals(CHECKSUM)) {
                    checksum = value;
                    checksumLine = lineNo;
                    digestAbove = r.digestOfEarlierLines();
                    continue;
                }
                if (!key.equals("array")) {
                    h.put(key, value);
                    continue;
                }
                String[] nameLength = value.split(" ");
                if (nameLength.length != 2) {
                    throw new IOException(file + ":" + lineNo + ": expected 'array: <name> <length>'");
                }
                if (!nameLength[1].matches("\\d{1,10}") || Long.parseLong(nameLength[1]) > mostNumbers) {
                    throw new IOException(file + ":" + lineNo + ": array " + nameLength[0] + " declares "
                            + nameLength[1] + " numbers; a length is a whole number no larger than the file can hold ("
                            + mostNumbers + ")");
                }
                if (shape != null) {
                    String misfit = misfit(shape, h, keys, nameLength[0], Long.parseLong(nameLength[1]));
                    if (misfit != null) {
                        throw new IOException(file + ":" + lineNo + ": " + misfit);
                    }
                }
                int n = Integer.parseInt(nameLength[1]);
                boolean isKeys = nameLength[0].equals("keys");
                long[] k = isKeys ? new long[n] : null;
                double[] v = isKeys ? null : new double[n];
                for (int i = 0; i < n; i++) {
                    String number = r.readLine();
                    lineNo++;
                    if (number == null) {
                        throw new IOException(file + ":" + lineNo + ": array " + nameLength[0] + " ends after "
                                + i + " of " + n + " numbers");
                    }
                    try {
                        if (isKeys) {
                            k[i] = Long.parseLong(number.strip());
                        } else {
                            v[i] = Double.parseDouble(number.strip());
                            if (!Double.isFinite(v[i])) {
                                throw new IOException(file + ":" + lineNo + ": not a finite number: '" + number + "'");
                            }
                        }
                    } catch (NumberFormatException e) {
                        throw new IOException(file + ":" + lineNo + ": not a number: '" + number + "'", e);
                    }
                }
                if (isKeys) {
                    keys = k;
                } else {
                    arrays.put(nameLength[0], v);
                }
            }
        }
        if (h.isEmpty()) {
            throw new IOException(file + ": empty, not an innerlab policy");
        }
        if (checksum == null) {
            throw new IOException(file + ": no checksum line at the end: the file was cut short, or saved before"
                    + " policy files carried one; " + RESAVE);
        }
        if (!checksum.equals(HexFormat.of().formatHex(digestAbove))) {
            throw new IOException(file + ":" + checksumLine + ": the checksum does not match the lines above it: the"
                    + " file was changed after it was saved; " + RESAVE);
        }
        return new SavedPolicy(h, arrays, keys);
    }

    /**
     * Why array {@code name} of {@code length} numbers, declared after {@code header} (and {@code keys}, if
     * read), cannot be the learner {@code shape}'s, or null when it fits.
     */
    private static String misfit(SavedPolicy shape, Map<String, String> header, long[] keys, String name, long length) {
        String learner = differentLearner(shape.header(), header);
        if (learner != null) {
            return learner;
        }
        if (name.equals("keys")) {
            return shape.keys() == null ? "the learner " + header.get("learner") + " has no state keys" : null;
        }
        double[] untrained = shape.arrays().get(name);
        if (untrained == null) {
            return "the learner " + header.get("learner") + " has no array " + name + "; its arrays are "
                    + String.join(", ", shape.arrays().keySet());
        }
        long needed = shape.keys() == null ? untrained.length
                : keys == null ? -1 : (long) keys.length * Integer.parseInt(shape.header().get("actions"));
        if (needed < 0) {
            return "array " + name + " comes before the state keys it belongs to";
        }
        return length == needed ? null : "array " + name + " declares " + length + " numbers; the scenario's learner "
                + "needs " + needed;
    }

    /** Which setting says {@code got} is not the learner {@code expected} describes, or null when none does. */
    private static String differentLearner(Map<String, String> expected, Map<String, String> got) {
        for (String key : List.of("learner", "environment", "encoder", "view_radius", "global_features",
                "dimension", "actions", "activation")) {
            String want = expected.get(key);
            if (want != null && !want.equals(got.get(key))) {
                return "the policy's " + key + " is '" + got.get(key) + "' but the scenario's is '" + want + "'";
            }
        }
        return null;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    /**
     * A policy file's lines, decoded as UTF-8 (strictly), with the SHA-256 of the bytes of every line
     * before the one last read; a line over {@link #MAX_LINE} bytes is refused before it is kept.
     */
    private static final class ChecksummedLines implements Closeable {
        private final Path file;
        private final InputStream in;
        private final MessageDigest sha = sha256();
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private int lineNo;

        ChecksummedLines(Path file) throws IOException {
            this.file = file;
            this.in = new BufferedInputStream(Files.newInputStream(file));
        }

        /** The next line without its line break, or null at the end of the file. */
        String readLine() throws IOException {
            sha.update(line.toByteArray());
            line.reset();
            lineNo++;
            int b;
            while ((b = in.read()) >= 0) {
                line.write(b);
                if (b == '\n') {
                    break;
                }
                if (line.size() > MAX_LINE) {
                    throw new IOException(file + ":" + lineNo + ": a line longer than " + MAX_LINE + " bytes");
                }
            }
            if (line.size() == 0) {
                return null;
            }
            byte[] bytes = line.toByteArray();
            int end = bytes.length;
            while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) {
                end--;
            }
            try {
                return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, 0, end)).toString();
            } catch (CharacterCodingException e) {
                throw new IOException(file + ":" + lineNo + ": not UTF-8 text; " + RESAVE, e);
            }
        }

        /** The SHA-256 of every line before the one last read. */
        byte[] digestOfEarlierLines() {
            return sha.digest();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /**
     * The organism with this policy in place of its learner. The scenario must describe the same
     * learner type, environment, observation and sizes; otherwise the message says which key differs.
     */
    public Organism installInto(Organism organism) {
        String different = differentLearner(of(organism).header(), header);
        if (different != null) {
            throw new IllegalArgumentException(different);
        }
        LearnerType<?> type = Learners.TYPES.find(header.get("learner"));
        if (type == null || !type.savable()) {
            throw new IllegalArgumentException("unknown learner type '" + header.get("learner") + "'");
        }
        Learner learner = type.load(organism.learnerContext(), new TrainedState(header, arrays, keys));
        return new Organism(organism.scenario(), organism.seeds(), organism.train(), organism.encoder(), learner);
    }

    /** Reads, checks and installs in one step, wrapping I/O errors. */
    public static Organism load(Path file, Organism organism) {
        try {
            return read(file, of(organism)).installInto(organism);
        } catch (IOException e) {
            // The reader's message already names the file and line; the wrapper keeps it as the one line.
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }
}
