package org.innerlab.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.innerlab.data.CurationType;
import org.innerlab.data.Curations;
import org.innerlab.data.Personas;
import org.innerlab.env.EnvRegistry;
import org.innerlab.env.EnvSpec;
import org.innerlab.learner.LearnerCatalog;
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
        LearnerCatalog.entries().values().forEach(l -> row(out, l.type(), l.description()));
        out.append("\nREGIMES\n");
        Regimes.REGISTRY.all().forEach(r -> row(out, r.id(), r.info().summary() + " (trains: "
                + String.join(", ", Regimes.learnerTypesTrainedBy(r)) + ")"));
        out.append("\nRATERS\n");
        Raters.REGISTRY.all().forEach(r -> row(out, r.id(), r.info().summary()));
        out.append("\nCURATION (data.curation of a behaviour-cloning stage, applied in order)\n");
        Curations.REGISTRY.all().forEach(c -> {
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
        StringWriter text = new StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(text)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeArrayFieldStart("environments");
            for (EnvRegistry.Entry e : EnvRegistry.entries().values()) {
                EnvSpec s = e.spec();
                json.writeStartObject();
                json.writeStringField("id", s.id());
                json.writeNumberField("version", Integer.parseInt(s.id().substring(s.id().lastIndexOf("-v") + 2)));
                json.writeStringField("description", s.description());
                json.writeStringField("intended_goal", s.intendedGoal());
                strings(json, "actions", s.actions());
                strings(json, "events", s.events());
                strings(json, "features", s.features());
                strings(json, "proxies", s.proxies().stream().map(p -> p.name()).toList());
                strings(json, "counters", s.counters());
                json.writeArrayFieldStart("params");
                for (var p : s.params()) {
                    json.writeString(p.name());
                }
                json.writeEndArray();
                if (s.oversight() != null) {
                    json.writeObjectFieldStart("oversight");
                    json.writeStringField("parameter", s.oversight().parameter());
                    json.writeStringField("observed", s.oversight().observed());
                    json.writeStringField("unobserved", s.oversight().unobserved());
                    json.writeStringField("misbehaviour", s.oversight().misbehaviour());
                    json.writeBooleanField("identical_observed_reward", s.oversight().identicalObservedReward());
                    json.writeEndObject();
                } else {
                    json.writeNullField("oversight");
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("learners");
            for (LearnerCatalog.Entry l : LearnerCatalog.entries().values()) {
                named(json, "type", l.type(), l.description());
            }
            json.writeEndArray();
            json.writeArrayFieldStart("regimes");
            for (RegimeType r : Regimes.REGISTRY.all()) {
                json.writeStartObject();
                json.writeStringField("regime", r.id());
                json.writeStringField("description", r.info().summary());
                strings(json, "learners", Regimes.learnerTypesTrainedBy(r));
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("raters");
            for (RaterType r : Raters.REGISTRY.all()) {
                named(json, "name", r.id(), r.info().summary());
            }
            json.writeEndArray();
            json.writeArrayFieldStart("curation");
            for (CurationType c : Curations.REGISTRY.all()) {
                json.writeStartObject();
                json.writeStringField("operator", c.id());
                json.writeStringField("description", c.info().summary());
                strings(json, "params", c.info().params().stream().map(p -> p.name()).toList());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("personas");
            for (String id : Personas.environments()) {
                Personas personas = Personas.forEnvironment(EnvRegistry.spec(id));
                for (String name : personas.names()) {
                    json.writeStartObject();
                    json.writeStringField("environment", id);
                    json.writeStringField("persona", name);
                    json.writeStringField("goal", personas.persona(name).goal());
                    json.writeEndObject();
                }
            }
            json.writeEndArray();
            json.writeArrayFieldStart("metrics");
            for (MetricCatalog.Entry m : MetricCatalog.entries().values()) {
                json.writeStartObject();
                json.writeStringField("name", m.name());
                json.writeStringField("description", m.description());
                json.writeStringField("source", m.source());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("scenarios");
            for (ScenarioEntry s : scenarios) {
                json.writeStartObject();
                json.writeStringField("name", s.name());
                json.writeStringField("file", s.file().toString());
                json.writeStringField("description", s.description());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            // A StringWriter never fails.
            throw new UncheckedIOException(e);
        }
        return text.append('\n').toString();
    }

    private static void named(JsonGenerator json, String key, String name, String description) throws IOException {
        json.writeStartObject();
        json.writeStringField(key, name);
        json.writeStringField("description", description);
        json.writeEndObject();
    }

    private static void strings(JsonGenerator json, String field, List<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String v : values) {
            json.writeString(v);
        }
        json.writeEndArray();
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
