package org.innerlab.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A validated scenario: what to train, how, how to evaluate, and what to sweep. Immutable; every
 * default is filled in, so a resolved scenario written back out reproduces the run exactly.
 *
 * @param name        short id used for the output folder ({@code [a-z0-9-]+})
 * @param description what the scenario shows, in prose
 * @param seed        master seed; run {@code i} of sweep point {@code k} derives its streams from (seed, k, i)
 * @param seeds       independent runs per sweep point
 * @param environment environment id, parameters and named distributions
 * @param learner     learner type, observation and learner parameters
 * @param training    training stages, run in order on the same learner
 * @param evaluation  evaluation episodes and distributions
 * @param sweep       dotted scenario path → values, in file order; the sweep is the cartesian product
 * @param charts      charts to draw from the summary
 * @param source      the file this came from (for messages), or null
 */
public record Scenario(String name, String description, long seed, int seeds,
                       EnvironmentConfig environment, LearnerConfig learner, List<StageConfig> training,
                       EvaluationConfig evaluation, Map<String, List<Object>> sweep, List<ChartConfig> charts,
                       Path source) {
    public Scenario {
        Objects.requireNonNull(name, "name");
        training = List.copyOf(training);
        charts = List.copyOf(charts);
    }
}
