package org.innerlab.report;

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
}
