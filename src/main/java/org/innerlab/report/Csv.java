package org.innerlab.report;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 field quoting for the results tables.
 *
 * <p>A field containing a comma, a double quote, a carriage return or a line feed is enclosed in
 * double quotes with inner quotes doubled; every other field is written as is. Records end with a
 * single {@code \n} rather than RFC 4180's CRLF: pandas, R and Python's {@code csv} module read
 * either, and LF keeps golden files stable under git's line-ending handling.
 */
final class Csv {
    private Csv() {
    }

    /** The field, quoted only if it needs to be. */
    static String field(String value) {
        boolean needsQuotes = false;
        for (int i = 0; i < value.length() && !needsQuotes; i++) {
            char c = value.charAt(i);
            needsQuotes = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        return needsQuotes ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    /** Appends one record (fields joined by commas, then a line feed) to {@code out}. */
    static void record(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        out.append('\n');
    }

    /**
     * The records of {@code text}, as {@link #record} writes them (CRLF is accepted too). Every
     * record must have as many fields as the first.
     *
     * @param source names the text in error messages
     * @throws IllegalArgumentException on an unterminated quote or a ragged record, naming the line
     */
    static List<List<String>> parse(String text, String source) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    line += c == '\n' ? 1 : 0;
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                endRecord(records, fields, source, line);
                fields = new ArrayList<>();
                line++;
            } else {
                field.append(c);
            }
            i++;
        }
        if (quoted) {
            throw new IllegalArgumentException(source + ":" + line + ": unterminated quoted field");
        }
        if (field.length() > 0 || !fields.isEmpty()) {
            fields.add(field.toString());
            endRecord(records, fields, source, line);
        }
        if (records.isEmpty()) {
            throw new IllegalArgumentException(source + ": empty table");
        }
        return records;
    }

    private static void endRecord(List<List<String>> records, List<String> fields, String source, int line) {
        if (!records.isEmpty() && fields.size() != records.get(0).size()) {
            throw new IllegalArgumentException(source + ":" + line + ": " + fields.size() + " fields, but the header has "
                    + records.get(0).size());
        }
        records.add(fields);
    }
}
