package org.tol.stages.wds;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.tol.api.TolException;
import org.tol.api.stage.Stage;
import org.tol.api.stage.StageUnit;
import org.tol.api.stage.UnitOutput;
import org.tol.api.stage.UnitResult;
import org.tol.io.image.ImageDecoder;
import org.tol.wds.ShardWriter;

/**
 * {@code tol wds build-tol10m}: make_wds_reproduce.py on the runtime. Units are the EOL {@code .tar.gz} files
 * (streamed, never unpacked; members {@code <uuid>.jpg}), the BIOSCAN {@code part<N>} directories and the iNat21
 * class directories; ids come from mapping.sqlite, taxa from the {@code *_name_lookup.json} files, the split
 * from its split table, and the Rare Species blacklists are applied so that they match (see
 * {@link RareSpecies}). Output and resume as {@code wds build}.
 */
public final class Tol10mStage implements Stage {
    private static final Pattern TOL_ID =
            Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}.*jpg$");

    public record Options(Path root, Path db, Path names, String split, Path rareSpecies, WdsImageOptions image,
            ShardWriter.Options shards, int threads) {}

    private final Options o;
    private final Tol10mIds ids;
    private final NameLookups names;
    private final Set<String> split;
    private final RareSpecies rare;
    private final SampleFactory factory;
    private final ImageDecoder decoder = new ImageDecoder();
    private final ExecutorService pool;

    public Tol10mStage(Options o) throws IOException {
        this.o = o;
        this.ids = Tol10mIds.load(o.db());
        this.names = NameLookups.load(o.names());
        this.split = SplitIds.load(o.db(), o.split());
        this.rare = o.rareSpecies() == null ? RareSpecies.none() : RareSpecies.load(o.rareSpecies());
        this.factory = new SampleFactory(o.image());
        this.pool = SampleFactory.imagePool(o.threads());
    }

    @Override
    public String name() {
        return "wds-build-tol10m";
    }

    @Override
    public Map<String, String> fingerprint() {
        Map<String, String> f = new LinkedHashMap<>(o.image().fingerprint());
        f.put("split", o.split());
        f.put("db", o.db().toAbsolutePath().toString());
        f.put("shard_max_count", Long.toString(o.shards().maxCount()));
        f.put("shard_max_size", Long.toString(o.shards().maxSize()));
        f.put("rare_species", o.rareSpecies() == null ? "" : o.rareSpecies().toAbsolutePath().toString());
        return f;
    }

    @Override
    public List<String> inputs() {
        return List.of(o.root().toString());
    }

    @Override
    public List<StageUnit> plan() throws IOException {
        List<StageUnit> units = new ArrayList<>();
        for (Path p : list(o.root().resolve("eol"))) {
            if (p.getFileName().toString().endsWith(".tar.gz")) {
                units.add(new StageUnit("eol/" + p.getFileName(), p.toString(), Files.size(p)));
            }
        }
        for (Path p : list(o.root().resolve("bioscan"))) {
            if (Files.isDirectory(p) && p.getFileName().toString().matches("part\\d+")) {
                units.add(new StageUnit("bioscan/" + p.getFileName(), p.toString(), dirBytes(p)));
            }
        }
        for (Path p : list(o.root().resolve("inat21").resolve("train"))) {
            if (Files.isDirectory(p) && p.getFileName().toString().matches("\\d+_.*")) {
                units.add(new StageUnit("inat21/" + p.getFileName(), p.toString(), dirBytes(p)));
            }
        }
        if (units.isEmpty()) {
            throw TolException.usage("no eol/*.tar.gz, bioscan/part<N>/ or inat21/train/<class>/ under " + o.root(),
                    "--root is the TreeOfLife-10M dataset directory (data/TreeOfLife-10M/dataset)");
        }
        return units;
    }

    @Override
    public UnitResult run(StageUnit unit, UnitOutput out) throws Exception {
        ShardWriter shards = new ShardWriter(new StagedShards(out, unit.id()), o.shards(), null);
        OrderedSampleWriter w = new OrderedSampleWriter(shards, factory, pool, 4 * o.threads() + 4);
        Tol10mSkips skips = new Tol10mSkips();
        boolean ok = false;
        long items;
        try {
            Tol10mSource src = new Tol10mSource(ids, names, split, rare, decoder, w, skips, out);
            Path p = Path.of(unit.path());
            if (unit.id().startsWith("eol/")) {
                try (InputStream in = new BufferedInputStream(Files.newInputStream(p), 1 << 16);
                        TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
                    for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                        String base = Path.of(e.getName()).getFileName().toString();
                        if (e.isFile() && TOL_ID.matcher(base).matches()) {
                            src.eol(base, tar.readAllBytes());
                        }
                    }
                }
            } else if (unit.id().startsWith("bioscan/")) {
                long part = Long.parseLong(p.getFileName().toString().substring(4));
                for (Path f : list(p)) {
                    src.bioscan(part, f);
                }
            } else {
                long cls = Long.parseLong(p.getFileName().toString().split("_", 2)[0]);
                for (Path f : list(p)) {
                    src.inat21(cls, f);
                }
            }
            items = src.items();
            w.finish();
            ok = true;
        } finally {
            if (!ok) {
                w.abort();
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("samples", w.samples());
        details.put("shards", shards.finished().size());
        details.putAll(skips.asMap());
        return new UnitResult(items, w.failures(), details);
    }

    private static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    private static long dirBytes(Path dir) throws IOException {
        long n = 0;
        for (Path f : list(dir)) {
            n += Files.isRegularFile(f) ? Files.size(f) : 0;
        }
        return n;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
