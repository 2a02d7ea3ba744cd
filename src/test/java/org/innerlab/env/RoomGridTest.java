package org.innerlab.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoomGridTest {
    private static final int FLOOR = 0;
    private static final int WALL = 1;
    private static final int ITEM = 2;
    private static final int HELD = 3;

    private static RoomGrid room(int width, int height) {
        RoomGrid grid = new RoomGrid(width, height, " #i*", List.of("floor", "wall", "item", "held"), WALL, HELD);
        grid.wallIn(FLOOR, WALL);
        return grid;
    }

    @Test
    void aWalledRoomRendersItsBorderAndTheAgent() {
        RoomGrid grid = room(5, 4);
        grid.placeAgent(1 * 5 + 2);
        assertArrayEquals(new String[] {"#####", "# A #", "#   #", "#####"}, grid.render());
    }

    @Test
    void movesStopAtBlockingCellsAndTheGridEdge() {
        RoomGrid grid = room(4, 4);
        grid.placeAgent(1 * 4 + 1);
        assertFalse(grid.move(RoomGrid.UP), "a wall blocks");
        assertTrue(grid.move(RoomGrid.RIGHT));
        assertEquals(2, grid.agentX());
        grid.set(2 * 4 + 2, HELD);
        assertFalse(grid.move(RoomGrid.DOWN), "a declared blocking type blocks");
        grid.set(2 * 4 + 2, ITEM);
        assertTrue(grid.move(RoomGrid.DOWN), "an item is entered");

        RoomGrid open = new RoomGrid(2, 1, " #", List.of("floor", "wall"), WALL);
        assertFalse(open.move(RoomGrid.LEFT), "the edge of a borderless grid blocks");
        assertTrue(open.move(RoomGrid.RIGHT));
    }

    @Test
    void innerCellsAreDrawnDistinctAndInsideTheBorder() {
        RoomGrid grid = room(6, 5);
        int[] cells = new int[4 * 3];
        grid.drawInnerCells(cells, 5, new MersenneTwisterFast(3));
        int[] sorted = cells.clone();
        Arrays.sort(sorted);
        assertArrayEquals(new int[] {7, 8, 9, 10, 13, 14, 15, 16, 19, 20, 21, 22}, sorted);
    }

    @Test
    void theInventoryFillsTheTopBorderFromTheLeft() {
        RoomGrid grid = room(5, 3);
        grid.placeAgent(1 * 5 + 1);
        grid.showHeld(2, HELD, WALL);
        assertEquals("#**##", grid.render()[0]);
        grid.showHeld(9, HELD, WALL);
        assertEquals("#***#", grid.render()[0], "never over the corner");
    }

    @Test
    void theNearestCellIsByManhattanDistanceTiesToTheFirstInRowMajorOrder() {
        RoomGrid grid = room(7, 7);
        grid.placeAgent(3 * 7 + 3);
        assertEquals(0, grid.offsetToNearest(ITEM, true), "none: 0");
        grid.set(5 * 7 + 3, ITEM);
        grid.set(3 * 7 + 5, ITEM);
        assertEquals(2, grid.offsetToNearest(ITEM, true));
        assertEquals(0, grid.offsetToNearest(ITEM, false));
        grid.set(2 * 7 + 3, ITEM);
        assertEquals(-1, grid.offsetToNearest(ITEM, false));
    }

    @Test
    void anOverlayIsShownButDoesNotBlock() {
        RoomGrid grid = new RoomGrid(3, 1, " #iM", List.of("floor", "wall", "item", "monster"),
                (index, stored) -> index == 1 ? 3 : stored, WALL);
        grid.set(1, ITEM);
        assertEquals(3, grid.cell(1, 0));
        assertEquals(ITEM, grid.at(1));
        assertTrue(grid.move(RoomGrid.RIGHT));
    }

    @Test
    void aLayoutRowOfTheWrongLengthIsNamed() {
        RoomGrid grid = room(5, 5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> grid.readLayout(new String[] {"   ", "  "}, 3, 1, 1, (glyph, index, row) -> { }));
        assertEquals("layout row 1 has 2 characters, expected 3", e.getMessage());
    }

    @Test
    void aResizedGridReusesItsCellsAndWorksOnlyOnTheCellsInUse() {
        RoomGrid grid = room(6, 5);
        byte[] cells = grid.cells();
        grid.resize(4, 3);
        assertSame(cells, grid.cells(), "a resize keeps the array");
        grid.wallIn(FLOOR, WALL);
        grid.placeAgent(1 * 4 + 2);
        assertArrayEquals(new String[] {"####", "# A#", "####"}, grid.render());
        assertEquals(10, grid.count(WALL), "the cells beyond 4 x 3 are not counted");
        grid.fill(ITEM);
        assertEquals(12, grid.count(ITEM));
        assertEquals(WALL, cells[12], "nor filled: still the 6 x 5 room's wall");
    }

    @Test
    void aGridCannotGrowBeyondTheCellsItWasBuiltWith() {
        RoomGrid grid = room(6, 5);
        grid.resize(10, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> grid.resize(8, 4));
        assertEquals("grid size 8x4 does not fit the 30 cells the grid was built with", e.getMessage());
    }

    @Test
    void aCopyTakesTheSizeTheCellsAndTheAgent() {
        RoomGrid small = room(4, 3);
        small.set(1 * 4 + 1, ITEM);
        small.placeAgent(1 * 4 + 2);
        RoomGrid big = room(8, 8);
        big.copyFrom(small);
        assertEquals(4, big.width());
        assertEquals(3, big.height());
        assertArrayEquals(new String[] {"####", "#iA#", "####"}, big.render());
    }
}
