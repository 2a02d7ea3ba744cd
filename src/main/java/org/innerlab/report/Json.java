package org.innerlab.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * JSON text from a tree of values, the one place innerlab writes JSON ({@code manifest.json},
 * {@code innerlab list --json}, {@code innerlab runs --json}). A tree is maps (keys in their iteration order), lists, strings,
 * numbers, booleans and null. Doubles are written by {@link Numbers#format(double)}; NaN and
 * infinities, which JSON numbers cannot express, become strings; integers are written exactly.
 */
public final class Json {
    private static final JsonFactory FACTORY = new JsonFactory();

    /** How the text is laid out. */
    public enum Layout {
        /** Two-space indents, one value per line, {@code "key": value}, empty containers as {@code []}. */
        FILE,
        /** Jackson's default pretty printer ({@code "key" : value}, short arrays on one line). */
        LISTING
    }

    private Json() {
    }

    /** The text of {@code tree}, ending with a newline ({@code \n} on every OS). */
    public static String write(Object tree, Layout layout) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(text)) {
            json.setPrettyPrinter(layout == Layout.FILE ? filePrinter() : new DefaultPrettyPrinter());
            writeValue(json, tree);
        } catch (IOException e) {
            // A StringWriter never fails; only a bug in this class could get here.
            throw new UncheckedIOException(e);
        }
        return text.append('\n').toString();
    }

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
            double v = ((Number) value).doubleValue();
            if (Double.isFinite(v)) {
                json.writeNumber(Numbers.format(v));
            } else {
                json.writeString(Numbers.format(v));
            }
        } else if (value instanceof Number n) {
            // Integers (Integer, Long, BigInteger): their toString is exact and JVM-independent.
            json.writeNumber(n.toString());
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else {
            json.writeString(value.toString());
        }
    }

    private static PrettyPrinter filePrinter() {
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
