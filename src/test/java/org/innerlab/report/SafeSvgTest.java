package org.innerlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.innerlab.measure.SummaryRow;
import org.innerlab.scenario.ChartConfig;
import org.innerlab.scenario.SweepPoint;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class SafeSvgTest {
    private static final String X = "environment.train.random_coin_percent";

    /** A sweep chart as the lab draws it, with markup in its title and labels (JFreeSVG escapes them). */
    private static String chart() {
        List<SweepPoint> points = List.of(new SweepPoint(0, Map.of(X, 0), null), new SweepPoint(1, Map.of(X, 25), null));
        List<SummaryRow> rows = List.of(new SummaryRow(0, "test", "got_coin", 20, 0.05, 0.02, 0.09),
                new SummaryRow(1, "test", "got_coin", 20, 0.6, 0.5, 0.7));
        ChartConfig config = new ChartConfig("sweep", "coin", "<script>alert(1)</script> & co", X,
                List.of("test/got_coin"), List.of("<img src=x onerror=alert(2)>"), null, "P(coin)");
        return ChartRenderer.svg(ChartRenderer.chart(config, points, rows), "coin");
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document d = f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        d.normalizeDocument();
        return d;
    }

    @Test
    void aChartAsJFreeChartDrewItKeepsEveryElementAttributeAndText() throws Exception {
        String svg = chart();
        String safe = SafeSvg.of(svg);
        assertTrue(parse(svg).getDocumentElement().isEqualNode(parse(safe).getDocumentElement()), safe);
        assertEquals(safe, SafeSvg.of(safe), "re-emitting is idempotent");
    }

    @Test
    void scriptsHandlersForeignContentAndExternalReferencesAreDropped() {
        String svg = chart();
        String tampered = svg.substring(0, svg.lastIndexOf("</svg>")) + "<script>alert(3)</script>"
                + "<foreignObject><div xmlns='http://www.w3.org/1999/xhtml'>hi<img src='x' onerror='alert(4)'/></div>"
                + "</foreignObject>"
                + "<a href='javascript:alert(5)'><text x='1' y='2'>click</text></a>"
                + "<image href='http://example.com/x.png' xlink:href='http://example.com/y.png'/>"
                + "<use xlink:href='#coin'/>"
                + "<rect x='0' y='0' width='1' height='1' onload='alert(6)' onclick='alert(7)'"
                + " style='fill:url(http://example.com/f.svg#p)' fill='url(https://example.com/#q)'/>"
                + "<path d='M0,0' style='fill:u\\72l(http://example.com/z)'/>"
                + "<g clip-path='url(#innerlab-coin-clip-0)'><line x1='0' y1='0' x2='1' y2='1'/></g>"
                + "<SCRIPT>alert(8)</SCRIPT></svg>";
        String safe = SafeSvg.of(tampered);
        String lower = safe.toLowerCase(Locale.ROOT);
        for (String gone : List.of("<script", "foreignobject", "<a ", "<image", "<use", "<div", "<img", "alert(3)",
                "alert(4)", "alert(5)", "alert(6)", "alert(7)", "alert(8)", "click", "http://example.com", "https:",
                "javascript:", "\\72")) {
            assertFalse(lower.contains(gone), gone + " in " + safe.substring(Math.max(0, lower.indexOf(gone) - 80)));
        }
        assertFalse(Pattern.compile("<[^<>]*\\son[a-z]+=").matcher(lower).find(), "no event handler attribute");
        assertTrue(safe.endsWith("<rect height='1' width='1' x='0' y='0'/><path d='M0,0'/>"
                + "<g clip-path='url(#innerlab-coin-clip-0)'><line x1='0' x2='1' y1='0' y2='1'/></g></svg>"),
                safe.substring(safe.length() - 200));
    }

    @Test
    void aDoctypeOrExternalEntityIsRefusedNotFetched() {
        String entity = "<?xml version='1.0'?><!DOCTYPE svg [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
                + "<svg xmlns='http://www.w3.org/2000/svg'><text>&x;</text></svg>";
        assertThrows(IllegalArgumentException.class, () -> SafeSvg.of(entity));
        assertThrows(IllegalArgumentException.class, () -> SafeSvg.of("<html><script>alert(1)</script></html>"));
        assertThrows(IllegalArgumentException.class, () -> SafeSvg.of("<svg xmlns='http://www.w3.org/2000/svg'>"));
    }
}
