package org.innerlab.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Dimension;
import org.junit.jupiter.api.Test;

/**
 * The show window's size, headlessly: the frame grows until the board fits its viewport and the header's
 * controls fit their row, never beyond the screen. (The window itself: {@link ShowWindowTest}, under Xvfb.)
 */
class ShowWindowSizeTest {
    private static final Dimension SCREEN = new Dimension(1280, 1024);

    @Test
    void theFrameGrowsByWhatTheViewportLacksOfTheBoard() {
        // Packed at 657x282 around a 600x200 viewport; a 16x6 board of 40-pixel cells needs 640x240.
        assertEquals(new Dimension(697, 322), RunWithUI.fitted(new Dimension(657, 282), new Dimension(600, 200),
                new Dimension(640, 240), 657, 500, SCREEN));
    }

    @Test
    void aNarrowBoardStillGetsAFrameAsWideAsTheHeaderRow() {
        assertEquals(new Dimension(610, 265), RunWithUI.fitted(new Dimension(360, 265), new Dimension(360, 240),
                new Dimension(360, 240), 360, 610, SCREEN));
    }

    @Test
    void aBoardThatFitsLeavesThePackedFrameAlone() {
        assertEquals(new Dimension(657, 282), RunWithUI.fitted(new Dimension(657, 282), new Dimension(640, 240),
                new Dimension(640, 240), 657, 600, SCREEN));
    }

    @Test
    void aBoardLargerThanTheScreenIsClampedToIt() {
        assertEquals(SCREEN, RunWithUI.fitted(new Dimension(657, 282), new Dimension(640, 240),
                new Dimension(64 * 40, 40 * 40), 657, 600, SCREEN));
    }
}
