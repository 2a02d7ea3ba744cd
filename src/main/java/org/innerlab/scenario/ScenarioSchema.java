package org.innerlab.scenario;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.innerlab.env.EnvSpec;
import org.innerlab.env.Params;
import org.innerlab.scenario.Node.Entry;
import org.innerlab.scenario.Node.Mapping;

/**
 * The scenario schema: turns a located tree into a {@link Scenario}, filling defaults and checking
 * every key, type, range and name (the format is documented in {@code package-info.java}). It reads
 * the top level and hands each section to its reader, in the order the sections depend on each other:
 * environment, learner, data, training, evaluation, report ({@link EnvironmentSection},
 * {@link LearnerSection}, {@link DataSection}, {@link TrainingSection}, {@link EvaluationSection},
 * {@link ReportSection}); each reader owns its error messages. The base scenario (everything but
 * {@code sweep} and {@code charts}) is built first, because sweep values are validated by substituting
 * them into it ({@link Sweeps}) and charts ({@link ChartsSection}) and claims ({@link ClaimsSection}) refer to
 * the sweep's keys.
 */
final class ScenarioSchema {
    static final int MAX_SEEDS = 10_000;
    static final long MAX_STEPS = 10_000_000_000L;
    static final int MAX_EPISODES = 10_000_000;

    static final Pattern NAME = Pattern.compile("[a-z0-9-]+");

    static final List<String> TOP = List.of("name", "description", "seed", "seeds", "environment", "learner",
            "data", "training", "evaluation", "report", "conditions", "sweep", "charts", "claims",
            "validated");

    private final Function<String, EnvSpec> specs;
    private final Path source;
    /** The environment parameter sets built without error so far by this schema (one load, or one expansion). */
    private final Set<Params> buildable = new HashSet<>();

    ScenarioSchema(Function<String, EnvSpec> specs, Path source) {
        this.specs = specs;
        this.source = source;
    }

    /** The whole scenario. */
    Scenario scenario(Node root) {
        Section top = top(root);
        Scenario plain = base(top.map().without("sweep").without("charts").without("conditions").without("claims")
                .without("validated"));
        Conditions conditions = conditions(top.get("conditions"), plain);
        Scenario base = new Scenario(plain.name(), plain.description(), plain.seed(), plain.seeds(),
                plain.environment(), plain.learner(), plain.data(), plain.training(), plain.evaluation(), Map.of(),
                List.of(), plain.report(), conditions, source);
        Map<String, List<Object>> sweep = Sweeps.check(this, base, top.get("sweep"));
        ReportSection.checkPersistenceBefore(top.get("report"), base, sweep);
        ReportSection.checkGapConditions(top.get("report"), base, sweep);
        ReportSection.checkAuditingKey(top.get("report"), base, sweep);
        List<ChartConfig> charts = ChartsSection.parse(top.get("charts"), sweep.keySet(), base,
                specs.apply(base.environment().id()));
        List<ClaimConfig> claims = ClaimsSection.parse(top.get("claims"), sweep, narrowed(top.get("sweep")), base,
                specs.apply(base.environment().id()));
        List<ValidatedRange> validated = ValidatedSection.parse(top.get("validated"), base, sweep);
        return new Scenario(base.name(), base.description(), base.seed(), base.seeds(), base.environment(),
                base.learner(), base.data(), base.training(), base.evaluation(), sweep, charts, base.report(), conditions,
                claims, validated, source);
    }

    /**
     * The canonical sweep keys whose values a command-line option ({@code --set sweep.k=[...]}) wrote rather
     * than the file: a claim naming a value such a sweep dropped is not checked, instead of refused.
     */
    private static Set<String> narrowed(Node sweepNode) {
        if (!(sweepNode instanceof Mapping sweep)) {
            return Set.of();
        }
        Set<String> keys = new java.util.HashSet<>();
        for (Entry e : sweep.entries()) {
            if (e.value().origin().argument() != null) {
                try {
                    keys.add(DottedPath.canonical(e.key()));
                } catch (IllegalArgumentException ex) {
                    // Sweeps.check has refused such a key already; nothing to record.
                }
            }
        }
        return keys;
    }

    /**
     * The named conditions, each checked by validating the whole scenario it makes; an error inside a
     * condition points at the condition's own key.
     */
    private Conditions conditions(Node node, Scenario plain) {
        if (node == null) {
            return Conditions.NONE;
        }
        Mapping written = Section.mapping(node, "conditions");
        if (written.entries().isEmpty()) {
            throw new ScenarioException(written.origin(), "conditions", "needs at least one condition", null);
        }
        Map<String, Mapping> overrides = new LinkedHashMap<>();
        for (Entry e : written.entries()) {
            String field = "conditions." + e.key();
            if (!NAME.matcher(e.key()).matches()) {
                throw new ScenarioException(e.keyOrigin(), field, "a condition name must match " + NAME.pattern()
                        + ", got \"" + e.key() + "\"", null);
            }
            Section.of(e.value(), field, Conditions.OVERRIDABLE);
            overrides.put(e.key(), (Mapping) e.value());
        }
        Conditions conditions = new Conditions(overrides);
        Mapping baseTree = ScenarioWriter.tree(plain).without("sweep").without("charts").without("claims")
                .without("validated");
        for (String name : conditions.names()) {
            try {
                base(conditions.apply(baseTree, name));
            } catch (ScenarioException ex) {
                throw new ScenarioException(ex.origin(), "conditions." + name + (ex.field().isEmpty() ? "" : "." + ex.field()),
                        ex.problem(), ex.hint().orElse(null));
            }
        }
        return conditions;
    }

    private static Section top(Node root) {
        if (!(root instanceof Mapping)) {
            throw new ScenarioException(root.origin(), "", "expected a map of scenario keys, got " + root.describe(),
                    null);
        }
        return Section.of(root, "", TOP);
    }

    /** Everything but the sweep and charts, which {@code root} must not hold. */
    Scenario base(Node root) {
        Section top = top(root);
        String name = Section.matching(top.require("name"), "name", NAME);
        String description = top.get("description") == null ? "" : Section.text(top.get("description"), "description");
        long seed = top.get("seed") == null ? 0 : Section.integer(top.get("seed"), "seed", Long.MIN_VALUE, Long.MAX_VALUE);
        int seeds = top.get("seeds") == null ? 1 : (int) Section.integer(top.get("seeds"), "seeds", 1, MAX_SEEDS);
        Node envNode = top.require("environment");
        EnvSpec spec = EnvironmentSection.spec(envNode, specs);
        EnvironmentConfig environment = EnvironmentSection.parse(envNode, spec, buildable);
        Set<String> distributions = environment.distributions().keySet();
        LearnerConfig learner = LearnerSection.parse(top.require("learner"), spec);
        DataConfig data = top.get("data") == null ? null
                : DataSection.parse(top.get("data"), "data", spec, distributions);
        List<StageConfig> training = TrainingSection.parse(top.require("training"), learner, spec, top.get("data"),
                distributions);
        EvaluationConfig evaluation = EvaluationSection.parse(top.get("evaluation"), environment, spec, learner,
                training.size());
        ReportConfig report = ReportSection.parse(top.get("report"), distributions);
        Scenario plain = new Scenario(name, description, seed, seeds, environment, learner, data, training, evaluation,
                Map.of(), List.of(), report, Conditions.NONE, source);
        // The table and the persistence name evaluated distributions and reported metrics: read them last.
        ReportConfig full = ReportSection.auditing(top.get("report"), plain, ReportSection.gapRecovered(top.get("report"),
                plain, spec, ReportSection.persistence(top.get("report"), plain, spec,
                        ReportSection.table(top.get("report"), plain, spec))));
        return full == report ? plain : new Scenario(name, description, seed, seeds, environment, learner, data,
                training, evaluation, Map.of(), List.of(), full, Conditions.NONE, source);
    }
}
