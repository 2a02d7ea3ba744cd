package org.innerlab.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.innerlab.data.CurationType;
import org.innerlab.data.Curations;
import org.innerlab.data.Personas;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.EnvSpec;
import org.innerlab.learner.LearnerType;
import org.innerlab.learner.Learners;
import org.innerlab.measure.MetricCatalog;
import org.innerlab.rater.RaterType;
import org.innerlab.rater.Raters;
import org.innerlab.regime.RegimeType;
import org.innerlab.regime.Regimes;
import org.innerlab.scenario.Scenario;
import org.innerlab.scenario.ScenarioException;
import org.innerlab.scenario.ScenarioLoader;

/**
 * Everything a scenario can name, for {@code innerlab list}: environments (id, version, description,
 * intended goal, events, features, oversight), learners, regimes, raters, curation operators,
 * teacher personas per environment, metrics, and the scenarios
 * in a folder with their descriptions. As aligned text for people, or as JSON for tools.
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

    /** The text for a terminal. */
    public String text() {
        StringBuilder out = new StringBuilder();
        out.append("ENVIRONMENTS\n");
        for (EnvRegistry.Entry e : EnvRegistry.entries().values()) {
            EnvSpec s = e.spec();
            row(out, s.id(), s.description());
            detail(out, "intended goal", s.intendedGoal());
            detail(out, "events", String.join(", ", s.events()));
            detail(out, "features", s.features().isEmpty() ? "none" : String.join(", ", s.features()));
            if (!s.proxies().isEmpty()) {
                detail(out, "proxies", String.join("; ", s.proxies().stream()
                        .map(p -> p.name() + " (" + p.description() + ")").toList()));
            }
            if (!s.counters().isEmpty()) {
                detail(out, "counters", String.join(", ", s.counters()));
            }
            if (s.oversight() != null) {
                detail(out, "oversight", s.oversight().parameter() + " (observed: " + s.oversight().observed()
                        + ", unobserved: " + s.oversight().unobserved() + "); misbehaviour: "
                        + s.oversight().misbehaviour()
                        + (s.oversight().identicalObservedReward() ? "; same observed reward watched or not" : ""));
            }
        }
        out.append("\nLEARNERS\n");
        Learners.TYPES.all().forEach(l -> row(out, l.id(), l.info().summary()));
        out.append("\nREGIMES\n");
        Regimes.TYPES.all().forEach(r -> row(out, r.id(), r.info().summary() + " (trains: "
                + String.join(", ", Regimes.learnerTypesTrainedBy(r)) + ")"));
        out.append("\nRATERS\n");
        Raters.TYPES.all().forEach(r -> row(out, r.id(), r.info().summary()));
        out.append("\nCURATION (data.curation of a behaviour-cloning stage, applied in order)\n");
        Curations.TYPES.all().forEach(c -> {
            row(out, c.id(), c.info().summary());
            detail(out, "params", c.info().params().stream()
                    .map(p -> p.name() + " = " + p.defaultValue() + " (" + p.doc() + ")").collect(Collectors.joining("; ")));
        });
        out.append("\nPERSONAS (demonstrators for data.good / data.bad / data.teachers, evaluation.reference and "
                + "evaluation.attack)\n");
        for (String id : Personas.environments()) {
            Personas personas = Personas.forEnvironment(EnvRegistry.spec(id));
            out.append("  ").append(id).append('\n');
            for (String name : personas.names()) {
                row(out, "  " + name, personas.persona(name).goal());
            }
        }
        out.append("\nMETRICS (per evaluation distribution; plus one per environment event: "
                + "the fraction of episodes in which it occurred)\n");
        MetricCatalog.entries().values().forEach(m -> row(out, m.name(), firstSentence(m.description())));
        out.append("\nSCENARIOS\n");
        if (scenarios.isEmpty()) {
            out.append("  (none found)\n");
        }
        for (ScenarioEntry s : scenarios) {
            row(out, s.name() == null ? s.file().getFileName().toString() : s.name(), s.description()
                    + " [" + s.file() + "]");
        }
        return out.toString();
    }

    /** The same as JSON: an object with one array per section. */
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
            environments.add(env);
        }
        root.put("environments", environments);
        root.put("learners", Learners.TYPES.all().stream()
                .map(l -> named("type", l.id(), l.info().summary())).toList());
        List<Object> regimes = new ArrayList<>();
        for (RegimeType r : Regimes.TYPES.all()) {
            Map<String, Object> regime = named("regime", r.id(), r.info().summary());
            regime.put("learners", Regimes.learnerTypesTrainedBy(r));
            regimes.add(regime);
        }
        root.put("regimes", regimes);
        root.put("raters", Raters.TYPES.all().stream()
                .map(r -> named("name", r.id(), r.info().summary())).toList());
        List<Object> curation = new ArrayList<>();
        for (CurationType c : Curations.TYPES.all()) {
            Map<String, Object> operator = named("operator", c.id(), c.info().summary());
            operator.put("params", c.info().params().stream().map(p -> p.name()).toList());
            curation.add(operator);
        }
        root.put("curation", curation);
        List<Object> personas = new ArrayList<>();
        for (String id : Personas.environments()) {
            Personas forEnvironment = Personas.forEnvironment(EnvRegistry.spec(id));
            for (String name : forEnvironment.names()) {
                Map<String, Object> persona = new LinkedHashMap<>();
                persona.put("environment", id);
                persona.put("persona", name);
                persona.put("goal", forEnvironment.persona(name).goal());
                personas.add(persona);
            }
        }
        root.put("personas", personas);
        List<Object> metrics = new ArrayList<>();
        for (MetricCatalog.Entry m : MetricCatalog.entries().values()) {
            Map<String, Object> metric = named("name", m.name(), m.description());
            metric.put("source", m.source());
            metrics.add(metric);
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

    private static Map<String, Object> named(String key, String name, String description) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put(key, name);
        entry.put("description", description);
        return entry;
    }

    private static void row(StringBuilder out, String name, String description) {
        out.append(String.format("  %-32s %s%n", name, description));
    }

    private static void detail(StringBuilder out, String key, String value) {
        out.append(String.format("  %-32s   %s: %s%n", "", key, value));
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
