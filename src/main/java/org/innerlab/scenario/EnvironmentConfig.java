package org.innerlab.scenario;

import java.util.Map;

/**
 * The environment of a scenario.
 *
 * @param id            registered versioned id
 * @param params        parameters shared by every distribution (already validated against the id's spec)
 * @param distributions named distributions → parameter overrides on top of {@code params}; always
 *                      contains {@code train} (what training sees), usually {@code test}
 */
public record EnvironmentConfig(String id, Map<String, Object> params, Map<String, Map<String, Object>> distributions) {
}
