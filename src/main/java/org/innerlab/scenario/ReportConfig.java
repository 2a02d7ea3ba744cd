package org.innerlab.scenario;

import java.util.List;

/**
 * What the HTML report shows beyond tables and charts.
 *
 * @param animations distributions to record an animation of (run 0 of point 0 playing them), in order;
 *                   empty for none
 * @param frames     frames per animation
 */
public record ReportConfig(List<String> animations, int frames) {
    /** Frames per animation when the scenario does not say: 15 s at the recorder's four frames a second. */
    public static final int DEFAULT_FRAMES = 60;
    /** The most frames an animation may have: each is embedded in the self-contained report. */
    public static final int MAX_FRAMES = 600;
    /** No animations. */
    public static final ReportConfig NONE = new ReportConfig(List.of(), DEFAULT_FRAMES);

    public ReportConfig {
        animations = List.copyOf(animations);
    }
}
