package org.tol.stages.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Inline SVG charts (no script, no external resources): horizontal bars, a histogram, lines over time. */
final class Svg {
    static final String[] PALETTE = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
        "#ff9da7", "#9c755f", "#bab0ac"};

    private Svg() {}

    /** One horizontal bar per entry, longest = full width, value printed at the bar's end. */
    static String bars(List<Map.Entry<String, Long>> items) {
        long max = Math.max(1, items.stream().mapToLong(Map.Entry::getValue).max().orElse(1));
        int rowH = 20;
        int labelW = 220;
        int barW = 460;
        int h = rowH * items.size() + 4;
        StringBuilder b = open(labelW + barW + 90, h, "bar chart");
        for (int i = 0; i < items.size(); i++) {
            Map.Entry<String, Long> e = items.get(i);
            int y = i * rowH + 2;
            double w = barW * (double) e.getValue() / max;
            b.append(fmt("<text x=\"%d\" y=\"%d\" text-anchor=\"end\" class=\"lbl\">%s</text>", labelW - 6, y + 14,
                    Html.esc(shorten(e.getKey(), 34))));
            b.append(fmt("<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s: %d</title></rect>",
                    labelW, y + 2, Math.max(1, w), rowH - 5, PALETTE[0], Html.esc(e.getKey()), e.getValue()));
            b.append(fmt("<text x=\"%.1f\" y=\"%d\" class=\"val\">%d</text>", labelW + w + 4, y + 14, e.getValue()));
        }
        return b.append("</svg>").toString();
    }

    /** Vertical bars for {@code counts} over equal bins spanning [lo, hi]. */
    static String histogram(double lo, double hi, long[] counts, String xLabel) {
        long max = 1;
        for (long c : counts) {
            max = Math.max(max, c);
        }
        int w = 640;
        int h = 200;
        int left = 50;
        int bottom = 30;
        double plotW = w - left - 10;
        double plotH = h - bottom - 10;
        StringBuilder b = open(w, h, "histogram of " + xLabel);
        double bw = plotW / counts.length;
        double step = (hi - lo) / counts.length;
        for (int i = 0; i < counts.length; i++) {
            double bh = plotH * counts[i] / max;
            b.append(fmt("<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>[%s, %s): %d</title></rect>",
                    left + i * bw + 1, 10 + plotH - bh, Math.max(1, bw - 2), bh, PALETTE[0], num(lo + i * step),
                    num(lo + (i + 1) * step), counts[i]));
        }
        axes(b, left, 10 + plotH, plotW, plotH);
        b.append(fmt("<text x=\"%d\" y=\"%d\" class=\"lbl\">%s</text>", left, h - 8, Html.esc(num(lo))));
        b.append(fmt("<text x=\"%.1f\" y=\"%d\" text-anchor=\"end\" class=\"lbl\">%s</text>", left + plotW, h - 8,
                Html.esc(num(hi))));
        b.append(fmt("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" class=\"lbl\">%s</text>", left + plotW / 2, h - 8,
                Html.esc(xLabel)));
        b.append(fmt("<text x=\"%d\" y=\"%d\" text-anchor=\"end\" class=\"lbl\">%d</text>", left - 4, 20, max));
        return b.append("</svg>").toString();
    }

    /** One line per series of [x, y] points (x in ms since the first point of any series, shown in seconds). */
    static String lines(Map<String, List<double[]>> series, String yLabel) {
        double x0 = Double.MAX_VALUE;
        double x1 = -Double.MAX_VALUE;
        double y1 = 1;
        for (List<double[]> pts : series.values()) {
            for (double[] p : pts) {
                x0 = Math.min(x0, p[0]);
                x1 = Math.max(x1, p[0]);
                y1 = Math.max(y1, p[1]);
            }
        }
        if (x0 > x1) {
            x0 = 0;
            x1 = 1;
        }
        double span = Math.max(1, x1 - x0);
        int w = 640;
        int h = 220;
        int left = 60;
        double plotW = w - left - 120;
        double plotH = h - 40;
        StringBuilder b = open(w, h, yLabel + " over time");
        int i = 0;
        for (Map.Entry<String, List<double[]>> e : series.entrySet()) {
            String color = PALETTE[i % PALETTE.length];
            StringBuilder pts = new StringBuilder(fmt("%.1f,%.1f ", (double) left, 10 + plotH));
            for (double[] p : e.getValue()) {
                pts.append(fmt("%.1f,%.1f ", left + plotW * (p[0] - x0) / span, 10 + plotH - plotH * p[1] / y1));
            }
            b.append(fmt("<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>", pts.toString().trim(),
                    color));
            b.append(fmt("<text x=\"%.1f\" y=\"%d\" class=\"lbl\" fill=\"%s\">%s</text>", left + plotW + 8, 20 + 16 * i,
                    color, Html.esc(e.getKey())));
            i++;
        }
        axes(b, left, 10 + plotH, plotW, plotH);
        b.append(fmt("<text x=\"%d\" y=\"%d\" text-anchor=\"end\" class=\"lbl\">%s</text>", left - 4, 20, num(y1)));
        b.append(fmt("<text x=\"%d\" y=\"%d\" class=\"lbl\">0 s</text>", left, h - 10));
        b.append(fmt("<text x=\"%.1f\" y=\"%d\" text-anchor=\"end\" class=\"lbl\">%s s</text>", left + plotW, h - 10,
                num(span / 1000.0)));
        b.append(fmt("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" class=\"lbl\">%s</text>", left + plotW / 2, h - 10,
                Html.esc(yLabel + " (x: time since the first commit)")));
        return b.append("</svg>").toString();
    }

    private static StringBuilder open(int w, int h, String title) {
        return new StringBuilder(fmt("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                + "role=\"img\"><title>%s</title>", w, h, w, h, Html.esc(title)));
    }

    private static void axes(StringBuilder b, double left, double baseY, double plotW, double plotH) {
        b.append(fmt("<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"axis\"/>", left, baseY, left + plotW, baseY));
        b.append(fmt("<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"axis\"/>", left, baseY, left, baseY - plotH));
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            return String.format(Locale.ROOT, "%d", (long) v);
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.0f" : "%.3g", v);
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }

    private static String fmt(String f, Object... args) {
        return String.format(Locale.ROOT, f, args);
    }
}
