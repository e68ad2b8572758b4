package org.tol.stages.decode;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tol.api.image.DecodeResult;
import org.tol.api.stage.Stage;
import org.tol.api.stage.StageUnit;
import org.tol.api.stage.UnitOutput;
import org.tol.api.stage.UnitResult;
import org.tol.io.image.ImageDecoder;
import org.tol.io.image.ImageEncoder;
import org.tol.io.parquet.ImageColumns;
import org.tol.io.parquet.ParquetRows;
import org.tol.io.parquet.Row;
import org.tol.runtime.stage.StagePlans;

/**
 * {@code tol decode}: every row of an input file → {@code <name>.<ext>} directly in OUT, or with
 * {@code --archive} one {@code OUT/<unit name>.tar[.gz]} per input file, streamed without a temp folder.
 * Names follow {@link DecodeNames}; a row that does not decode is a failure entry of the unit's record.
 */
public final class DecodeStage implements Stage {
    public static final String NAME = "decode";

    public enum Archive { NONE, TAR, TAR_GZ }

    private final List<String> inputs;
    private final Path output;
    private final ImageEncoder encoder;
    private final int quality;
    private final Archive archive;

    /** {@code quality}: JPEG 1-100, WebP 1-100 (101 lossless); ignored for PNG. */
    public DecodeStage(List<String> inputs, Path output, ImageEncoder.Format format, int quality, Archive archive) {
        this.inputs = List.copyOf(inputs);
        this.output = output.toAbsolutePath().normalize();
        this.encoder = new ImageEncoder(format, quality);
        this.quality = format == ImageEncoder.Format.PNG ? 0 : quality;
        this.archive = archive;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, String> fingerprint() {
        return Map.of("format", encoder.format().name().toLowerCase(java.util.Locale.ROOT),
                "quality", String.valueOf(quality), "archive", archive.name().toLowerCase(java.util.Locale.ROOT));
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

    @Override
    public List<StageUnit> plan() throws IOException {
        List<StageUnit> units = StagePlans.files(inputs);
        DuplicateNames.compute(units.stream().map(StageUnit::path).toList(), output);
        return units;
    }

    /**
     * Inputs were added, moved or (with --replan) changed: the repeated names are scanned again over the new
     * plan's files. Rows of units already decoded keep their names, so the new scan must give them the same
     * {@code _k} suffixes; otherwise (a new file repeats an already decoded name in an earlier position) the
     * start is refused rather than decoding two files under one name.
     */
    @Override
    public void replanned(List<StageUnit> units, java.util.Set<String> fresh) throws IOException {
        Map<String, Map<Long, Integer>> before = DuplicateNames.loadAll(output);
        Map<String, Map<Long, Integer>> now = DuplicateNames.scan(units.stream().map(StageUnit::path).toList());
        for (StageUnit u : units) {
            if (!fresh.contains(u.id()) && !now.getOrDefault(u.path(), Map.of())
                    .equals(before.getOrDefault(u.path(), Map.of()))) {
                throw new org.tol.api.TolException("decode: with the changed inputs, rows of " + u.id()
                        + " (already decoded) would get other file names for repeated uuids",
                        "decode the new inputs into a new --output", org.tol.api.ExitCodes.USAGE, null);
            }
        }
        DuplicateNames.write(output, now);
    }

    /** The archive of a unit: its id with separators made flat and the .parquet extension dropped. */
    static String archiveName(String unitId, Archive archive) {
        String base = unitId.replace('/', '~').replaceAll("\\.parquet$", "");
        return base + (archive == Archive.TAR_GZ ? ".tar.gz" : ".tar");
    }

    @Override
    public UnitResult run(StageUnit unit, UnitOutput out) throws Exception {
        Map<Long, Integer> repeats = DuplicateNames.load(output, unit.path());
        ImageDecoder decoder = new ImageDecoder();
        List<Map<String, String>> failures = new ArrayList<>();
        List<Map<String, String>> renamed = new ArrayList<>();
        long written = 0;
        long rows = 0;
        try (ParquetRows in = ParquetRows.open(Path.of(unit.path()), List.of(ImageColumns.UUID,
                ImageColumns.ORIGINAL_SIZE, ImageColumns.RESIZED_SIZE, ImageColumns.IMAGE));
                ImageSink sink = archive == Archive.NONE ? new FileSink(out)
                        : new TarSink(out.file(archiveName(unit.id(), archive)), archive == Archive.TAR_GZ)) {
            for (Row r = in.next(); r != null; r = in.next()) {
                rows++;
                String uuid = r.string(ImageColumns.UUID);
                String name = DecodeNames.fileName(uuid, repeats.getOrDefault(r.indexInFile(), 0),
                        encoder.format().extension);
                DecodeResult d = decoder.decode(r);
                if (!d.isOk()) {
                    failures.add(UnitResult.failure(uuid, d.error().status(), d.message()));
                    continue;
                }
                byte[] bytes;
                try {
                    bytes = encoder.encode(d.image());
                } catch (RuntimeException e) {
                    failures.add(UnitResult.failure(uuid, "encode_error", e.getMessage()));
                    continue;
                }
                sink.put(name, bytes);
                written++;
                if (!name.equals(uuid + encoder.format().extension)) {
                    Map<String, String> m = new LinkedHashMap<>();
                    m.put("uuid", uuid);
                    m.put("file", name);
                    renamed.add(m);
                }
                if (rows % 100 == 0) {
                    out.progress(rows);
                    if (out.stopRequested()) {
                        throw new InterruptedException("stop requested");
                    }
                }
            }
            sink.finish();
        }
        out.progress(rows);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("images", written);
        if (!renamed.isEmpty()) {
            details.put("renamed", renamed);
        }
        return new UnitResult(rows, failures, details);
    }

    /** Where a unit's images go: loose files or one archive. */
    interface ImageSink extends AutoCloseable {
        void put(String name, byte[] bytes) throws IOException;

        void finish() throws IOException;

        @Override
        void close() throws IOException;
    }

    static final class FileSink implements ImageSink {
        private final UnitOutput out;

        FileSink(UnitOutput out) {
            this.out = out;
        }

        @Override
        public void put(String name, byte[] bytes) throws IOException {
            try (OutputStream o = Files.newOutputStream(out.file(name))) {
                o.write(bytes);
            }
        }

        @Override
        public void finish() {}

        @Override
        public void close() {}
    }
}
