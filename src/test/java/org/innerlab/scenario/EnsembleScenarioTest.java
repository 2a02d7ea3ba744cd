package org.innerlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ensemble learner's keys in the shipped majority-vote scenario, and the errors a mistyped one gets. */
class EnsembleScenarioTest {
    private static final String PARAMS = "params: { members: 5, member_type: linear-softmax, data_split: independent }";

    private static String shipped() throws IOException {
        String text = Files.readString(Path.of("scenarios", "majority-vote.yaml"));
        assertEquals(1, text.split(java.util.regex.Pattern.quote(PARAMS), -1).length - 1,
                "the shipped file declares the learner this test edits");
        return text;
    }

    private static String error(String yaml) {
        return assertThrows(ScenarioException.class,
                () -> ScenarioLoader.parse(yaml, "s.yaml", List.of(), EnvSpecLookup.registry())).getMessage();
    }

    @Test
    void eachConditionGetsItsDataSplitAndEveryPointItsMemberCount() throws IOException {
        Scenario s = ScenarioLoader.parse(shipped(), "s.yaml", List.of(), EnvSpecLookup.registry());
        for (SweepPoint p : s.points()) {
            assertEquals("ensemble", p.scenario().learner().type());
            assertEquals(p.assignments().get(Conditions.KEY), p.scenario().learner().params().get("data_split"));
            assertEquals(p.assignments().get("learner.params.members"), p.scenario().learner().params().get("members"));
            assertEquals("linear-softmax", p.scenario().learner().params().get("member_type"));
        }
    }

    @Test
    void anUnknownMemberTypeOrDataSplitOrACountOutOfRangeIsRefusedAtItsPlace() throws IOException {
        String text = shipped();
        assertEquals("s.yaml:49:38: learner.params.member_type: must be one of linear-softmax, mlp, got \"tabular-q\"",
                error(text.replace(PARAMS, PARAMS.replace("member_type: linear-softmax", "member_type: tabular-q"))));
        assertEquals("s.yaml:49:66: learner.params.data_split: must be one of shared, independent, got \"own\"",
                error(text.replace(PARAMS, PARAMS.replace("data_split: independent", "data_split: own"))));
        assertEquals("s.yaml:49:22: learner.params.members: must be an integer in [1, 99], got 100",
                error(text.replace(PARAMS, PARAMS.replace("members: 5", "members: 100"))));
    }

    @Test
    void aRegimeMustBeAbleToTrainTheMembers() throws IOException {
        String text = shipped().replace("  - regime: behaviour-cloning\n    params: { epochs: 50 }",
                "  - regime: q-learning\n    steps: 1000");
        assertEquals("s.yaml:56:13: training.0.regime: regime 'q-learning' cannot train learner type 'linear-softmax', "
                + "the type of the ensemble's members; it trains tabular-q, linear-q", error(text));
    }
}
