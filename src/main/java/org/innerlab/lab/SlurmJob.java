package org.innerlab.lab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.innerlab.core.BadInputException;

/**
 * A sweep as a Slurm job array ({@code innerlab slurm}): the scripts that run its N shards as array
 * tasks 0..N-1 and then merge them, and their submission.
 *
 * <p>The job folder holds {@code array.sbatch} (task {@code $SLURM_ARRAY_TASK_ID} = k runs
 * {@code innerlab run ... --shard k/N --out shards/shard-k}), {@code merge.sbatch} ({@code innerlab merge}
 * of every shard into {@code result/}), {@code submit.sh} (submits the array, then the merge with
 * {@code --dependency=afterok:<array id>}), and {@code logs/}. Every path in the scripts is relative to
 * the job folder, which the jobs run in. A task whose shard folder exists exits at once (a shard folder
 * appears only when complete) and an interrupted shard resumes its partial folder, so submitting
 * again after failed tasks reruns only the missing shards.
 *
 * @param folder    the job folder
 * @param scenario  the scenario file
 * @param runArgs   the arguments of {@code innerlab run} after the scenario (overrides, {@code --smoke})
 * @param shards    N, the array's size
 * @param resources the {@code #SBATCH} options for every task and the merge: partition, time, mem, in order
 * @param cpus      CPUs per task, and so the worker threads of each shard
 * @param java      the command that starts the JVM with innerlab's classes, e.g. {@code java -jar innerlab-all.jar}
 */
public record SlurmJob(Path folder, Path scenario, List<String> runArgs, int shards, Map<String, String> resources,
                       int cpus, List<String> java) {
    /** The folder, under the job folder, where the merged run folder appears. */
    public static final String RESULT = "result";

    public SlurmJob {
        runArgs = List.copyOf(runArgs);
        resources = new TreeMap<>(resources);
        java = List.copyOf(java);
        if (shards < 1) {
            throw new BadInputException("--shards " + shards + " is too few; give at least 1");
        }
        if (!folder.toAbsolutePath().normalize().toString().matches("[A-Za-z0-9_./:=@%+,-]+")) {
            throw new BadInputException("--out " + folder + " has spaces or shell characters, which #SBATCH lines "
                    + "cannot quote; choose a folder path of letters, digits and _./-");
        }
        if (cpus < 1) {
            throw new BadInputException("--cpus-per-task " + cpus + " is too few; give at least 1");
        }
        for (Map.Entry<String, String> r : resources.entrySet()) {
            if (r.getValue().isBlank() || !r.getValue().matches("[A-Za-z0-9_.:,+@%=-]+")) {
                throw new BadInputException("--" + r.getKey() + " '" + r.getValue() + "' is not a Slurm value; "
                        + "use letters, digits and _.:,+@%=- only (e.g. --time 02:00:00, --mem 4G)");
            }
        }
    }

    /** {@code innerlab run} of task {@code k} (a shell word {@code $K} when {@code k} is null), relative to the folder. */
    List<String> shardCommand(String k) {
        List<String> words = new ArrayList<>(java);
        words.addAll(List.of("run", scenario.toAbsolutePath().normalize().toString()));
        words.addAll(runArgs);
        words.addAll(List.of("--threads", Integer.toString(cpus), "--quiet", "--shard", k + "/" + shards,
                "--out", "shards/shard-" + k));
        return words;
    }

    /** The sbatch script of the array: one shard per task. */
    public String arrayScript() {
        StringBuilder s = header("innerlab-shards", "logs/shard-%A_%a.out");
        s.append("#SBATCH --array=0-").append(shards - 1).append('\n');
        s.append("#SBATCH --cpus-per-task=").append(cpus).append('\n');
        s.append("set -eu\n\n");
        s.append("# Task k runs shard k/").append(shards).append(" of the sweep into shards/shard-k. A shard folder\n")
                .append("# appears only when complete, so a task whose folder exists has nothing to do (after\n")
                .append("# a resubmission); an interrupted task resumes its partial folder.\n");
        s.append("K=\"$SLURM_ARRAY_TASK_ID\"\n");
        s.append("if [ -d \"shards/shard-$K\" ]; then echo \"shard $K/").append(shards)
                .append(" is done already\"; exit 0; fi\n");
        s.append("exec ").append(shell(shardCommand("$K"))).append('\n');
        return s.toString();
    }

    /** The sbatch script of the merge, to run after every task succeeded. */
    public String mergeScript() {
        StringBuilder s = header("innerlab-merge", "logs/merge-%j.out");
        s.append("set -eu\n\n");
        s.append("if [ -d ").append(RESULT).append(" ]; then echo \"").append(RESULT)
                .append(" is merged already\"; exit 0; fi\n");
        List<String> words = new ArrayList<>(java);
        words.add("merge");
        IntStream.range(0, shards).forEach(k -> words.add("shards/shard-" + k));
        words.addAll(List.of("--out", RESULT));
        s.append("exec ").append(shell(words)).append('\n');
        return s.toString();
    }

    /** Submits the array, then the merge once every task has succeeded. */
    public String submitScript() {
        return "#!/bin/sh\n"
                + "# Submits the shards as a job array, then the merge, which Slurm starts only after every task\n"
                + "# succeeded (afterok). Run it again after failed tasks: only missing shards run.\n"
                + "set -eu\n"
                + "cd \"$(dirname \"$0\")\"\n"
                + "array=$(sbatch --parsable array.sbatch)\n"
                + "array=${array%%;*}\n"
                + "merge=$(sbatch --parsable --dependency=afterok:\"$array\" merge.sbatch)\n"
                + "echo \"submitted array job $array (" + shards + " shards) and merge job ${merge%%;*}\"\n";
    }

    private StringBuilder header(String name, String log) {
        StringBuilder s = new StringBuilder("#!/bin/sh\n");
        s.append("# Written by innerlab slurm; paths are relative to this folder, where the job runs.\n");
        s.append("#SBATCH --job-name=").append(name).append('\n');
        s.append("#SBATCH --output=").append(log).append('\n');
        s.append("#SBATCH --chdir=").append(folder.toAbsolutePath().normalize()).append('\n');
        resources.forEach((k, v) -> s.append("#SBATCH --").append(k).append('=').append(v).append('\n'));
        // sbatch reads #SBATCH lines only up to the first command, so each script adds its own after this.
        return s;
    }

    /**
     * Writes the scripts into the job folder and creates {@code logs/}. Writing again the same job's
     * scripts (to resubmit) is allowed; another job's are not overwritten.
     *
     * @throws BadInputException when the folder holds another job's scripts
     */
    public void write() throws IOException {
        Map<String, String> files = Map.of("array.sbatch", arrayScript(), "merge.sbatch", mergeScript(),
                "submit.sh", submitScript());
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path file = folder.resolve(f.getKey());
            if (Files.exists(file) && !Files.readString(file, StandardCharsets.UTF_8).equals(f.getValue())) {
                throw new BadInputException(file + " belongs to another job (other scenario, settings or shards); "
                        + "give a new --out folder");
            }
        }
        Files.createDirectories(folder.resolve("logs"));
        for (Map.Entry<String, String> f : files.entrySet()) {
            Files.writeString(folder.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
        }
        folder.resolve("submit.sh").toFile().setExecutable(true);
    }

    /**
     * Submits the array and the dependent merge with {@code sbatch --parsable} (as {@code submit.sh} does)
     * and returns their job ids.
     *
     * @throws BadInputException when {@code sbatch} is missing or refuses a script (its message quoted)
     */
    public List<String> submit() throws IOException, InterruptedException {
        String array = sbatch(List.of("array.sbatch"));
        String merge = sbatch(List.of("--dependency=afterok:" + array, "merge.sbatch"));
        return List.of(array, merge);
    }

    private String sbatch(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sbatch", "--parsable"));
        command.addAll(args);
        Process p;
        try {
            p = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new BadInputException("sbatch is not on this machine (" + e.getMessage() + "); submit from a "
                    + "Slurm login node: sh " + folder.resolve("submit.sh"), e);
        }
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0 || !out.matches("\\d+(;\\S+)?")) {
            throw new BadInputException("sbatch " + String.join(" ", args) + " failed: "
                    + out.lines().collect(Collectors.joining(" / ")) + "; fix the Slurm options and submit again");
        }
        // --parsable prints "<id>" or "<id>;<cluster>".
        return out.split(";")[0];
    }

    /** {@code words} as one POSIX shell command line; {@code $K} stays an expansion. */
    static String shell(List<String> words) {
        return words.stream().map(SlurmJob::shellWord).collect(Collectors.joining(" "));
    }

    private static String shellWord(String word) {
        if (word.matches("[A-Za-z0-9_./:=@%+,-]+")) {
            return word;
        }
        if (word.contains("$K")) {
            // Double quotes expand $K; everything else in these words is plain.
            return "\"" + word.replace("\\", "\\\\").replace("\"", "\\\"").replace("`", "\\`") + "\"";
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
