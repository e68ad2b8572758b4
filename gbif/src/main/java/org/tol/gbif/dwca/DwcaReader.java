package org.tol.gbif.dwca;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams the records of one archive file, one line (or one quoted multi-line record) at a time, so a 100 GB
 * occurrence file never sits in memory. A malformed record (an unterminated quote, or a field count that
 * disagrees with the header, or too few fields for the indexes meta.xml names) is counted, logged with its
 * line number and skipped; {@link #malformed()} gives the count and the first examples.
 */
public final class DwcaReader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DwcaReader.class);
    private static final int EXAMPLES = 5;

    private final ArchiveFile file;
    private final BufferedReader in;
    private final String where;
    private final int expectedFields;
    private final List<String> examples = new ArrayList<>();
    private int headerFields = -1;
    private long line;
    private long malformed;

    DwcaReader(ArchiveFile file, InputStream stream, String where) throws IOException {
        this.file = file;
        this.in = new BufferedReader(new InputStreamReader(stream, file.charset()), 1 << 16);
        this.where = where;
        this.expectedFields = file.maxIndex() + 1;
        for (int i = 0; i < file.headerLines(); i++) {
            String h = in.readLine();
            line++;
            if (i == 0 && h != null) {
                List<String> cells = split(h);
                headerFields = cells == null ? -1 : cells.size();
            }
        }
    }

    /**
     * The next well-formed record as a name → value view (field short names, plus "id"/"coreid"); empty
     * cells take the field's default; null at the end of the file.
     */
    public Record next() throws IOException {
        while (true) {
            String text = in.readLine();
            if (text == null) {
                return null;
            }
            long first = ++line;
            if (text.isEmpty()) {
                continue;
            }
            List<String> cells = split(text);
            while (cells == null) { // an open quote: the record continues on the next line
                String more = in.readLine();
                if (more == null) {
                    bad(first, "unterminated quote at the end of the file");
                    return null;
                }
                line++;
                text = text + "\n" + more;
                cells = split(text);
            }
            if (cells.size() < expectedFields) {
                bad(first, cells.size() + " fields, but meta.xml refers to column " + (expectedFields - 1));
                continue;
            }
            if (headerFields > 0 && cells.size() != headerFields) {
                bad(first, cells.size() + " fields, but the header has " + headerFields);
                continue;
            }
            return new Record(cells);
        }
    }

    private void bad(long at, String why) {
        malformed++;
        if (examples.size() < EXAMPLES) {
            examples.add(where + " line " + at + ": " + why);
        }
        LOG.warn("{} line {}: malformed record skipped: {}", where, at, why);
    }

    /** The cells of one record, or null when a quoted field is still open at the end of {@code s}. */
    private List<String> split(String s) {
        if (s.endsWith("\r")) {
            s = s.substring(0, s.length() - 1);
        }
        String sep = file.fieldSeparator();
        char q = file.quote();
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int i = 0;
        int n = s.length();
        while (true) {
            if (q != 0 && i < n && s.charAt(i) == q) { // quoted field: doubled quotes are literal quotes
                i++;
                while (true) {
                    if (i >= n) {
                        return null;
                    }
                    char c = s.charAt(i);
                    if (c == q) {
                        if (i + 1 < n && s.charAt(i + 1) == q) {
                            cell.append(q);
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    cell.append(c);
                    i++;
                }
            }
            int next = s.indexOf(sep, i);
            cell.append(s, i, next < 0 ? n : next);
            out.add(cell.toString());
            cell.setLength(0);
            if (next < 0) {
                return out;
            }
            i = next + sep.length();
        }
    }

    /** Records skipped as malformed so far. */
    public long malformed() {
        return malformed;
    }

    /** The first few malformed records, as "file line N: why". */
    public List<String> malformedExamples() {
        return List.copyOf(examples);
    }

    /** Physical lines read so far. */
    public long lines() {
        return line;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** One record; {@link #get} resolves a field name through meta.xml. */
    public final class Record {
        private final List<String> cells;

        Record(List<String> cells) {
            this.cells = cells;
        }

        /** The value of field {@code name} ("id"/"coreid" for the id column); null when absent or empty. */
        public String get(String name) {
            int index;
            String dflt = null;
            if (name.equals(file.idName())) {
                index = file.idIndex();
            } else {
                ArchiveFile.Field f = file.fields().get(name);
                if (f == null) {
                    return null;
                }
                index = f.index();
                dflt = f.defaultValue();
            }
            String v = index >= 0 && index < cells.size() ? cells.get(index) : null;
            return v == null || v.isEmpty() ? (dflt == null || dflt.isEmpty() ? null : dflt) : v;
        }
    }

    /** Whether meta.xml declares {@code name} for this file. */
    public boolean has(String name) {
        return name.equals(file.idName()) ? file.idIndex() >= 0 : file.fields().containsKey(name);
    }
}
