package org.innerlab.gui;

import java.awt.Color;
import java.awt.Component;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.GraphicsEnvironment;
import javax.swing.JTabbedPane;
import java.awt.Frame;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.swing.ScrollPaneConstants;
import javax.swing.SwingUtilities;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JFrame;
import javax.swing.JLabel;
import sim.display.Console;
import sim.display.Controller;
import sim.display.Display2D;
import sim.display.GUIState;
import sim.engine.SimState;
import sim.portrayal.Inspector;

/**
 * The teaching window: MASON's {@link Console} (play, pause, step, the model inspector with episode
 * return, true return, events so far and outcome) and a {@link Display2D} of the board with the
 * policy overlay. The display's header carries a distribution drop-down and a "new level" button, so
 * a teacher can show the same agent in the training and the test world.
 *
 * <p>The window only watches: the organism was trained before it opened (see {@link WatchModel#train})
 * and every random number it uses comes from the run's {@code gui} streams.
 */
public final class RunWithUI extends GUIState {
    /** Milliseconds between moves when playing: slow enough for a lecture hall to follow. */
    public static final long PLAY_SLEEP_MILLIS = 200;
    private static final int CELL_PIXELS = 40;

    private final BoardPortrayal board = new BoardPortrayal();
    private Display2D display;
    private JFrame displayFrame;
    private JFrame curveFrame;
    private JComboBox<String> distributions;

    public RunWithUI(WatchModel model) {
        super(model);
    }

    /** The title MASON shows. */
    public static String getName() {
        return "innerlab show";
    }

    /** What the "About" tab shows. */
    public static Object getInfo() {
        return "<html><h2>innerlab show</h2><p>A trained model organism playing its environment one move at a time."
                + "<p>Arrows: the policy's most likely move in each open cell, opacity = its probability."
                + "<p>Values (switch above the board): the learner's own value estimate with the agent in each open"
                + " cell, V(s) or max_a Q(s,a), from dark purple (lowest on this board) to yellow (highest)."
                + "<br>Blue disc: the agent. Use the drop-down above the board to switch distribution.</html>";
    }

    /** Opens the Console and the display, ready to play. */
    public static Console open(WatchModel model) {
        RunWithUI ui = new RunWithUI(model);
        Console console = new Console(ui);
        console.setPlaySleep(PLAY_SLEEP_MILLIS);
        console.setVisible(true);
        return console;
    }

    /**
     * Opens the window, plays {@code steps} moves, and saves a screenshot of the whole screen (Console
     * and board) to {@code png}: the check that the window works, for CI under Xvfb.
     */
    public static void captureAfter(WatchModel model, long steps, Path png) throws Exception {
        Console[] console = new Console[1];
        SwingUtilities.invokeAndWait(() -> {
            console[0] = open(model);
            console[0].setPlaySleep(20);
            console[0].setWhenShouldPause(steps);
            showModelTab(console[0].getContentPane());
            console[0].pressPlay();
        });
        long deadline = System.currentTimeMillis() + 60_000;
        while (model.schedule.getSteps() < steps || console[0].getPlayState() != Console.PS_PAUSED) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the window played " + model.schedule.getSteps() + " of " + steps
                        + " moves in 60 s");
            }
            Thread.sleep(50);
        }
        // Let Swing finish painting the last move before the screen is read.
        SwingUtilities.invokeAndWait(console[0]::refresh);
        Thread.sleep(500);
        SwingUtilities.invokeAndWait(() -> { });
        BufferedImage shot = new Robot().createScreenCapture(new Rectangle(Toolkit.getDefaultToolkit().getScreenSize()));
        Path parent = png.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        ImageIO.write(shot, "png", png.toFile());
    }

    /** Selects the Console's "Model" tab (the inspector), so a screenshot shows the episode's figures. */
    private static boolean showModelTab(Container c) {
        if (c instanceof JTabbedPane tabs) {
            int i = tabs.indexOfTab("Model");
            if (i >= 0) {
                tabs.setSelectedIndex(i);
                return true;
            }
        }
        for (Component child : c.getComponents()) {
            if (child instanceof Container inner && showModelTab(inner)) {
                return true;
            }
        }
        return false;
    }

    /** Blocks until every window of this JVM has been closed. */
    public static void awaitClosed() throws InterruptedException {
        while (true) {
            Thread.sleep(500);
            boolean open = false;
            for (Frame f : Frame.getFrames()) {
                open |= f.isDisplayable();
            }
            if (!open) {
                return;
            }
        }
    }

    private WatchModel model() {
        return (WatchModel) state;
    }

    @Override
    public Object getSimulationInspectedObject() {
        return state;
    }

    /** The model inspector, volatile so that it follows every move (MASON makes object inspectors static). */
    @Override
    public Inspector getInspector() {
        Inspector i = super.getInspector();
        i.setVolatile(true);
        return i;
    }

    @Override
    public void start() {
        super.start();
        setupPortrayals();
    }

    @Override
    public void load(SimState loaded) {
        super.load(loaded);
        setupPortrayals();
    }

    private void setupPortrayals() {
        board.setField(model().watch());
        if (distributions != null) {
            distributions.setSelectedItem(model().watch().distribution());
        }
        display.reset();
        display.repaint();
    }

    @Override
    public void init(Controller c) {
        super.init(c);
        var view = model().trained().organism().train().view();
        // With a probe, a column right of the board holds its bar (BoardPortrayal).
        Dimension boardSize = new Dimension(view.width() * CELL_PIXELS
                + (model().hasProbe() ? BoardPainter.PROBE_COLUMN : 0), view.height() * CELL_PIXELS);
        display = new Display2D(boardSize.width, boardSize.height, this);
        display.setBackdrop(Color.WHITE);
        display.setClipping(false);
        display.attach(board, "Board and policy");
        distributions = new JComboBox<>((String[]) model().domDistribution());
        distributions.setSelectedItem(model().watch() == null ? null : model().watch().distribution());
        distributions.addActionListener(e -> act(() -> model().setDistribution(distributions.getSelectedIndex())));
        JButton newLevel = new JButton("New level");
        newLevel.addActionListener(e -> act(() -> model().setNewLevel(true)));
        display.header.add(new JLabel("  distribution "));
        display.header.add(distributions);
        display.header.add(newLevel);
        JCheckBox values = new JCheckBox("Values", model().getValues());
        values.setToolTipText("the learner's value estimate per cell: dark purple = lowest on this board, yellow = highest");
        values.setEnabled(ValueMap.supports(model().trained().organism().learner()));
        values.addActionListener(e -> act(() -> model().setValues(values.isSelected())));
        display.header.add(values);
        // MASON always shows both scroll bars; a board that fits needs none.
        display.display.setHorizontalScrollBarPolicy(ScrollPaneConstants.HORIZONTAL_SCROLLBAR_AS_NEEDED);
        display.display.setVerticalScrollBarPolicy(ScrollPaneConstants.VERTICAL_SCROLLBAR_AS_NEEDED);
        displayFrame = display.createFrame();
        displayFrame.setSize(fitted(displayFrame.getSize(), display.display.getViewport().getExtentSize(), boardSize,
                display.header.getWidth(), rowWidth(display.header),
                GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds().getSize()));
        displayFrame.setTitle("innerlab show: " + model().trained().organism().scenario().name());
        c.registerFrame(displayFrame);
        displayFrame.setVisible(true);
        if (model().trainingCurve() != null) {
            curveFrame = TrainingCurvePanel.frame(model().trainingCurve(), "innerlab show: training curve");
            curveFrame.setLocation(displayFrame.getX(), displayFrame.getY() + displayFrame.getHeight());
            c.registerFrame(curveFrame);
            curveFrame.setVisible(true);
        }
    }

    /**
     * The frame size that shows the whole {@code board} without scroll bars and the whole header row:
     * the frame as {@code packed} grows by what its {@code viewport} (as packed) lacks of the board, and
     * by what the header ({@code header} wide, {@code headerWanted} preferred) lacks of its row, clamped
     * to the {@code screen}. MASON packs the display to the size it was built with, header and scroll pane
     * included, so the board would get less than its size; a narrow board would cut the header's controls.
     */
    static Dimension fitted(Dimension packed, Dimension viewport, Dimension board, int header, int headerWanted,
                            Dimension screen) {
        int width = packed.width + Math.max(0, Math.max(board.width - viewport.width, headerWanted - header));
        int height = packed.height + Math.max(0, board.height - viewport.height);
        return new Dimension(Math.min(width, screen.width), Math.min(height, screen.height));
    }

    /** The width {@code row}'s components want side by side (MASON's header reports a preferred width of 0). */
    private static int rowWidth(Container row) {
        int width = row.getInsets().left + row.getInsets().right;
        for (Component c : row.getComponents()) {
            width += c.getPreferredSize().width;
        }
        return width;
    }

    /** Applies a change from the Swing thread while the schedule is not stepping, then repaints. */
    private void act(Runnable change) {
        if (model().watch() == null) {
            return;
        }
        synchronized (state.schedule) {
            change.run();
        }
        controller.refresh();
    }

    @Override
    public void quit() {
        super.quit();
        if (displayFrame != null) {
            displayFrame.dispose();
        }
        displayFrame = null;
        display = null;
        if (curveFrame != null) {
            curveFrame.dispose();
        }
        curveFrame = null;
    }
}
