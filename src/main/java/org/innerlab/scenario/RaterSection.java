package org.innerlab.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.innerlab.core.ParamSet;
import org.innerlab.core.ParamSpec;
import org.innerlab.env.EnvSpec;
import org.innerlab.rater.RaterType;
import org.innerlab.rater.Raters;
import org.innerlab.scenario.Node.Mapping;

/** A training stage's {@code rater}: who scores the RL stage's episodes ({@link Raters}). */
final class RaterSection {
    /** The rater of a stage that names none: the environment's own (observed) reward. */
    static final String DEFAULT_RATER = "environment";
    /** The key of a rater map that names the rater; its other keys are the rater's parameters. */
    static final String NAME_KEY = "name";

    private RaterSection() {
    }

    /**
     * A stage's rater: a catalog name ({@code rater: true}) or a map of the name and the rater's
     * parameters ({@code rater: {name: blind-spot, event: entered_punishment_tile, bonus: 30}}),
     * checked against the rater's declarations for this environment, defaults filled.
     */
    static Choice parse(Node node, String field, EnvSpec spec) {
        Mapping written = node instanceof Mapping m ? m : null;
        Node nameNode = written == null ? node : Section.of(node, field, keysOf(written)).require(NAME_KEY);
        String nameField = written == null ? field : field + "." + NAME_KEY;
        String name = Section.oneOf(nameNode, nameField, Raters.TYPES.ids(), "rater");
        RaterType type = Raters.TYPES.require(name);
        List<ParamSpec> declared;
        try {
            declared = type.params(spec);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(nameNode.origin(), nameField, e.getMessage(), null);
        }
        String owner = "rater " + name;
        Map<String, Object> overrides = written == null ? Map.of()
                : Section.params(written.without(NAME_KEY), field, declared, owner);
        for (String required : type.required()) {
            if (!overrides.containsKey(required)) {
                String example = declared.stream().filter(p -> p.name().equals(required)).findFirst()
                        .map(p -> p.expectation()).orElse("");
                throw new ScenarioException(written == null ? node.origin() : written.origin(),
                        field + "." + required, "rater " + name + " needs parameter '" + required + "'",
                        "write rater: {name: " + name + ", " + required + ": ...} with " + example);
            }
        }
        return new Choice(name, ParamSet.resolve(owner, declared, overrides));
    }

    /** A stage's rater: its catalog name and its resolved parameters. */
    record Choice(String name, Map<String, Object> params) {
    }

    /** The keys written in {@code m}: opening the map with them alone reports only a missing {@code name}. */
    private static List<String> keysOf(Mapping m) {
        List<String> keys = new ArrayList<>();
        m.entries().forEach(e -> keys.add(e.key()));
        return keys;
    }
}
