package org.tol.stages.wds;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import org.tol.api.image.DecodeResult;
import org.tol.api.stage.Stage;
import org.tol.api.stage.StageUnit;
import org.tol.api.stage.UnitOutput;
import org.tol.api.stage.UnitResult;
import org.tol.io.image.ImageDecoder;
import org.tol.io.image.RawBgr;
import org.tol.io.parquet.ImageColumns;
import org.tol.io.parquet.ParquetRows;
import org.tol.io.parquet.Row;
import org.tol.runtime.stage.StagePlans;
import org.tol.wds.ShardWriter;
import org.tol.wds.taxon.Taxon;

/**
 * {@code tol wds build} as a runtime stage: one unit per input Parquet file; its rows (uuid, image, sizes,
 * taxonomy) become 11-member samples in {@code units/<unit>.d/shard-NNNNNN.tar}, committed with the unit.
 * {@link ShardPublisher} numbers them into one {@code shards/} directory when every unit is done.
 */
public final class WdsBuildStage implements Stage {
    private final WdsBuildOptions options;
    private final SampleFactory factory;
    private final ImageDecoder decoder = new ImageDecoder();
    private final TaxaTable taxa;
    private final Set<String> splitIds;
    private final RareSpecies rare;
    private final ExecutorService pool;

    public WdsBuildStage(WdsBuildOptions options) throws IOException {
        this.options = options;
        this.factory = new SampleFactory(options.image());
        this.taxa = options.taxa().isEmpty() ? null : TaxaTable.load(options.taxa());
        this.splitIds = options.split() == null ? null : SplitIds.load(options.splitsDb(), options.split());
        this.rare = options.rareSpecies() == null ? RareSpecies.none() : RareSpecies.load(options.rareSpecies());
        this.pool = SampleFactory.imagePool(options.threads());
    }

    @Override
    public String name() {
        return "wds-build";
    }

    @Override
    public Map<String, String> fingerprint() {
        return options.fingerprint();
    }

    @Override
    public List<String> inputs() {
        return options.inputs();
    }

    /** One unit per input file: the runtime checks the files' identities between runs. */
    @Override
    public boolean unitsAreInputFiles() {
        return true;
    }

    @Override
    public List<StageUnit> plan() {
        return StagePlans.files(options.inputs());
    }

    @Override
    public UnitResult run(StageUnit unit, UnitOutput out) throws Exception {
        ShardWriter shards = new ShardWriter(new StagedShards(out, unit.id()), options.shards(), null);
        OrderedSampleWriter writer = new OrderedSampleWriter(shards, factory, pool, 4 * options.threads() + 4);
        List<String> cols = new ArrayList<>(ImageColumns.DECODE_COLUMNS);
        cols.addAll(TaxaTable.RANK_COLUMNS);
        cols.add(TaxaTable.COMMON);
        long rows = 0;
        long skippedSplit = 0;
        long skippedRare = 0;
        boolean ok = false;
        try (ParquetRows in = ParquetRows.open(Path.of(unit.path()), cols)) {
            for (Row r = in.next(); r != null; r = in.next()) {
                rows++;
                if (rows % 64 == 0) {
                    out.progress(rows);
                    if (out.stopRequested()) {
                        throw new IOException("stop requested");
                    }
                }
                String uuid = r.string(ImageColumns.UUID);
                if (uuid == null || uuid.isEmpty()) {
                    writer.fail("row " + r.indexInFile(), "no_key", "uuid is null or empty");
                    continue;
                }
                if (splitIds != null && !splitIds.contains(uuid)) {
                    skippedSplit++;
                    continue;
                }
                String[] t = TaxaTable.ranksOf(r);
                if (t == null && taxa != null) {
                    t = taxa.get(uuid);
                }
                if (t == null) {
                    writer.fail(uuid, "no_taxon", "no taxonomy columns in the row"
                            + (taxa == null ? " (pass --taxa with a uuid + kingdom..species table)" : " nor in --taxa"));
                    continue;
                }
                Taxon taxon = Taxon.of(t[0], t[1], t[2], t[3], t[4], t[5], t[6]);
                if (rare.blocksSpecies(taxon)) {
                    skippedRare++;
                    continue;
                }
                byte[] cell = r.binary(ImageColumns.IMAGE);
                long[] orig = r.longs(ImageColumns.ORIGINAL_SIZE);
                long[] resized = r.longs(ImageColumns.RESIZED_SIZE);
                long[] raw = cell == null ? null : RawBgr.size(cell.length, orig, resized);
                // A raw cell in a Java array holds under 2^31/3 pixels, below the decoder's limit: nothing to check.
                writer.submit(raw != null ? SampleItem.raw(uuid, new SampleItem.BgrCell(cell, (int) raw[1], (int) raw[0]),
                        taxon, t[7]) : new SampleItem(uuid, () -> decode(cell, orig, resized), taxon, t[7]));
            }
            writer.finish();
            ok = true;
        } finally {
            if (!ok) {
                writer.abort();
            }
        }
        out.progress(rows);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("samples", writer.samples());
        details.put("shards", shards.finished().size());
        details.put("skipped_split", skippedSplit);
        details.put("skipped_rare_species", skippedRare);
        return new UnitResult(rows, writer.failures(), details);
    }

    private DecodeResult decode(byte[] cell, long[] orig, long[] resized) {
        return decoder.decode(cell, orig, resized);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
