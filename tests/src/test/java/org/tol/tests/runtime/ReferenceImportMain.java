package org.tol.tests.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.tol.api.schema.Column;
import org.tol.checkpoint.OutLayout;
import org.tol.checkpoint.RunPlan;
import org.tol.checkpoint.WorkUnit;
import org.tol.runtime.reference.ReferenceImport;

/**
 * Runs only the reference import (as a rank's start does) in its own JVM, so a test can give it a small heap:
 * {@code ReferenceImportMain OUT IN}, one whole-file unit per Parquet file under IN, CLIP's reference columns.
 */
public final class ReferenceImportMain {
    static final List<Column> COLUMNS = List.of(Column.string("uuid"), Column.string("status"),
            Column.string("error"), Column.string("pred_label"), Column.float64("pred_score"), Column.int64("n_faces"));

    private ReferenceImportMain() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Path in = Path.of(args[1]);
        List<WorkUnit> units = new ArrayList<>();
        try (Stream<Path> s = Files.list(in)) {
            for (Path f : s.sorted().toList()) {
                units.add(new WorkUnit(in.relativize(f).toString(), f.toString(), Files.size(f), 0, -1));
            }
        }
        ReferenceImport.runOnce(new OutLayout(out), new RunPlan("clip", Map.of(), List.of(in.toString()), units),
                COLUMNS);
    }
}
