package org.tol.stages.wds;

import java.util.List;

/** One row as Python's {@code csv.writer} writes it (QUOTE_MINIMAL, '"' doubled, "\r\n" line end, None → ""). */
final class PyCsv {
    private PyCsv() {}

    static String row(List<?> cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            Object c = cells.get(i);
            String s = c == null ? "" : c.toString();
            if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                b.append('"').append(s.replace("\"", "\"\"")).append('"');
            } else {
                b.append(s);
            }
        }
        return b.append("\r\n").toString();
    }
}
