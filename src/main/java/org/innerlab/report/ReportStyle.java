package org.innerlab.report;

/** The report's stylesheet, inlined into every page so the file needs nothing else. */
final class ReportStyle {
    /** System fonts only: a web font would be a network request or a large embedded blob. */
    static final String CSS = """
            :root{--ink:#1d2330;--muted:#5b6474;--line:#d9dde5;--accent:#0072B2;--bg:#fbfbfd}
            *{box-sizing:border-box}
            body{margin:0;background:var(--bg);color:var(--ink);font:16px/1.55 system-ui,-apple-system,"Segoe UI",\
            Roboto,"DejaVu Sans",sans-serif}
            main{max-width:1100px;margin:0 auto;padding:32px 28px 80px;background:#fff;\
            border-left:1px solid var(--line);border-right:1px solid var(--line)}
            .kicker{margin:0;color:var(--accent);font-weight:600;letter-spacing:.06em;text-transform:uppercase;\
            font-size:13px}
            h1{margin:.15em 0 .3em;font-size:30px;line-height:1.2;word-break:break-word}
            h2{margin:2em 0 .6em;padding-bottom:.25em;border-bottom:2px solid var(--line);font-size:22px}
            h3{margin:1.4em 0 .4em;font-size:17px}
            .lead{font-size:18px;margin:.2em 0 .6em;white-space:pre-line}
            .meta{color:var(--muted);font-size:14px;margin:0 0 .6em}
            .banner{margin:0 0 .8em;padding:8px 12px;border:1px solid #e0b252;border-left:5px solid #E69F00;\
            border-radius:4px;background:#fff6e0;font-weight:600}
            .files{font-size:14px;margin:0 0 .8em}
            nav{display:flex;flex-wrap:wrap;gap:6px 18px;font-size:14px;padding:10px 0;border-top:1px solid var(--line);\
            border-bottom:1px solid var(--line)}
            a{color:var(--accent);text-decoration:none}
            dl{margin:0}
            dt{font-weight:600;margin-top:.8em}
            dd{margin:.15em 0 0 0}
            dl.grid{display:grid;grid-template-columns:max-content 1fr;gap:4px 18px}
            dl.grid dt,dl.grid dd{margin:0}
            dl.metrics dd{margin-left:1.2em}
            .source{color:var(--muted);font-size:14px}
            code,pre,.mono{font-family:ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:.9em}
            code{background:#f1f3f7;padding:0 .25em;border-radius:3px;word-break:break-word}
            pre{background:#f6f7fa;border:1px solid var(--line);border-radius:6px;padding:12px 14px;overflow-x:auto;\
            white-space:pre-wrap;word-break:break-word;font-size:13px;line-height:1.45}
            figure{margin:1.2em 0 2em}
            figure svg{display:block;width:100%;max-width:100%;height:auto;border:1px solid var(--line);border-radius:6px}
            figcaption{color:var(--muted);font-size:14px;margin-top:.4em}
            .scroll{overflow-x:auto}
            table{border-collapse:collapse;font-size:14px;margin:.3em 0 1em;font-variant-numeric:tabular-nums}
            th,td{border-bottom:1px solid var(--line);padding:5px 10px;text-align:left;vertical-align:top}
            thead th{background:#f1f3f7;font-weight:600;white-space:nowrap}
            td{white-space:nowrap}
            td.wrap{white-space:normal}
            caption{text-align:left;color:var(--muted);font-size:13px;padding-bottom:4px}
            table.paper thead th{white-space:normal;min-width:7em}
            .ci{display:block;color:var(--muted);font-size:12px;font-weight:normal}
            th code{word-break:normal;white-space:nowrap}
            details summary{cursor:pointer;color:var(--accent)}
            details{font-size:14px;white-space:normal}
            """;

    private ReportStyle() {
    }
}
