package org.innerlab.gui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import org.innerlab.env.GridView;

/**
 * Draws what a watcher sees, for both the MASON window and the exported frames (one renderer, so a
 * slide shows exactly what the window showed): the board in {@link Palette} colours, the policy
 * overlay — in each open cell an arrow for the most likely action (a ring for a no-op), opaque in
 * proportion to its probability — and the agent as a blue disc carrying its own cell's arrow in white.
 */
public final class BoardPainter {
    private static final Color GRID_LINE = new Color(0, 0, 0, 40);
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font BOLD = FONT.deriveFont(Font.BOLD);
    /** Width in pixels of the column that holds a probe's bar, in frames and in the window. */
    static final int PROBE_COLUMN = 96;
    /** The bar's fill above one half. */
    static final Color PROBE_HIGH = new Color(200, 40, 40);
    private static final Color PROBE_LOW = new Color(150, 150, 150);

    private BoardPainter() {
    }

    /**
     * Paints the board into the rectangle {@code area}, cells square and centred in it.
     *
     * @param map         the overlay, or null for none
     * @param values      the value heat map drawn under the arrows, or null for none
     * @param actionNames the environment's action names (their direction is read from the name)
     */
    public static void paintBoard(Graphics2D g, GridView view, PolicyMap map, ValueMap values,
                                  List<String> actionNames, Rectangle2D area) {
        int w = view.width();
        int h = view.height();
        double cell = Math.min(area.getWidth() / w, area.getHeight() / h);
        double x0 = area.getX() + (area.getWidth() - cell * w) / 2;
        double y0 = area.getY() + (area.getHeight() - cell * h) / 2;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        Rectangle2D.Double r = new Rectangle2D.Double();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int type = view.cell(x, y);
                r.setRect(x0 + x * cell, y0 + y * cell, cell, cell);
                g.setColor(Palette.of(type, view.cellTypeName(type)));
                double v = values == null ? Double.NaN : values.value(x, y);
                if (!Double.isNaN(v)) {
                    g.setColor(Palette.ramp(values.fraction(v)));
                }
                g.fill(r);
                g.setColor(GRID_LINE);
                g.setStroke(new BasicStroke(1f));
                g.draw(r);
            }
        }
        int ax = view.agentX();
        int ay = view.agentY();
        if (values != null) {
            markItems(g, view, values, x0, y0, cell);
        }
        if (map != null) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int a = map.action(x, y);
                    if (a >= 0 && !(x == ax && y == ay)) {
                        // On the heat map's dark end black arrows vanish: there they are white.
                        Color ink = values == null || Double.isNaN(values.value(x, y)) ? Color.BLACK
                                : Palette.ink(Palette.ramp(values.fraction(values.value(x, y))));
                        arrow(g, actionNames.get(a), x0 + (x + 0.5) * cell, y0 + (y + 0.5) * cell, cell,
                                withAlpha(ink, map.probability(x, y)));
                    }
                }
            }
        }
        double cx = x0 + (ax + 0.5) * cell;
        double cy = y0 + (ay + 0.5) * cell;
        Ellipse2D disc = new Ellipse2D.Double(cx - 0.42 * cell, cy - 0.42 * cell, 0.84 * cell, 0.84 * cell);
        g.setColor(Palette.AGENT);
        g.fill(disc);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke((float) Math.max(1, cell / 16)));
        g.draw(disc);
        if (map != null && map.action(ax, ay) >= 0) {
            arrow(g, actionNames.get(map.action(ax, ay)), cx, cy, cell, withAlpha(Color.WHITE, map.probability(ax, ay)));
        }
    }

    /**
     * With a heat map on, coloured cells the agent cannot stand in (coin, goal, lava, ...) could be
     * taken for heat-map cells: each gets a black frame and its glyph, so it reads as an object.
     */
    private static void markItems(Graphics2D g, GridView view, ValueMap values, double x0, double y0, double cell) {
        Font glyphFont = BOLD.deriveFont((float) (cell * 0.5));
        for (int y = 0; y < view.height(); y++) {
            for (int x = 0; x < view.width(); x++) {
                int type = view.cell(x, y);
                Color c = Palette.of(type, view.cellTypeName(type));
                if (!Double.isNaN(values.value(x, y)) || c.equals(Palette.SOLID) || c.equals(Palette.OPEN)) {
                    continue;
                }
                double inset = Math.max(1, cell / 16);
                g.setColor(Color.BLACK);
                g.setStroke(new BasicStroke((float) (2 * inset)));
                g.draw(new Rectangle2D.Double(x0 + x * cell + inset, y0 + y * cell + inset, cell - 2 * inset,
                        cell - 2 * inset));
                String glyph = String.valueOf(view.glyph(type));
                g.setFont(glyphFont);
                FontMetrics fm = g.getFontMetrics();
                g.setColor(Palette.ink(c));
                g.drawString(glyph, (float) (x0 + (x + 0.5) * cell - fm.stringWidth(glyph) / 2.0),
                        (float) (y0 + (y + 0.5) * cell + (fm.getAscent() - fm.getDescent()) / 2.0));
            }
        }
    }

    private static Color withAlpha(Color c, double p) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(255 * Math.max(0, Math.min(1, p))));
    }

    /** An arrow centred on ({@code cx}, {@code cy}) pointing the way the action named {@code action} moves. */
    private static void arrow(Graphics2D g, String action, double cx, double cy, double cell, Color color) {
        double angle;
        switch (action.toUpperCase(Locale.ROOT)) {
            case "RIGHT" -> angle = 0;
            case "DOWN" -> angle = Math.PI / 2;
            case "LEFT" -> angle = Math.PI;
            case "UP" -> angle = -Math.PI / 2;
            default -> {
                // No direction (a no-op, or an action named otherwise): a ring, so it is not mistaken for a move.
                g.setColor(color);
                g.setStroke(new BasicStroke((float) Math.max(1, cell / 14)));
                g.draw(new Ellipse2D.Double(cx - 0.15 * cell, cy - 0.15 * cell, 0.3 * cell, 0.3 * cell));
                return;
            }
        }
        double len = 0.62 * cell;
        Path2D.Double shape = new Path2D.Double();
        // An arrow pointing right, from -len/2 to +len/2, rotated into place.
        double shaft = 0.07 * cell;
        double head = 0.22 * cell;
        shape.moveTo(-len / 2, -shaft);
        shape.lineTo(len / 2 - head, -shaft);
        shape.lineTo(len / 2 - head, -head);
        shape.lineTo(len / 2, 0);
        shape.lineTo(len / 2 - head, head);
        shape.lineTo(len / 2 - head, shaft);
        shape.lineTo(-len / 2, shaft);
        shape.closePath();
        AffineTransform at = AffineTransform.getTranslateInstance(cx, cy);
        at.rotate(angle);
        g.setColor(color);
        g.fill(at.createTransformedShape(shape));
    }

    /**
     * A whole exported frame: a title line, the board with its overlay, a status line (both ledgers,
     * events, outcome) and a legend of the cell types on the board.
     *
     * @param cellPixels side of a cell in pixels
     */
    public static BufferedImage frame(Watch watch, int cellPixels) {
        GridView view = watch.environment().view();
        int pad = 8;
        int line = 18;
        int boardW = view.width() * cellPixels;
        int boardH = view.height() * cellPixels;
        // With a probe, a column right of the board holds its score as a bar.
        int probeColumn = watch.probe() == null ? 0 : PROBE_COLUMN;
        int width = Math.max(boardW + 2 * pad, 420) + probeColumn;
        ValueMap values = watch.valueMap();
        int height = pad + line + pad / 2 + boardH + pad + (values == null ? 3 : 4) * line + pad;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            g.setFont(BOLD);
            FontMetrics fm = g.getFontMetrics();
            int baseline = pad + fm.getAscent();
            g.drawString(watch.environment().spec().id() + "  ·  " + watch.distribution() + "  ·  episode "
                    + watch.episode() + "  ·  step " + watch.steps(), pad, baseline);
            int top = pad + line + pad / 2;
            paintBoard(g, view, watch.policyMap(), values, watch.environment().spec().actions(),
                    new Rectangle2D.Double((width - probeColumn - boardW) / 2.0, top, boardW, boardH));
            if (probeColumn > 0) {
                probeBar(g, watch.probe().name(), watch.probeScore(), width - probeColumn, top, probeColumn - pad,
                        boardH);
            }
            g.setFont(FONT);
            g.setColor(Color.BLACK);
            baseline = top + boardH + pad + fm.getAscent();
            g.drawString(String.format(Locale.ROOT, "return %.1f  (true %.1f)   events: %s   %s",
                    watch.episodeReturn(), watch.trueReturn(), watch.eventsSoFar(), watch.outcome()), pad, baseline);
            legend(g, view, pad, baseline + line - fm.getAscent(), line);
            if (values != null) {
                rampLegend(g, values, pad, baseline + 3 * line - fm.getAscent(), line);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * The probe's name, a vertical bar filled from the bottom to its P(positive) (red above ½, grey below)
     * and the number, in the column at ({@code left}, {@code top}); the window's {@link BoardPortrayal}
     * paints the same bar.
     */
    static void probeBar(Graphics2D g, String name, double p, int left, int top, int width, int height) {
        g.setFont(FONT);
        FontMetrics fm = g.getFontMetrics();
        int line = fm.getHeight();
        g.setColor(Color.BLACK);
        g.drawString("probe", left, top + fm.getAscent());
        g.drawString(name, left, top + line + fm.getAscent());
        int barTop = top + 2 * line + 4;
        int barHeight = Math.max(line, height - 3 * line - 8);
        int barWidth = Math.min(24, width);
        int filled = (int) Math.round(barHeight * (Double.isNaN(p) ? 0 : p));
        g.setColor(p > 0.5 ? PROBE_HIGH : PROBE_LOW);
        g.fillRect(left, barTop + barHeight - filled, barWidth, filled);
        g.setColor(Color.GRAY);
        g.drawRect(left, barTop, barWidth, barHeight);
        g.setColor(Color.BLACK);
        g.drawString(String.format(Locale.ROOT, "P=%.2f", p), left, barTop + barHeight + 4 + fm.getAscent());
    }

    /** The value ramp as a strip from the board's lowest to its highest estimate, labelled at both ends. */
    private static void rampLegend(Graphics2D g, ValueMap values, int left, int top, int line) {
        FontMetrics fm = g.getFontMetrics();
        int baseline = top + fm.getAscent();
        String name = values.label() + " by cell:";
        g.setColor(Color.BLACK);
        g.drawString(name, left, baseline);
        int x = left + fm.stringWidth(name) + 6;
        String low = String.format(Locale.ROOT, "%.2f", values.min());
        g.drawString(low, x, baseline);
        x += fm.stringWidth(low) + 4;
        int strip = 120;
        for (int i = 0; i < strip; i++) {
            g.setColor(Palette.ramp(i / (strip - 1.0)));
            g.fillRect(x + i, top + 3, 1, line - 8);
        }
        g.setColor(Color.GRAY);
        g.drawRect(x, top + 3, strip, line - 8);
        g.setColor(Color.BLACK);
        g.drawString(String.format(Locale.ROOT, "%.2f", values.max()), x + strip + 4, baseline);
    }

    /** Swatches for the cell types present on the board, then the agent and the arrow. */
    private static void legend(Graphics2D g, GridView view, int left, int top, int line) {
        int x = left;
        boolean[] present = new boolean[view.cellTypes()];
        for (int y = 0; y < view.height(); y++) {
            for (int cx = 0; cx < view.width(); cx++) {
                present[view.cell(cx, y)] = true;
            }
        }
        FontMetrics fm = g.getFontMetrics();
        int box = line - 6;
        int baseline = top + fm.getAscent();
        for (int t = 0; t < present.length; t++) {
            if (!present[t]) {
                continue;
            }
            g.setColor(Palette.of(t, view.cellTypeName(t)));
            g.fillRect(x, top + 2, box, box);
            g.setColor(Color.GRAY);
            g.drawRect(x, top + 2, box, box);
            g.setColor(Color.BLACK);
            String name = view.cellTypeName(t);
            g.drawString(name, x + box + 4, baseline);
            x += box + 4 + fm.stringWidth(name) + 12;
        }
        g.setColor(Palette.AGENT);
        g.fillOval(x, top + 2, box, box);
        g.setColor(Color.BLACK);
        g.drawString("agent", x + box + 4, baseline);
        g.drawString("arrow: the policy's likeliest move from that cell; opacity = its probability", left, baseline + line);
    }
}
