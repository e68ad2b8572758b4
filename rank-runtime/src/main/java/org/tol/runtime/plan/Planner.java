package org.tol.runtime.plan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tol.api.TolException;
import org.tol.checkpoint.RunPlan;
import org.tol.checkpoint.WorkUnit;
import org.tol.io.parquet.InputFile;
import org.tol.io.parquet.InputFiles;
import org.tol.io.parquet.ParquetFileInfo;

/**
 * Lists the inputs (sorted, so every rank and every run sees the same order) and cuts them into work units:
 * one per file, or row-group ranges for files above the split threshold. Only those large files' footers are
 * read, so planning a directory of many small files costs one listing.
 */
public final class Planner {
    private static final Logger LOG = LoggerFactory.getLogger(Planner.class);

    private Planner() {}

    public static RunPlan plan(String filter, Map<String, String> fingerprint, List<String> inputs, long splitBytes,
            int unitRowGroups) {
        List<InputFile> files = InputFiles.resolve(inputs);
        if (files.isEmpty()) {
            throw TolException.usage("no *.parquet files found in " + inputs, "check --input");
        }
        return plan(filter, fingerprint, inputs, files, splitBytes, unitRowGroups);
    }

    /** Plans {@code files}, the inputs already resolved and checked (see {@link InputSchemaCheck}). */
    public static RunPlan plan(String filter, Map<String, String> fingerprint, List<String> inputs,
            List<InputFile> files, long splitBytes, int unitRowGroups) {
        Path root = commonParent(files.stream().map(f -> f.path().toAbsolutePath().normalize()).toList());
        List<WorkUnit> units = new ArrayList<>();
        for (InputFile f : files) {
            Path abs = f.path().toAbsolutePath().normalize();
            String rel = root.relativize(abs).toString();
            if (splitBytes > 0 && f.sizeBytes() > splitBytes) {
                units.addAll(split(abs, rel, f.sizeBytes(), unitRowGroups));
            } else {
                units.add(new WorkUnit(rel, abs.toString(), f.sizeBytes(), 0, -1));
            }
        }
        LOG.info("planned {} units from {} files ({} bytes)", units.size(), files.size(),
                units.stream().mapToLong(WorkUnit::bytes).sum());
        return new RunPlan(filter, fingerprint, inputs, Lpt.largestFirst(units));
    }

    private static List<WorkUnit> split(Path abs, String rel, long size, int perUnit) {
        ParquetFileInfo info;
        try {
            info = ParquetFileInfo.read(abs);
        } catch (IOException | RuntimeException e) {
            // An unreadable footer stays one unit; processing it records the failure with its reason.
            LOG.warn("cannot read row groups of {} ({}); keeping it as one unit", abs, e.getMessage());
            return List.of(new WorkUnit(rel, abs.toString(), size, 0, -1));
        }
        List<ParquetFileInfo.RowGroupInfo> groups = info.rowGroups();
        if (groups.size() <= perUnit) {
            return List.of(new WorkUnit(rel, abs.toString(), size, 0, -1));
        }
        List<WorkUnit> out = new ArrayList<>();
        for (int first = 0; first < groups.size(); first += perUnit) {
            int end = Math.min(groups.size(), first + perUnit);
            long bytes = 0;
            for (int g = first; g < end; g++) {
                bytes += groups.get(g).compressedSize();
            }
            out.add(new WorkUnit(WorkUnit.rangeId(rel, first, end), abs.toString(), bytes, first, end));
        }
        return out;
    }

    static Path commonParent(List<Path> paths) {
        Path common = paths.get(0).getParent();
        for (Path p : paths) {
            while (common != null && !p.startsWith(common)) {
                common = common.getParent();
            }
        }
        return common == null ? Path.of("/") : common;
    }
}
