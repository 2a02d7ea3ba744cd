package org.innerlab.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.innerlab.env.EnvSpec;
import org.innerlab.scenario.Node.Entry;
import org.innerlab.scenario.Node.Mapping;

/**
 * Loads scenario files: YAML → located tree → {@code --set} overrides applied → validated
 * {@link Scenario}. Every problem is a {@link ScenarioException} pointing at the file, line and column
 * (or the {@code --set} argument) to fix. Loading never writes anything; files and {@code --set} values
 * are held to the same limits of size, line length and nesting ({@link YamlReader}). The file format is
 * documented in the package documentation ({@code package-info.java}).
 */
public final class ScenarioLoader {
    private ScenarioLoader() {
    }

    /** Loads {@code file} with {@code sets} applied, environments from {@link org.innerlab.env.EnvRegistry}. */
    public static Scenario load(Path file, List<String> sets) {
        return load(file, sets, EnvSpecLookup.registry());
    }

    /**
     * Loads {@code file} with {@code sets} applied.
     *
     * @param sets  {@code dotted.path=value} overrides, applied in order before validation; the value is
     *              parsed as YAML ({@code [0,5,25]} is a list, {@code 20} an integer, {@code foo} a string)
     * @param specs environment spec by id (null for unknown); an {@link EnvSpecLookup} also lists its ids
     *              for suggestions
     * @throws ScenarioException when the file cannot be read or anything in it or in {@code sets} is invalid
     */
    public static Scenario load(Path file, List<String> sets, Function<String, EnvSpec> specs) {
        return load(ScenarioFile.read(file), file.toString(), file, sets, specs);
    }

    /**
     * Parses a scenario from text, e.g. in tests.
     *
     * @param sourceName the name used in error messages; the scenario's {@code source} is null
     */
    public static Scenario parse(String yamlText, String sourceName, List<String> sets,
                                 Function<String, EnvSpec> specs) {
        return load(yamlText, sourceName, null, sets, specs);
    }

    private static Scenario load(String text, String sourceName, Path source, List<String> sets,
                                 Function<String, EnvSpec> specs) {
        Node root = YamlReader.read(text, sourceName);
        root = applySets(root, sets);
        return new ScenarioSchema(specs, source).scenario(root);
    }

    /** {@code root} with every {@code path=value} override set; a path that is swept cannot also be set. */
    static Node applySets(Node root, List<String> sets) {
        List<Origin> scalarSets = new ArrayList<>();
        for (String set : sets) {
            int eq = set.indexOf('=');
            if (eq <= 0) {
                throw new ScenarioException(Origin.option("--set", set, null), "", "expected path=value",
                        "e.g. environment.params.width=20");
            }
            String pathText = set.substring(0, eq).trim();
            List<String> path;
            try {
                path = DottedPath.parse(pathText);
            } catch (IllegalArgumentException e) {
                throw new ScenarioException(Origin.option("--set", set, null), "", e.getMessage(),
                        "e.g. training[0].params.learning_rate=0.1");
            }
            Origin origin = Origin.option("--set", set, String.join(".", path));
            root = DottedPath.set(root, path, YamlReader.readValue(set.substring(eq + 1), origin, path), origin);
            if (!path.get(0).equals("sweep")) {
                scalarSets.add(origin);
            }
        }
        if (root instanceof Mapping m && m.get("sweep") instanceof Mapping sweep) {
            for (Origin set : scalarSets) {
                for (Entry e : sweep.entries()) {
                    if (sameKey(e.key(), set.subject())) {
                        throw new ScenarioException(set, set.subject(), "is swept, so a single value would be"
                                + " overridden at every point", "set sweep." + set.subject() + "=[...] instead");
                    }
                }
            }
        }
        return root;
    }

    private static boolean sameKey(String sweepKey, String path) {
        try {
            return DottedPath.canonical(sweepKey).equals(path);
        } catch (IllegalArgumentException invalid) {
            return false;
        }
    }
}
