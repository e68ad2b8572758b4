package org.tol.runtime;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tol.api.ExitCodes;
import org.tol.api.TolException;
import org.tol.api.filter.FilterFactory;
import org.tol.api.filter.ImageFilter;
import org.tol.api.filter.RowResult;
import org.tol.api.image.RgbImage;
import org.tol.api.schema.Column;
import org.tol.api.schema.ColumnType;
import org.tol.io.parquet.ImageColumns;
import org.tol.io.parquet.InputFile;
import org.tol.io.parquet.InputFiles;
import org.tol.io.parquet.ParquetFileInfo;

/**
 * {@code --keep-columns}: any filter, plus input columns copied into every prediction row (identifier,
 * source_id, ...) so the predictions can be used without a join back to the images. The copied columns come
 * after the filter's own, with the input's types, and are part of the run's fingerprint.
 */
public final class PassThroughFilter<P> implements ImageFilter<P> {
    private static final Set<String> NOT_COPIED = Set.of("uuid", "status", "error", ImageColumns.IMAGE);

    private final ImageFilter<P> filter;
    private final List<Column> copied;

    PassThroughFilter(ImageFilter<P> filter, List<Column> copied) {
        for (Column c : copied) {
            if (NOT_COPIED.contains(c.name()) || filter.outputColumns().stream().anyMatch(o -> o.name().equals(c.name()))) {
                throw TolException.usage("--keep-columns: '" + c.name() + "' is " + (NOT_COPIED.contains(c.name())
                        ? "not a column that can be copied" : "already a column of filter " + filter.name()),
                        "copy other input columns (uuid, status and error are always there; the image is never copied)");
            }
        }
        this.filter = filter;
        this.copied = List.copyOf(copied);
    }

    /** {@code factory} unchanged when nothing is copied, else its filters wrapped. */
    public static FilterFactory wrap(FilterFactory factory, List<Column> copied) {
        if (copied.isEmpty()) {
            return factory;
        }
        return device -> new PassThroughFilter<>(factory.create(device), copied);
    }

    /**
     * The named input columns with their types, from the first input file (a Hive partition such as
     * {@code source=} is a string column); a name found in neither is a usage error that lists the columns.
     */
    public static List<Column> resolve(List<String> inputs, List<String> names) throws IOException {
        if (names.isEmpty()) {
            return List.of();
        }
        List<InputFile> files = InputFiles.resolve(inputs);
        if (files.isEmpty()) {
            throw TolException.usage("no input files", "check --input");
        }
        Map<String, Column> available = new LinkedHashMap<>();
        for (Column c : ParquetFileInfo.read(files.get(0).path()).columns()) {
            available.put(c.name(), c);
        }
        files.get(0).partitions().keySet().forEach(k -> available.putIfAbsent(k, new Column(k, ColumnType.Primitive.STRING)));
        List<Column> out = new ArrayList<>();
        for (String n : names) {
            Column c = available.get(n);
            if (c == null) {
                throw new TolException("--keep-columns: no column '" + n + "' in " + files.get(0).path(),
                        "columns there: " + String.join(", ", available.keySet()), ExitCodes.USAGE, null);
            }
            out.add(c);
        }
        return out;
    }

    @Override
    public String name() {
        return filter.name();
    }

    @Override
    public List<Column> outputColumns() {
        List<Column> cols = new ArrayList<>(filter.outputColumns());
        cols.addAll(copied);
        return cols;
    }

    @Override
    public List<String> uuidColumns() {
        return filter.uuidColumns();
    }

    @Override
    public List<String> passThroughColumns() {
        return copied.stream().map(Column::name).toList();
    }

    @Override
    public P prepare(RgbImage image) throws Exception {
        return filter.prepare(image);
    }

    @Override
    public boolean preparesBgr() {
        return filter.preparesBgr();
    }

    @Override
    public P prepareBgr(byte[] bgr, int offset, int width, int height) throws Exception {
        return filter.prepareBgr(bgr, offset, width, height);
    }

    @Override
    public List<RowResult> infer(List<P> batch) throws Exception {
        return filter.infer(batch);
    }

    @Override
    public int preferredBatchSize() {
        return filter.preferredBatchSize();
    }

    @Override
    public Map<String, String> fingerprint() {
        Map<String, String> f = new LinkedHashMap<>(filter.fingerprint());
        f.put("keep_columns", String.join(",", passThroughColumns()));
        return f;
    }

    @Override
    public void close() throws Exception {
        filter.close();
    }
}
