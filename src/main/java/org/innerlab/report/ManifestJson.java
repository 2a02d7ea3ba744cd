package org.innerlab.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json}: a {@link Manifest} as pretty-printed JSON with a fixed key order.
 *
 * <p>Keys are snake_case, in the order of the record's components (points last, since they are
 * long). Every 64-bit seed is a decimal string, because many JSON readers (JavaScript, jq) hold
 * numbers as doubles and would silently change it. Doubles are written by
 * {@link Numbers#format(double)}; NaN and infinities, which JSON numbers cannot express, become
 * strings. Lines end with {@code \n} on every OS.
 */
public final class ManifestJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private ManifestJson() {
    }

    /** The manifest's JSON text, ending with a newline. */
    public static String write(Manifest m) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(text)) {
            json.setPrettyPrinter(prettyPrinter());
            json.writeStartObject();
            json.writeStringField("innerlab_version", m.innerlabVersion());
            json.writeStringField("git_commit", m.gitCommit());
            json.writeObjectFieldStart("jdk");
            json.writeStringField("java_version", m.jdk().version());
            json.writeStringField("java_vendor", m.jdk().vendor());
            json.writeStringField("java_vm_name", m.jdk().vmName());
            json.writeEndObject();
            json.writeObjectFieldStart("os");
            json.writeStringField("name", m.os().name());
            json.writeStringField("version", m.os().version());
            json.writeStringField("arch", m.os().arch());
            json.writeEndObject();
            json.writeStringField("scenario", m.scenario());
            json.writeStringField("scenario_source", m.scenarioSource());
            json.writeStringField("master_seed", Long.toString(m.masterSeed()));
            json.writeNumberField("seeds_per_point", m.seedsPerPoint());
            json.writeNumberField("threads", m.threads());
            json.writeArrayFieldStart("command_line");
            for (String arg : m.commandLine()) {
                json.writeString(arg);
            }
            json.writeEndArray();
            json.writeStringField("started_at", m.startedAt() == null ? null : m.startedAt().toString());
            json.writeFieldName("wall_time_seconds");
            writeDouble(json, m.wallTimeSeconds());
            json.writeArrayFieldStart("points");
            for (Manifest.Point p : m.points()) {
                json.writeStartObject();
                json.writeNumberField("index", p.index());
                json.writeFieldName("assignments");
                writeValue(json, p.assignments());
                json.writeArrayFieldStart("runs");
                for (Manifest.RunSeed r : p.runs()) {
                    json.writeStartObject();
                    json.writeNumberField("run", r.run());
                    json.writeStringField("seed", Long.toString(r.seed()));
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            // A StringWriter never fails; only a bug in this class could get here.
            throw new UncheckedIOException(e);
        }
        return text.append('\n').toString();
    }

    /** Scenario values as they came from YAML: maps, lists, strings, numbers, booleans, null. */
    private static void writeValue(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                json.writeFieldName(String.valueOf(e.getKey()));
                writeValue(json, e.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof List<?> list) {
            json.writeStartArray();
            for (Object item : list) {
                writeValue(json, item);
            }
            json.writeEndArray();
        } else if (value instanceof Double || value instanceof Float) {
            writeDouble(json, ((Number) value).doubleValue());
        } else if (value instanceof Number n) {
            // Integers (Integer, Long, BigInteger): their toString is exact and JVM-independent.
            json.writeNumber(n.toString());
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else {
            json.writeString(value.toString());
        }
    }

    private static void writeDouble(JsonGenerator json, double v) throws IOException {
        if (Double.isFinite(v)) {
            json.writeNumber(Numbers.format(v));
        } else {
            json.writeString(Numbers.format(v));
        }
    }

    private static DefaultPrettyPrinter prettyPrinter() {
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators);
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        return printer;
    }
}
