package org.tol.stages.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The gallery's markup: one group of figures per kind of pick, boxes drawn in SVG over the thumbnail. */
final class Gallery {
    private Gallery() {}

    static void write(Html html, List<Pick> picks, Map<String, Thumbnails.Thumb> thumbs) {
        Map<String, StringBuilder> groups = new LinkedHashMap<>();
        for (Pick p : picks) {
            StringBuilder g = groups.computeIfAbsent(p.group(), k -> new StringBuilder());
            g.append("<figure>").append(image(p, thumbs.get(p.uuid()))).append("<figcaption>").append(Html.esc(p.caption()))
                    .append("<br>").append(Html.esc(p.uuid())).append("</figcaption></figure>\n");
        }
        for (Map.Entry<String, StringBuilder> g : groups.entrySet()) {
            html.h3(g.getKey());
            html.raw("<div class=\"gallery\">" + g.getValue() + "</div>");
        }
    }

    private static String image(Pick p, Thumbnails.Thumb t) {
        if (t == null || t.dataUri() == null) {
            String why = t == null ? "image not found (no committed part lists this uuid)" : t.problem();
            return "<div class=\"fail\" title=\"" + Html.esc(why) + "\">no image</div>";
        }
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\"><image href=\"%s\" "
                        + "width=\"%d\" height=\"%d\"/>", t.width(), t.height(), t.width(), t.height(), t.dataUri(), t.width(), t.height()));
        for (float[] box : p.boxes()) {
            double x;
            double y;
            double w;
            double h;
            if (p.pixelBoxes()) {
                double s = (double) t.width() / t.originalWidth();
                x = box[0] * s;
                y = box[1] * s;
                w = (box[2] - box[0]) * s;
                h = (box[3] - box[1]) * s;
            } else {
                x = box[0] * t.width();
                y = box[1] * t.height();
                w = box[2] * t.width();
                h = box[3] * t.height();
            }
            b.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" "
                    + "stroke=\"#ff2d2d\" stroke-width=\"2\"/>", x, y, w, h));
        }
        return b.append("</svg>").toString();
    }
}
