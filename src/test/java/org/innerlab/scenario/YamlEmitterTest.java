package org.innerlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.innerlab.scenario.Node.Entry;
import org.innerlab.scenario.Node.Mapping;
import org.innerlab.scenario.Node.Scalar;
import org.innerlab.scenario.Node.Sequence;
import org.innerlab.scenario.Node.Type;
import org.junit.jupiter.api.Test;

class YamlEmitterTest {
    private static final Origin HERE = Origin.at("test", 1, 1);
    private static final List<String> TRICKY = List.of("plain words", "yes", "No", "off", "true", "null", "~", "",
            "20", "1e-6", "1.0E7", "0x1F", "1_000", ".5", ".inf", "a: b", "x #y", "- dash", "[x, y]", "{k: v}", "'q'",
            "\"dq\"", " lead", "trail ", "é ü", "tab\there", "line1\nline2", "ends\n", "two\n\n", "\nfirst", "\u2028",
            "back\\slash", "&anchor", "*alias", "!tag", "%percent", "@at", "`tick", "|pipe", ">fold", "?q", ",comma");

    @Test
    void everyStringReadsBackAsTheSameString() {
        List<Entry> entries = new ArrayList<>();
        List<Node> items = new ArrayList<>();
        for (int i = 0; i < TRICKY.size(); i++) {
            entries.add(new Entry("k" + i, HERE, Scalar.of(TRICKY.get(i), HERE)));
            items.add(Scalar.of(TRICKY.get(i), HERE));
        }
        // as keys too: a key that looks like a number or contains ': ' must still be a string key
        for (int i = 0; i < TRICKY.size(); i++) {
            entries.add(new Entry(TRICKY.get(i), HERE, Scalar.of(i, HERE)));
        }
        entries.add(new Entry("flow", HERE, new Sequence(items, HERE)));
        String yaml = YamlEmitter.emit(new Mapping(entries, HERE));
        Mapping back = (Mapping) YamlReader.read(yaml, "emitted");
        for (int i = 0; i < TRICKY.size(); i++) {
            Scalar s = (Scalar) back.get("k" + i);
            assertEquals(Type.STRING, s.type(), yaml);
            assertEquals(TRICKY.get(i), s.text(), yaml);
            assertEquals(i, ((Number) ((Scalar) back.get(TRICKY.get(i))).value()).intValue(), yaml);
            Scalar item = (Scalar) ((Sequence) back.get("flow")).items().get(i);
            assertEquals(Type.STRING, item.type(), yaml);
            assertEquals(TRICKY.get(i), item.text(), yaml);
        }
    }

    @Test
    void numbersBooleansAndNullKeepTheirTypes() {
        List<Entry> entries = List.of(new Entry("i", HERE, Scalar.of(Long.MIN_VALUE, HERE)),
                new Entry("d", HERE, Scalar.of(1e-6, HERE)), new Entry("big", HERE, Scalar.of(1e300, HERE)),
                new Entry("neg", HERE, Scalar.of(-0.0, HERE)), new Entry("b", HERE, Scalar.of(false, HERE)),
                new Entry("n", HERE, Scalar.of(null, HERE)));
        Mapping back = (Mapping) YamlReader.read(YamlEmitter.emit(new Mapping(entries, HERE)), "emitted");
        assertEquals(Long.MIN_VALUE, ((Scalar) back.get("i")).value());
        assertEquals(1e-6, ((Scalar) back.get("d")).value());
        assertEquals(1e300, ((Scalar) back.get("big")).value());
        assertEquals(-0.0, ((Scalar) back.get("neg")).value());
        assertEquals(false, ((Scalar) back.get("b")).value());
        assertEquals(Type.NULL, ((Scalar) back.get("n")).type());
    }

    @Test
    void nestedStructuresUseBlockStyleAndScalarListsFlowStyle() {
        Mapping inner = new Mapping(List.of(new Entry("a", HERE, Scalar.of(1, HERE))), HERE);
        Mapping root = new Mapping(List.of(
                new Entry("list", HERE, new Sequence(List.of(inner, inner), HERE)),
                new Entry("flow", HERE, new Sequence(List.of(Scalar.of("x", HERE), Scalar.of(2, HERE)), HERE)),
                new Entry("empty", HERE, new Mapping(List.of(), HERE)),
                new Entry("text", HERE, Scalar.of("two\nlines\n", HERE))), HERE);
        assertEquals("list:\n  - a: 1\n  - a: 1\nflow: [x, 2]\nempty: {}\ntext: |\n  two\n  lines\n",
                YamlEmitter.emit(root));
    }
}
