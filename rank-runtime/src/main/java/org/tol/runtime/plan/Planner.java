package org.tol.runtime.plan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tol.api.TolException;
import org.tol.checkpoint.FileIdentity;
import org.tol.checkpoint.RunPlan;
import org.tol.checkpoint.WorkUnit;
import org.tol.io.parquet.InputColumns;
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
        return plan(filter, fingerprint, inputs, InputColumns.DEFAULT, splitBytes, unitRowGroups);
    }

    /** Plans the input files that hold images under {@code columns} (see {@link InputSchemaCheck}). */
    public static RunPlan plan(String filter, Map<String, String> fingerprint, List<String> inputs,
            InputColumns columns, long splitBytes, int unitRowGroups) {
        Listing listing = list(inputs, columns);
        List<WorkUnit> units = new ArrayList<>();
        Map<String, FileIdentity> ids = new TreeMap<>();
        for (Map.Entry<String, InputFile> e : listing.files().entrySet()) {
            units.addAll(unitsOf(e.getValue(), e.getKey(), splitBytes, unitRowGroups));
            ids.put(e.getKey(), identity(e.getValue().path()));
        }
        LOG.info("planned {} units from {} files ({} bytes)", units.size(), listing.files().size(),
                units.stream().mapToLong(WorkUnit::bytes).sum());
        return new RunPlan(filter, fingerprint, inputs, Lpt.largestFirst(units), listing.root().toString(), ids);
    }

    /** The input files by path relative to their common directory (sorted), and that directory. */
    public record Listing(Path root, Map<String, InputFile> files) {}

    public static Listing list(List<String> inputs) {
        return list(inputs, InputColumns.DEFAULT);
    }

    /** Like {@link #list(List)}, keeping only files with the image and id columns ({@link InputSchemaCheck}). */
    public static Listing list(List<String> inputs, InputColumns columns) {
        List<InputFile> files = InputSchemaCheck.accepted(inputs, columns);
        Path root = commonParent(files.stream().map(f -> f.path().toAbsolutePath().normalize()).toList());
        Map<String, InputFile> byRel = new TreeMap<>();
        for (InputFile f : files) {
            byRel.put(root.relativize(f.path().toAbsolutePath().normalize()).toString(), f);
        }
        return new Listing(root, byRel);
    }

    /** The units of one input file: the whole file, or row-group ranges when it is above {@code splitBytes}. */
    static List<WorkUnit> unitsOf(InputFile f, String rel, long splitBytes, int unitRowGroups) {
        Path abs = f.path().toAbsolutePath().normalize();
        if (splitBytes > 0 && f.sizeBytes() > splitBytes) {
            return split(abs, rel, f.sizeBytes(), unitRowGroups);
        }
        return List.of(new WorkUnit(rel, abs.toString(), f.sizeBytes(), 0, -1));
    }

    static FileIdentity identity(Path file) {
        try {
            return FileIdentity.of(file);
        } catch (IOException e) {
            // An unreadable file gets an identity that matches nothing; processing it records the failure.
            return new FileIdentity(-1, -1, "unreadable");
        }
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
