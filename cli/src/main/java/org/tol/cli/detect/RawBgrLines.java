package org.tol.cli.detect;

import java.io.PrintWriter;
import java.util.Map;

/** The text lines of a prep benchmark's {@code raw_bgr} figures (RawCellHandOffBench), when they were measured. */
final class RawBgrLines {
    private RawBgrLines() {}

    static void print(PrintWriter w, Object figures) {
        if (!(figures instanceof Map<?, ?> m)) {
            return;
        }
        w.printf("  raw BGR cells, %s alternating rounds, medians:%n", m.get("rounds"));
        w.printf("    decoder's RGB copy + prepare:   %8.1f images/CPU-s (%.1f/s wall)%n",
                (Double) m.get("decoded_images_per_cpu_s"), (Double) m.get("decoded_images_per_s"));
        w.printf("    prepareBgr, cell read in place: %8.1f images/CPU-s (%.1f/s wall), %.2fx per CPU-second%n",
                (Double) m.get("raw_images_per_cpu_s"), (Double) m.get("raw_images_per_s"), (Double) m.get("raw_vs_decoded_cpu"));
    }
}
