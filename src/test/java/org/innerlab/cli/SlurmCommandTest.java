package org.innerlab.cli;

import static org.innerlab.cli.RunCommandTest.innerlab;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code innerlab slurm} writes the job array, the dependent merge and how to submit them. */
class SlurmCommandTest {
    @Test
    void writesAnArrayOfShardsByTaskIdAndAMergeAfterAllOfThem(@TempDir Path tmp) throws Exception {
        String s = Files.writeString(tmp.resolve("s.yaml"), RunCommandTest.TINY).toString();
        Path job = tmp.resolve("job");
        RunCommandTest.Outcome r = innerlab("slurm", s, "--shards", "5", "--partition", "cpu", "--time", "01:30:00",
                "--mem", "4G", "--cpus-per-task", "2", "--seed", "9", "--set", "evaluation.episodes=5", "--out",
                job.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("submit with: sh " + job.resolve("submit.sh")), r.out());

        String array = Files.readString(job.resolve("array.sbatch"));
        List<String> lines = array.lines().toList();
        int firstCommand = lines.indexOf("set -eu");
        for (String directive : List.of("#SBATCH --array=0-4", "#SBATCH --cpus-per-task=2", "#SBATCH --partition=cpu",
                "#SBATCH --time=01:30:00", "#SBATCH --mem=4G", "#SBATCH --chdir=" + job.toAbsolutePath())) {
            int at = lines.indexOf(directive);
            assertTrue(at > 0 && at < firstCommand, directive + " comes before the first command (sbatch stops "
                    + "reading directives there):\n" + array);
        }
        assertTrue(lines.contains("K=\"$SLURM_ARRAY_TASK_ID\""), array);
        String run = lines.get(lines.size() - 1);
        assertTrue(run.startsWith("exec ") && run.contains(" run " + Path.of(s).toAbsolutePath() + " --seed 9 --set "
                + "evaluation.episodes=5 --threads 2 --quiet --shard \"$K/5\" --out \"shards/shard-$K\""), run);

        String merge = Files.readString(job.resolve("merge.sbatch"));
        assertTrue(merge.contains(" merge shards/shard-0 shards/shard-1 shards/shard-2 shards/shard-3 shards/shard-4 "
                + "--out result\n"), merge);
        String submit = Files.readString(job.resolve("submit.sh"));
        assertTrue(submit.contains("array=$(sbatch --parsable array.sbatch)"), submit);
        assertTrue(submit.contains("sbatch --parsable --dependency=afterok:\"$array\" merge.sbatch"), submit);
        for (String script : List.of("array.sbatch", "merge.sbatch", "submit.sh")) {
            Process sh = new ProcessBuilder("sh", "-n", job.resolve(script).toString()).redirectErrorStream(true).start();
            assertEquals(0, sh.waitFor(), script + " is valid sh: " + new String(sh.getInputStream().readAllBytes()));
        }
    }

    @Test
    void aBadSeedCountIsNamedAsTheOptionTypedAndNothingIsWritten(@TempDir Path tmp) throws Exception {
        String s = Files.writeString(tmp.resolve("s.yaml"), RunCommandTest.TINY).toString();
        Path job = tmp.resolve("job");
        RunCommandTest.Outcome r = innerlab("slurm", s, "--shards", "2", "--seeds", "0", "--out", job.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("--seeds 0: must be an integer in [1, 10000], got 0"), r.err());
        assertTrue(Files.notExists(job), "no job folder for a refused scenario");
    }

    @Test
    void theSameJobMayBeWrittenAgainToResubmitButAnotherJobsFolderIsRefused(@TempDir Path tmp) throws Exception {
        String s = Files.writeString(tmp.resolve("s.yaml"), RunCommandTest.TINY).toString();
        String job = tmp.resolve("job").toString();
        assertEquals(0, innerlab("slurm", s, "--shards", "3", "--out", job).exitCode());
        assertEquals(0, innerlab("slurm", s, "--shards", "3", "--out", job).exitCode());
        RunCommandTest.Outcome other = innerlab("slurm", s, "--shards", "4", "--out", job);
        assertEquals(2, other.exitCode());
        assertTrue(other.err().startsWith("innerlab slurm: " + tmp.resolve("job")), other.err());
        assertTrue(other.err().endsWith(" belongs to another job (other scenario, settings or shards); give a new "
                + "--out folder\n"), other.err());
    }

    @Test
    void aSlurmValueWithSpacesIsExitTwoNamingTheOption(@TempDir Path tmp) throws Exception {
        String s = Files.writeString(tmp.resolve("s.yaml"), RunCommandTest.TINY).toString();
        RunCommandTest.Outcome r = innerlab("slurm", s, "--shards", "3", "--time", "1 hour", "--out",
                tmp.resolve("job").toString());
        assertEquals(2, r.exitCode());
        assertEquals("innerlab slurm: --time '1 hour' is not a Slurm value; use letters, digits and _.:,+@%=- only "
                + "(e.g. --time 02:00:00, --mem 4G)\n", r.err());
    }
}
