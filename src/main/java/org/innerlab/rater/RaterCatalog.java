package org.innerlab.rater;

import java.util.LinkedHashMap;
import java.util.Map;

/** The raters a training stage can name, with a one-line description each. */
public final class RaterCatalog {
    private static final Map<String, String> ENTRIES = new LinkedHashMap<>();

    static {
        ENTRIES.put("environment", "the environment's observed reward");
        ENTRIES.put("true", "the hidden true objective: a perfect rater");
    }

    private RaterCatalog() {
    }

    /** Rater name → description. */
    public static Map<String, String> entries() {
        return java.util.Collections.unmodifiableMap(ENTRIES);
    }
}
