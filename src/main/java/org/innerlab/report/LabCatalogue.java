package org.innerlab.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.innerlab.core.ComponentInfo;
import org.innerlab.core.ParamSpec;
import org.innerlab.data.CurationType;
import org.innerlab.data.Curations;
import org.innerlab.data.Personas;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.EnvSpec;
import org.innerlab.learner.Learners;
import org.innerlab.measure.Metric;
import org.innerlab.measure.MetricCatalog;
import org.innerlab.observe.Encoders;
import org.innerlab.rater.Raters;
import org.innerlab.regime.RegimeType;
import org.innerlab.regime.Regimes;
import org.innerlab.report.ComponentDescription.Kind;
import org.innerlab.scenario.Scenario;
import org.innerlab.scenario.ScenarioException;
import org.innerlab.scenario.ScenarioLoader;

/**
 * Everything a scenario can name, for {@code innerlab list}: environments, learners, encoders, regimes,
 * raters, curation operators, teacher personas per environment, metrics, and the scenarios in a folder
 * with their descriptions. As aligned text for people, one line per component (the details are
 * {@link ComponentDescription}'s, for {@code innerlab describe}), or as JSON for tools with every
 * field and parameter.
 *
 * @param scenarios the scenarios found, in file-name order
 */
public record LabCatalogue(List<ScenarioEntry> scenarios) {
    /**
     * A scenario file.
     *
     * @param file        the file
     * @param name        its name, or null when it does not load
     * @param description its description's first sentence, or why it does not load
     */
    public record ScenarioEntry(Path file, String name, String description) {
    }

    public LabCatalogue {
        scenarios = List.copyOf(scenarios);
    }

    /** The catalogue with the {@code *.yaml} scenarios of {@code folder} (none when it is null or missing). */
    public static LabCatalogue of(Path folder) throws IOException {
        List<ScenarioEntry> entries = new ArrayList<>();
        if (folder != null && Files.isDirectory(folder)) {
            List<Path> files;
            try (Stream<Path> list = Files.list(folder)) {
                files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            }
            for (Path file : files) {
                try {
                    Scenario s = ScenarioLoader.load(file, List.of());
                    entries.add(new ScenarioEntry(file, s.name(), firstSentence(s.description())));
                } catch (ScenarioException e) {
                    entries.add(new ScenarioEntry(file, null, "does not load: " + e.getMessage()));
                }
            }
        }
        return new LabCatalogue(entries);
    }

    /**
     * The text for a terminal: one line per component with its summary, kind by kind, then the
     * scenarios; {@code innerlab describe <id>} shows the rest.
     */
    public String text() {
        StringBuilder out = new StringBuilder();
        section(out, "ENVIRONMENTS", Kind.ENVIRONMENT);
        section(out, "LEARNERS", Kind.LEARNER);
        section(out, "ENCODERS (learner.observation)", Kind.ENCODER);
        section(out, "REGIMES", Kind.REGIME);
        section(out, "RATERS", Kind.RATER);
        section(out, "CURATION (data.curation of a behaviour-cloning stage, applied in order)", Kind.CURATION);
        out.append("\nPERSONAS (per environment: demonstrators for data.good / data.bad / data.teachers, "
                + "evaluation.reference and evaluation.attack)\n");
        for (String id : Personas.environments()) {
            Personas personas = Personas.forEnvironment(EnvRegistry.spec(id));
            out.append("  ").append(id).append('\n');
            for (String name : personas.names()) {
                row(out, "  " + name, personas.persona(name).goal());
            }
        }
        out.append("\nMETRICS (per evaluation distribution; plus one per environment event: "
                + "the fraction of episodes in which it occurred)\n");
        MetricCatalog.METRICS.all().forEach(m -> row(out, m.id(), firstSentence(m.info().summary())));
        out.append("\nSCENARIOS\n");
        if (scenarios.isEmpty()) {
            out.append("  (none found)\n");
        }
        for (ScenarioEntry s : scenarios) {
            row(out, s.name() == null ? s.file().getFileName().toString() : s.name(), s.description()
                    + " [" + s.file() + "]");
        }
        out.append("\ninnerlab describe <id> shows a component's parameters, their defaults and what it combines "
                + "with.\n");
        return out.toString();
    }

    private static void section(StringBuilder out, String heading, Kind kind) {
        out.append(out.length() == 0 ? "" : "\n").append(heading).append('\n');
        ComponentIndex.of(kind).forEach(c -> row(out, c.id(), c.summary()));
    }

    /**
     * The same as JSON: an object with one array per section. Every component also has its
     * {@code summary}, {@code paper} and {@code parameters} (each: name, type, default, min and max or
     * choices, doc); {@code params}, where an entry has it, stays the list of parameter names.
     */
    public String json() {
        Map<String, Object> root = new LinkedHashMap<>();
        List<Object> environments = new ArrayList<>();
        for (EnvRegistry.Entry e : EnvRegistry.entries().values()) {
            EnvSpec s = e.spec();
            Map<String, Object> env = new LinkedHashMap<>();
            env.put("id", s.id());
            env.put("version", Integer.parseInt(s.id().substring(s.id().lastIndexOf("-v") + 2)));
            env.put("description", s.description());
            env.put("intended_goal", s.intendedGoal());
            env.put("actions", s.actions());
            env.put("events", s.events());
            env.put("features", s.features());
            env.put("proxies", s.proxies().stream().map(p -> p.name()).toList());
            env.put("counters", s.counters());
            env.put("params", s.params().stream().map(p -> p.name()).toList());
            if (s.oversight() != null) {
                Map<String, Object> oversight = new LinkedHashMap<>();
                oversight.put("parameter", s.oversight().parameter());
                oversight.put("observed", s.oversight().observed());
                oversight.put("unobserved", s.oversight().unobserved());
                oversight.put("misbehaviour", s.oversight().misbehaviour());
                oversight.put("identical_observed_reward", s.oversight().identicalObservedReward());
                env.put("oversight", oversight);
            } else {
                env.put("oversight", null);
            }
            environments.add(declared(env, e.info(), s.params()));
        }
        root.put("environments", environments);
        root.put("learners", Learners.TYPES.all().stream()
                .map(l -> declared(named("type", l.id(), l.info().summary()), l.info(), l.info().params())).toList());
        root.put("encoders", Encoders.TYPES.all().stream()
                .map(e -> declared(named("id", e.id(), e.info().summary()), e.info(), e.info().params())).toList());
        List<Object> regimes = new ArrayList<>();
        for (RegimeType r : Regimes.TYPES.all()) {
            Map<String, Object> regime = named("regime", r.id(), r.info().summary());
            regime.put("learners", Regimes.learnerTypesTrainedBy(r));
            regimes.add(declared(regime, r.info(), r.info().params()));
        }
        root.put("regimes", regimes);
        root.put("raters", Raters.TYPES.all().stream()
                .map(r -> declared(named("name", r.id(), r.info().summary()), r.info(), r.info().params())).toList());
        List<Object> curation = new ArrayList<>();
        for (CurationType c : Curations.TYPES.all()) {
            Map<String, Object> operator = named("operator", c.id(), c.info().summary());
            operator.put("params", c.info().params().stream().map(p -> p.name()).toList());
            curation.add(declared(operator, c.info(), c.info().params()));
        }
        root.put("curation", curation);
        List<Object> personas = new ArrayList<>();
        for (String id : Personas.environments()) {
            Personas forEnvironment = Personas.forEnvironment(EnvRegistry.spec(id));
            for (Personas.Persona p : forEnvironment.registry().all()) {
                Map<String, Object> persona = new LinkedHashMap<>();
                persona.put("environment", id);
                persona.put("persona", p.name());
                persona.put("goal", p.goal());
                personas.add(declared(persona, p.info(), p.info().params()));
            }
        }
        root.put("personas", personas);
        List<Object> metrics = new ArrayList<>();
        for (Metric m : MetricCatalog.METRICS.all()) {
            Map<String, Object> metric = named("name", m.id(), m.info().summary());
            metric.put("source", m.info().paper());
            metrics.add(declared(metric, m.info(), m.info().params()));
        }
        root.put("metrics", metrics);
        List<Object> found = new ArrayList<>();
        for (ScenarioEntry s : scenarios) {
            Map<String, Object> scenario = new LinkedHashMap<>();
            scenario.put("name", s.name());
            scenario.put("file", s.file().toString());
            scenario.put("description", s.description());
            found.add(scenario);
        }
        root.put("scenarios", found);
        return Json.write(root, Json.Layout.LISTING);
    }

    /** {@code entry} with what its component declares added: summary, paper and parameters. */
    private static Map<String, Object> declared(Map<String, Object> entry, ComponentInfo info, List<ParamSpec> params) {
        entry.put("summary", info.summary());
        entry.put("paper", info.paper());
        entry.put("parameters", ComponentDescription.paramTrees(params));
        return entry;
    }

    private static Map<String, Object> named(String key, String name, String description) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put(key, name);
        entry.put("description", description);
        return entry;
    }

    private static void row(StringBuilder out, String name, String description) {
        out.append(String.format("  %-32s %s%n", name, description));
    }

    /** The text up to and including its first ". ", with whitespace runs collapsed. */
    static String firstSentence(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.strip().replaceAll("\\s+", " ");
        int end = flat.indexOf(". ");
        return end < 0 ? flat : flat.substring(0, end + 1);
    }
}
