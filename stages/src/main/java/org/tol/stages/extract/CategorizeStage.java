package org.tol.stages.extract;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tol.api.TolException;
import org.tol.api.schema.Column;
import org.tol.api.stage.Stage;
import org.tol.api.stage.StageUnit;
import org.tol.api.stage.UnitOutput;
import org.tol.api.stage.UnitResult;
import org.tol.io.parquet.ParquetFileInfo;
import org.tol.io.parquet.ParquetRows;
import org.tol.io.parquet.Row;
import org.tol.runtime.stage.StagePlans;

/**
 * {@code tol extract categorize --rules museum-specimen}: every row of the extracted data goes to
 * {@code OUT/category=<name>/} by {@link MuseumCategories}, at most N rows a file. One unit per input file
 * (its files are {@code <input id>-part-<n>.parquet} in each category it has rows for). The files keep every
 * input column, including {@code group_id} from the input's directory names as the reference's partition
 * discovery did, but not {@code category}: that is the directory name only.
 */
public final class CategorizeStage implements Stage {
    public static final String NAME = "extract-categorize";
    public static final String MUSEUM_SPECIMEN = "museum-specimen";

    private final List<String> inputs;
    private final int maxRecordsPerFile;

    public CategorizeStage(List<String> inputs, String rules, int maxRecordsPerFile) {
        if (!MUSEUM_SPECIMEN.equals(rules)) {
            throw TolException.usage("unknown --rules '" + rules + "'", "the only rule set is " + MUSEUM_SPECIMEN);
        }
        if (maxRecordsPerFile < 1) {
            throw TolException.usage("--max-records-per-file must be at least 1", null);
        }
        this.inputs = List.copyOf(inputs);
        this.maxRecordsPerFile = maxRecordsPerFile;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, String> fingerprint() {
        return Map.of("rules", MUSEUM_SPECIMEN, "maxRecordsPerFile", String.valueOf(maxRecordsPerFile));
    }

    @Override
    public List<String> inputs() {
        return inputs;
    }

    /** One unit per input file: the runtime checks the files' identities between runs. */
    @Override
    public boolean unitsAreInputFiles() {
        return true;
    }

    /** Extracted rows are categorized by their taxonomy; the image column is copied when present, not needed. */
    @Override
    public boolean unitsNeedImages() {
        return false;
    }

    @Override
    public List<StageUnit> plan() {
        return StagePlans.rows(inputs);
    }

    @Override
    public UnitResult run(StageUnit unit, UnitOutput out) throws Exception {
        Path file = Path.of(unit.path());
        List<String> names = new ArrayList<>();
        for (Column c : ParquetFileInfo.read(file).columns()) {
            names.add(c.name());
        }
        String prefix = unit.id().replace('/', '~').replaceAll("\\.parquet$", "") + "-";
        Map<String, RollingParts> writers = new TreeMap<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        long rows = 0;
        try (ParquetRows in = ParquetRows.open(file, names)) {
            List<Column> columns = in.columns().stream().filter(c -> !c.name().equals("category")).toList();
            for (Row r = in.next(); r != null; r = in.next()) {
                String category = MuseumCategories.categorize(r::string);
                RollingParts w = writers.computeIfAbsent(category, k -> new RollingParts(out, "category=" + k, prefix,
                        columns, 0, maxRecordsPerFile));
                Map<String, Object> row = new LinkedHashMap<>();
                for (Column c : columns) {
                    row.put(c.name(), r.value(c.name()));
                }
                w.write(row);
                counts.merge(category, 1L, Long::sum);
                if (++rows % 1000 == 0) {
                    out.progress(rows);
                    if (out.stopRequested()) {
                        throw new InterruptedException("stop requested");
                    }
                }
            }
            for (RollingParts w : writers.values()) {
                w.finish();
            }
        } finally {
            for (RollingParts w : writers.values()) {
                w.close();
            }
        }
        out.progress(rows);
        Map<String, Object> details = new LinkedHashMap<>();
        for (String n : MuseumCategories.NAMES) {
            if (counts.containsKey(n)) {
                details.put(n, counts.get(n));
            }
        }
        return new UnitResult(rows, List.of(), details);
    }
}
