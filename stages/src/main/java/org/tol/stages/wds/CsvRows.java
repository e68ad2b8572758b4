package org.tol.stages.wds;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tol.api.TolException;

/** Streams a CSV file with a header row (jackson-dataformat-csv); cells by column name. */
final class CsvRows implements Closeable {
    private final Path file;
    private final MappingIterator<String[]> it;
    private final Map<String, Integer> index = new HashMap<>();
    private long line = 1;

    CsvRows(Path file) throws IOException {
        this.file = file;
        CsvMapper m = new CsvMapper();
        m.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        this.it = m.readerFor(String[].class).readValues(file.toFile());
        if (!it.hasNext()) {
            throw new TolException(file + " is empty", "pass a catalog.csv with a header row");
        }
        String[] header = it.next();
        for (int i = 0; i < header.length; i++) {
            index.put(header[i], i);
        }
    }

    void require(List<String> columns) {
        List<String> missing = columns.stream().filter(c -> !index.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new TolException(file + " does not have the columns " + missing,
                    "pass a catalog.csv made by 'tol wds catalog' or make_catalog.py");
        }
    }

    boolean has(String column) {
        return index.containsKey(column);
    }

    /** The next row, or null at the end. */
    String[] next() {
        if (!it.hasNext()) {
            return null;
        }
        line++;
        return it.next();
    }

    /** Cell of {@code row} in {@code column} ("" when the row is short). */
    String get(String[] row, String column) {
        int i = index.get(column);
        return i < row.length ? row[i] : "";
    }

    long line() {
        return line;
    }

    @Override
    public void close() throws IOException {
        it.close();
    }
}
