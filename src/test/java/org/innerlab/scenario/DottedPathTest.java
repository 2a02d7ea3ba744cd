package org.innerlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class DottedPathTest {

    @Test
    void indicesMayBeWrittenWithDotsOrBrackets() {
        assertEquals(List.of("training", "0", "params", "learning_rate"), DottedPath.parse("training[0].params.learning_rate"));
        assertEquals(List.of("training", "0", "steps"), DottedPath.parse("training.0.steps"));
        assertEquals(List.of("a", "1", "2"), DottedPath.parse("a[1][2]"));
    }

    @Test
    void trainAndTestUnderDistributionsAreTheShorthand() {
        assertEquals("environment.train.width", DottedPath.canonical("environment.distributions.train.width"));
        assertEquals("environment.distributions.diag.width", DottedPath.canonical("environment.distributions.diag.width"));
    }

    @Test
    void aSweepPathKeepsItsKeyWhole() {
        assertEquals(List.of("sweep", "training.0.steps"), DottedPath.parse("sweep.training[0].steps"));
    }

    @Test
    void malformedPathsAreRejected() {
        for (String bad : List.of("", "a..b", ".a", "a.", "a[x]", "a[1", "a]")) {
            assertEquals("'" + bad + "' is not a dotted path",
                    assertThrows(IllegalArgumentException.class, () -> DottedPath.parse(bad)).getMessage());
        }
    }

    @Test
    void setCreatesMissingMapsAndGetFindsThem() {
        Origin o = Origin.at("t", 1, 1);
        Node root = YamlReader.read("a: {b: 1}\nlist: [1, 2]\n", "t");
        Node set = DottedPath.set(root, List.of("a", "c", "d"), Node.Scalar.of(5, o), o);
        assertEquals(5, ((Node.Scalar) DottedPath.get(set, List.of("a", "c", "d"))).value());
        assertEquals(1L, ((Node.Scalar) DottedPath.get(set, List.of("a", "b"))).value());
        Node appended = DottedPath.set(root, List.of("list", "2"), Node.Scalar.of(3, o), o);
        assertEquals(3, ((Node.Sequence) DottedPath.get(appended, List.of("list"))).items().size());
        assertNull(DottedPath.get(root, List.of("a", "c", "d")));
    }
}
