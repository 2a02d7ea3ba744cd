package org.innerlab.report;

/**
 * An HTML document under construction, where text is escaped unless it is passed to {@link #raw}.
 *
 * <p>Scenario files are untrusted text (a description may contain {@code <script>}), so every
 * string taken from one goes through {@link #text} or {@link #escape}: {@code & < > " '} become
 * character references, which is enough both for element content and for quoted attribute values.
 */
final class Html {
    private final StringBuilder out = new StringBuilder(1 << 16);

    /** {@code value} with {@code & < > " '} replaced by character references. */
    static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder s = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&#39;");
                default -> s.append(c);
            }
        }
        return s.toString();
    }

    /** Appends trusted markup as is. */
    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    /** Appends text, escaped. */
    Html text(String text) {
        out.append(escape(text));
        return this;
    }

    /** Appends {@code <tag>text</tag>}, the text escaped. */
    Html element(String tag, String text) {
        out.append('<').append(tag).append('>').append(escape(text)).append("</").append(tag).append('>');
        return this;
    }

    /** Appends {@code <tag class="cls">text</tag>}, the text escaped. */
    Html element(String tag, String cls, String text) {
        out.append('<').append(tag).append(" class=\"").append(escape(cls)).append("\">").append(escape(text))
                .append("</").append(tag).append('>');
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
