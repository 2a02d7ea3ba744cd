package org.innerlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpellingTest {

    @Test
    void swappedNeighboursCountAsOneEdit() {
        assertEquals(1, Spelling.distance("widht", "width"));
        assertEquals(3, Spelling.distance("kitten", "sitting"));
        assertEquals(0, Spelling.distance("a", "a"));
    }

    @Test
    void suggestsTheClosestWithinTwoEditsFirstOnTies() {
        assertEquals("width", Spelling.closest("widht", List.of("walls", "width")));
        assertEquals("agent_x", Spelling.closest("agent_z", List.of("agent_x", "agent_y")));
        assertNull(Spelling.closest("zzzzzz", List.of("width")));
        assertEquals("did you mean 'seed'?", Spelling.hint("seeed", List.of("seeds", "seed"), "known"));
        assertEquals("known: a, b", Spelling.hint("zzzz", List.of("a", "b"), "known"));
        assertNull(Spelling.hint("zzzz", List.of(), "known"));
    }
}
