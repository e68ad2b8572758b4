package org.tol.stages.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The report page being written: sections with a table of contents, tables and inline SVG. Self-contained on
 * purpose (inline CSS, no script, no fonts or images from elsewhere) so it opens on a cluster node or behind a
 * firewall exactly as it does here.
 */
final class Html {
    private static final String CSS = """
            body{font-family:sans-serif;margin:0 auto;max-width:1100px;padding:16px;color:#222;background:#fff}
            h1{font-size:1.6em;margin-bottom:4px}h2{border-bottom:2px solid #4e79a7;padding-bottom:2px;margin-top:32px}
            h3{margin-top:20px}table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ccc;padding:3px 8px;
            text-align:left;font-size:.9em}th{background:#eef2f7}td.n{text-align:right;font-variant-numeric:tabular-nums}
            .lbl{font-size:12px;fill:#333}.val{font-size:11px;fill:#555}.axis{stroke:#888;stroke-width:1}
            .note{color:#666;font-size:.9em}.warn{color:#a33}.gallery{display:flex;flex-wrap:wrap;gap:8px}
            figure{margin:0;width:180px;border:1px solid #ddd;padding:4px;background:#fafafa}
            figure svg,figure img{display:block;max-width:172px;height:auto}
            figcaption{font-size:11px;word-break:break-all}.fail{width:172px;height:100px;background:#f6dede;
            display:flex;align-items:center;justify-content:center;color:#a33;font-weight:bold}
            nav ul{columns:2;font-size:.9em}
            """;

    private final StringBuilder body = new StringBuilder();
    private final List<String[]> toc = new ArrayList<>();

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A top-level section, listed in the table of contents. */
    Html h2(String title) {
        String id = "s" + (toc.size() + 1);
        toc.add(new String[] {id, title});
        body.append("<h2 id=\"").append(id).append("\">").append(esc(title)).append("</h2>\n");
        return this;
    }

    Html h3(String title) {
        body.append("<h3>").append(esc(title)).append("</h3>\n");
        return this;
    }

    Html p(String text) {
        body.append("<p>").append(esc(text)).append("</p>\n");
        return this;
    }

    Html note(String text) {
        body.append("<p class=\"note\">").append(esc(text)).append("</p>\n");
        return this;
    }

    Html warn(String text) {
        body.append("<p class=\"warn\">").append(esc(text)).append("</p>\n");
        return this;
    }

    /** Already-built markup (SVG charts, the gallery). */
    Html raw(String markup) {
        body.append(markup).append('\n');
        return this;
    }

    /** A table; cells that are numbers are right-aligned. */
    Html table(List<String> headers, List<List<Object>> rows) {
        body.append("<table><tr>");
        headers.forEach(h -> body.append("<th>").append(esc(h)).append("</th>"));
        body.append("</tr>\n");
        for (List<Object> r : rows) {
            body.append("<tr>");
            for (Object v : r) {
                boolean n = v instanceof Number;
                body.append(n ? "<td class=\"n\">" : "<td>").append(esc(n ? Svg.num(((Number) v).doubleValue())
                        : String.valueOf(v == null ? "" : v))).append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</table>\n");
        return this;
    }

    String page(String title, String subtitle) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(title)).append("</title>\n<style>").append(CSS).append("</style></head>\n<body>\n")
                .append("<h1>").append(esc(title)).append("</h1>\n<p class=\"note\">").append(esc(subtitle)).append("</p>\n")
                .append("<nav><ul>");
        for (String[] t : toc) {
            b.append("<li><a href=\"#").append(t[0]).append("\">").append(esc(t[1])).append("</a></li>");
        }
        return b.append("</ul></nav>\n").append(body).append("</body></html>\n").toString();
    }
}
