package org.innerlab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryTest {
    private record Thing(ComponentInfo info) implements Registered {
    }

    private static Thing thing(String id) {
        return new Thing(ComponentInfo.of(id, "a thing called " + id, List.of()));
    }

    @Test
    void entriesKeepRegistrationOrderAndAreFoundById() {
        Registry<Thing> things = new Registry<>("thing");
        Thing b = things.register(thing("b-thing"));
        things.register(thing("a-thing"));
        assertEquals(List.of("b-thing", "a-thing"), things.ids());
        assertSame(b, things.find("b-thing"));
        assertSame(b, things.require("b-thing"));
        assertNull(things.find("c-thing"));
    }

    @Test
    void aDuplicateIdIsRefused() {
        Registry<Thing> things = new Registry<>("thing");
        things.register(thing("same"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> things.register(thing("same")));
        assertEquals("duplicate thing id 'same'", e.getMessage());
    }

    @Test
    void anUnknownIdIsNamedWithTheKnownOnes() {
        Registry<Thing> things = new Registry<>("regime");
        things.register(thing("ppo"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> things.require("pop"));
        assertEquals("unknown regime 'pop'; known: [ppo]", e.getMessage());
    }

    @Test
    void componentInfoRefusesBadIdsMissingSummariesAndTwiceDeclaredParameters() {
        assertThrows(IllegalArgumentException.class, () -> ComponentInfo.of("Bad Id", "x", List.of()));
        assertThrows(IllegalArgumentException.class, () -> ComponentInfo.of("ok", " ", List.of()));
        ParamSpec p = ParamSpec.bool("flag", false, "a flag");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ComponentInfo.of("ok", "x", List.of(p, p)));
        assertEquals("component 'ok' declares parameter 'flag' twice", e.getMessage());
        assertEquals("misbehaviour_rate", ComponentInfo.of("misbehaviour_rate", "x", List.of()).id());
    }
}
