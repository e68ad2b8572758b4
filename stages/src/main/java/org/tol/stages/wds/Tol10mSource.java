package org.tol.stages.wds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.tol.api.image.DecodeError;
import org.tol.api.image.DecodeResult;
import org.tol.api.stage.UnitOutput;
import org.tol.io.image.ImageDecoder;

/** Applies make_wds_reproduce.py's per-image rules (id, split, name lookup, blacklists) and submits samples. */
final class Tol10mSource {
    private final Tol10mIds ids;
    private final NameLookups names;
    private final Set<String> split;
    private final RareSpecies rare;
    private final ImageDecoder decoder;
    private final OrderedSampleWriter writer;
    private final Tol10mSkips skips;
    private final UnitOutput out;
    private long items;

    Tol10mSource(Tol10mIds ids, NameLookups names, Set<String> split, RareSpecies rare, ImageDecoder decoder,
            OrderedSampleWriter writer, Tol10mSkips skips, UnitOutput out) {
        this.ids = ids;
        this.names = names;
        this.split = split;
        this.rare = rare;
        this.decoder = decoder;
        this.writer = writer;
        this.skips = skips;
        this.out = out;
    }

    long items() {
        return items;
    }

    void eol(String basename, byte[] bytes) throws IOException {
        tick();
        String id = basename.substring(0, basename.indexOf('.'));
        long[] cp = ids.eol.get(id);
        if (rare.blocksImage(basename) || (cp != null && rare.blocksEol(cp[0], cp[1]))) {
            skips.rareImage++;
            return;
        }
        if (cp == null) {
            skips.notInDb++;
            return;
        }
        if (!split.contains(id)) {
            skips.notInSplit++;
            return;
        }
        submit(id, names.eolPage(cp[1]), () -> decoder.decode(bytes, null, null));
    }

    void inat21(long cls, Path file) throws IOException {
        tick();
        String id = ids.inat21.get(cls + "/" + file.getFileName());
        item(id, file, names.inat21Class(cls));
    }

    void bioscan(long part, Path file) throws IOException {
        tick();
        String id = ids.bioscan.get(part + "/" + file.getFileName());
        item(id, file, id == null ? null : names.bioscan(id));
    }

    private void item(String id, Path file, NameLookups.Entry name) throws IOException {
        if (id == null) {
            skips.notInDb++;
            return;
        }
        if (!split.contains(id)) {
            skips.notInSplit++;
            return;
        }
        if (rare.blocksImage(file.getFileName().toString())) {
            skips.rareImage++;
            return;
        }
        submit(id, name, () -> {
            try {
                return decoder.decode(Files.readAllBytes(file), null, null);
            } catch (IOException e) {
                return DecodeResult.fail(DecodeError.CORRUPT, file + ": cannot read: " + e.getMessage());
            }
        });
    }

    private void submit(String id, NameLookups.Entry name, java.util.function.Supplier<DecodeResult> image)
            throws IOException {
        if (name == null) {
            skips.noName++;
            return;
        }
        if (rare.blocksSpecies(name.taxon())) {
            skips.rareSpecies++;
            return;
        }
        writer.submit(new SampleItem(id, image, name.taxon(), name.common()));
    }

    private void tick() throws IOException {
        items++;
        if (items % 64 == 0) {
            out.progress(items);
            if (out.stopRequested()) {
                throw new IOException("stop requested");
            }
        }
    }
}
