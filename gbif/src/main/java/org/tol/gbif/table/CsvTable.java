package org.tol.gbif.table;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tol.api.TolException;
import org.tol.io.fs.AtomicFiles;

/**
 * A CSV file as pandas reads and writes it: a header row, then rows; an empty cell is a missing value (null).
 * Written with the {@code csv} module's minimal quoting (a cell is quoted only when it holds the separator, a
 * quote or a line break), so the files look like the reference's {@code to_csv(index=False)} output.
 */
public final class CsvTable {
    private final List<String> header;
    private final List<String[]> rows;

    public CsvTable(List<String> header, List<String[]> rows) {
        this.header = List.copyOf(header);
        this.rows = rows;
    }

    public List<String> header() {
        return header;
    }

    public List<String[]> rows() {
        return rows;
    }

    /** The index of {@code column}, with a clear error naming the file when it is missing. */
    public int column(String column, Path file) {
        int i = header.indexOf(column);
        if (i < 0) {
            throw new TolException(file + " has no column '" + column + "' (columns: " + header + ")",
                    "pass a CSV written by the previous step, or name the column with the matching option");
        }
        return i;
    }

    public static CsvTable read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new TolException("CSV file not found: " + file, "check the path");
        }
        CsvMapper m = new CsvMapper();
        m.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                MappingIterator<String[]> it = m.readerFor(String[].class).readValues(r)) {
            if (!it.hasNext()) {
                return new CsvTable(List.of(), new ArrayList<>());
            }
            List<String> header = Arrays.asList(it.next());
            List<String[]> rows = new ArrayList<>();
            long line = 1;
            while (it.hasNext()) {
                String[] cells = it.next();
                line++;
                if (cells.length == 1 && cells[0].isEmpty() && header.size() > 1) {
                    continue; // blank line
                }
                if (cells.length > header.size()) {
                    throw new TolException(file + " row " + line + ": " + cells.length + " cells but the header has "
                            + header.size(), "repair or regenerate the file");
                }
                String[] row = new String[header.size()];
                for (int i = 0; i < cells.length; i++) {
                    row[i] = cells[i].isEmpty() ? null : cells[i];
                }
                rows.add(row);
            }
            return new CsvTable(header, rows);
        } catch (RuntimeException e) {
            if (e instanceof TolException) {
                throw e;
            }
            throw new TolException(file + ": not a readable CSV file: " + e.getMessage(), "repair or regenerate it");
        }
    }

    /** Writes {@code header} and {@code rows} to {@code file} atomically (temp file, fsync, rename). */
    public static void write(Path file, List<String> header, Iterable<String[]> rows) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
            line(w, header.toArray(new String[0]));
            for (String[] r : rows) {
                line(w, r);
            }
            w.flush();
        });
    }

    public void write(Path file) throws IOException {
        write(file, header, rows);
    }

    private static void line(Writer w, String[] cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(quote(cells[i]));
        }
        w.write('\n');
    }

    static String quote(String s) {
        if (s == null) {
            return "";
        }
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
