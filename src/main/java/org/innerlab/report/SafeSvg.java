package org.innerlab.report;

import java.io.IOException;
import java.io.StringReader;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A chart SVG made safe to paste into {@code report.html}: the file in {@code charts/} is parsed with
 * the JDK's XML parser (no DTD, no external entities) and written out again with only the elements
 * and attributes JFreeChart's charts use. Everything else goes, with its content: {@code script},
 * {@code foreignObject}, links, event handlers ({@code on...}), and any attribute whose value could
 * load something ({@code url(...)} other than a reference {@code url(#id)} into the SVG itself, CSS
 * escapes, {@code javascript:}). A chart as JFreeChart wrote it comes out with the same elements,
 * attributes and text. (The root's {@code viewBox} is not kept: the report sets its own.)
 */
final class SafeSvg {
    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    /** The namespace declarations JFreeSVG writes on the root, kept so the chart reads as it was written. */
    private static final Map<String, String> NAMESPACES = Map.of("xmlns", SVG_NS,
            "xmlns:xlink", "http://www.w3.org/1999/xlink", "xmlns:jfreesvg", "http://www.jfree.org/jfreesvg/svg");
    private static final Set<String> ELEMENTS = Set.of("svg", "g", "defs", "clipPath", "path", "line", "rect",
            "circle", "ellipse", "polygon", "polyline", "text", "tspan", "title", "desc", "linearGradient",
            "radialGradient", "stop");
    private static final Set<String> ATTRIBUTES = Set.of("width", "height", "x",
            "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "d", "points", "transform", "style", "id",
            "clip-path", "clipPathUnits", "fill", "fill-opacity", "stroke", "stroke-width", "stroke-opacity",
            "opacity", "font-family", "font-size", "font-weight", "font-style", "text-anchor", "dominant-baseline",
            "shape-rendering", "text-rendering", "offset", "stop-color", "stop-opacity", "gradientUnits",
            "gradientTransform", "fx", "fy");

    private SafeSvg() {
    }

    /**
     * {@code svg} with only the allowed elements and attributes.
     *
     * @throws IllegalArgumentException when {@code svg} is not well-formed XML with an {@code svg} root
     *                                  (a DTD makes it not well-formed here)
     */
    static String of(String svg) {
        Element root;
        try {
            root = parser().parse(new InputSource(new StringReader(svg))).getDocumentElement();
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException("not a well-formed SVG file: " + e.getMessage(), e);
        }
        if (!"svg".equals(root.getLocalName()) || !SVG_NS.equals(root.getNamespaceURI())) {
            throw new IllegalArgumentException("the root element is not an SVG <svg>");
        }
        StringBuilder out = new StringBuilder(svg.length());
        element(root, true, out);
        return out.toString();
    }

    private static DocumentBuilder parser() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder builder = f.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // errors are thrown, not also printed
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser supports these settings", e);
        }
    }

    private static void element(Element e, boolean root, StringBuilder out) {
        String name = e.getLocalName();
        out.append('<').append(name);
        NamedNodeMap attributes = e.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr a = (Attr) attributes.item(i);
            String attr = a.getName();
            boolean kept = root && NAMESPACES.containsKey(attr) ? NAMESPACES.get(attr).equals(a.getValue())
                    : a.getNamespaceURI() == null && ATTRIBUTES.contains(attr) && harmless(a.getValue());
            if (kept) {
                out.append(' ').append(attr).append("='").append(Html.escape(a.getValue())).append('\'');
            }
        }
        StringBuilder content = new StringBuilder();
        for (Node child = e.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element c && SVG_NS.equals(c.getNamespaceURI()) && ELEMENTS.contains(c.getLocalName())
                    && !c.getLocalName().equals("svg")) {
                element(c, false, content);
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                content.append(Html.escape(child.getNodeValue()));
            }
        }
        if (content.isEmpty()) {
            out.append("/>");
        } else {
            out.append('>').append(content).append("</").append(name).append('>');
        }
    }

    /** Whether an attribute value can load nothing: a {@code url(...)} only as {@code url(#id)}, no CSS escapes. */
    private static boolean harmless(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        if (v.contains("\\") || v.contains("javascript:") || v.contains("expression") || v.contains("@import")) {
            return false;
        }
        for (int at = v.indexOf("url("); at >= 0; at = v.indexOf("url(", at + 4)) {
            if (!v.startsWith("#", at + 4)) {
                return false;
            }
        }
        return true;
    }
}
