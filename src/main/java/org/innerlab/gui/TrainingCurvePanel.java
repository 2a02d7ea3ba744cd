package org.innerlab.gui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.util.Locale;
import javax.swing.JFrame;
import javax.swing.JPanel;
import javax.swing.Timer;

/**
 * A live plot of a {@link TrainingCurve}: observed and true return per training episode, each a
 * trailing moving average, against the episode number. A plain Swing panel (MASON's own charts need a
 * JFreeChart version this project does not ship); it repaints itself a few times a second while shown,
 * so it follows training as it happens.
 */
public final class TrainingCurvePanel extends JPanel {
    private static final long serialVersionUID = 1L;
    /** Observed return: Okabe–Ito vermillion. */
    static final Color OBSERVED = Palette.VERMILLION;
    /** True return: Okabe–Ito bluish green (distinct from vermillion with the common deficiencies). */
    static final Color TRUE = Palette.BLUISH_GREEN;
    private static final int REFRESH_MILLIS = 250;

    private final transient TrainingCurve curve;
    private final Timer timer;

    public TrainingCurvePanel(TrainingCurve curve) {
        this.curve = curve;
        setBackground(Color.WHITE);
        setPreferredSize(new Dimension(460, 260));
        timer = new Timer(REFRESH_MILLIS, e -> repaint());
    }

    /** A window holding a panel for {@code curve}, packed but not yet visible. */
    public static JFrame frame(TrainingCurve curve, String title) {
        JFrame frame = new JFrame(title);
        frame.setDefaultCloseOperation(JFrame.DISPOSE_ON_CLOSE);
        frame.add(new TrainingCurvePanel(curve));
        frame.pack();
        return frame;
    }

    @Override
    public void addNotify() {
        super.addNotify();
        timer.start();
    }

    @Override
    public void removeNotify() {
        timer.stop();
        super.removeNotify();
    }

    /** Smooths over about a twentieth of the episodes so far, at least one and at most 500. */
    static int window(int episodes) {
        return Math.max(1, Math.min(500, episodes / 20));
    }

    @Override
    protected void paintComponent(Graphics graphics) {
        super.paintComponent(graphics);
        Graphics2D g = (Graphics2D) graphics.create();
        try {
            paintCurve(g, curve.snapshot(), getWidth(), getHeight());
        } finally {
            g.dispose();
        }
    }

    /** Draws {@code data} into a {@code width} × {@code height} area at the origin. */
    static void paintCurve(Graphics2D g, TrainingCurve.Snapshot data, int width, int height) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        FontMetrics fm = g.getFontMetrics();
        int n = data.episodes();
        int window = window(n);
        double[] obs = TrainingCurve.smoothed(data.observed(), window);
        double[] tru = TrainingCurve.smoothed(data.trueReturn(), window);
        double lo = n == 0 ? 0 : Math.min(0, Math.min(min(obs), min(tru)));
        double hi = n == 0 ? 1 : Math.max(lo + 1e-9, Math.max(max(obs), max(tru)));
        String hiLabel = String.format(Locale.ROOT, "%.2f", hi);
        String loLabel = String.format(Locale.ROOT, "%.2f", lo);
        // The axis sits right of its widest label, so a long negative value is never cut off.
        int left = Math.max(48, 8 + Math.max(fm.stringWidth(hiLabel), fm.stringWidth(loLabel)));
        int right = width - 12;
        int top = 10 + 2 * fm.getHeight();
        int bottom = height - 10 - 2 * fm.getHeight();
        g.setColor(Color.BLACK);
        g.drawString(n == 0 ? "training curve: no training episodes (yet)"
                : String.format(Locale.ROOT, "training curve: %d episodes, mean of the last %d", n, window),
                left, 10 + fm.getAscent());
        legendEntry(g, OBSERVED, 1.5f, "observed return", left, 10 + fm.getHeight() + fm.getAscent());
        legendEntry(g, TRUE, 5f, "true return (hidden)", left + 130, 10 + fm.getHeight() + fm.getAscent());
        if (n == 0 || right - left < 10 || bottom - top < 10) {
            return;
        }
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(left, top, right - left, bottom - top);
        g.setColor(Color.BLACK);
        g.drawString(hiLabel, left - 4 - fm.stringWidth(hiLabel), top + fm.getAscent() / 2);
        g.drawString(loLabel, left - 4 - fm.stringWidth(loLabel), bottom + fm.getAscent() / 2);
        g.drawString("1", left, bottom + fm.getHeight());
        String last = Integer.toString(n);
        g.drawString(last, right - fm.stringWidth(last), bottom + fm.getHeight());
        String axis = "training episode";
        g.drawString(axis, (left + right - fm.stringWidth(axis)) / 2, bottom + 2 * fm.getHeight());
        // True return wide underneath, observed narrow on top: where the two agree (no proxy gap) both still show.
        line(g, tru, TRUE, 5f, lo, hi, left, right, top, bottom);
        line(g, obs, OBSERVED, 1.5f, lo, hi, left, right, top, bottom);
    }

    private static void legendEntry(Graphics2D g, Color color, float width, String text, int x, int baseline) {
        g.setColor(color);
        g.setStroke(new BasicStroke(width));
        g.drawLine(x, baseline - 4, x + 20, baseline - 4);
        g.setColor(Color.BLACK);
        g.drawString(text, x + 26, baseline);
    }

    private static void line(Graphics2D g, double[] ys, Color color, float width, double lo, double hi,
                             int left, int right, int top, int bottom) {
        Path2D.Double path = new Path2D.Double();
        int n = ys.length;
        // A vertex every few episodes is enough: more than two per pixel column cannot be seen.
        int stride = Math.max(1, n / Math.max(1, 2 * (right - left)));
        for (int k = 0; ; k += stride) {
            int i = Math.min(k, n - 1);
            double x = n == 1 ? (left + right) / 2.0 : left + (right - left) * (double) i / (n - 1);
            double y = bottom - (bottom - top) * (ys[i] - lo) / (hi - lo);
            if (i == 0) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
            if (i == n - 1) {
                break;
            }
        }
        g.setColor(color);
        g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(path);
    }

    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double d : v) {
            m = Math.min(m, d);
        }
        return m;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double d : v) {
            m = Math.max(m, d);
        }
        return m;
    }
}
