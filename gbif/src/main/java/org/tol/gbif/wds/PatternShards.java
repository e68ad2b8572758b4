package org.tol.gbif.wds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.tol.api.TolException;
import org.tol.io.fs.AtomicFiles;
import org.tol.wds.ShardManifest;
import org.tol.wds.ShardNames;

/**
 * The reference's {@code --webdataset-pattern} (e.g. {@code /data/train-%06d.tar}) on tol's ShardWriter, which
 * writes {@code shard-NNNNNN.tar} + manifest into one folder: shards are written into a hidden staging folder
 * next to the pattern, then each is renamed to {@code pattern % N} with its manifest ({@code NAME.json}, shard
 * name updated). An existing target is replaced only when tol's manifest sits next to it.
 */
final class PatternShards {
    private final String pattern;
    private final Path dir;
    private final Path staging;

    PatternShards(String pattern) throws IOException {
        try {
            String.format(pattern, 0L);
        } catch (java.util.IllegalFormatException e) {
            throw new IllegalArgumentException("--webdataset-pattern needs one integer format such as %06d: " + pattern);
        }
        this.pattern = pattern;
        Path first = Path.of(String.format(pattern, 0L)).toAbsolutePath();
        this.dir = first.getParent();
        this.staging = dir.resolve("." + first.getFileName() + ".tol-staging");
        Files.createDirectories(dir);
        deleteStaging();
        Files.createDirectories(staging);
    }

    Path staging() {
        return staging;
    }

    /** Moves the finished shards to their pattern names; returns them in order. */
    List<String> publish() throws IOException {
        List<String> out = new ArrayList<>();
        for (Map.Entry<Long, Path> e : ShardNames.list(staging).entrySet()) {
            Path target = Path.of(String.format(pattern, e.getKey())).toAbsolutePath();
            Path manifest = ShardNames.manifestOf(target);
            if (Files.exists(target) && !Files.exists(manifest)) {
                throw new TolException(target + " exists and was not written by tol",
                        "move it away or choose another --webdataset-pattern");
            }
            ShardManifest m = ShardManifest.read(ShardNames.manifestOf(e.getValue()));
            AtomicFiles.moveAtomically(e.getValue(), target);
            new ShardManifest(target.getFileName().toString(), m.bytes(), m.sha256(), m.payloadBytes(), m.samples())
                    .write(manifest);
            out.add(target.toString());
        }
        deleteStaging();
        return out;
    }

    private void deleteStaging() throws IOException {
        if (Files.isDirectory(staging)) {
            try (Stream<Path> s = Files.list(staging)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    Files.delete(p);
                }
            }
            Files.delete(staging);
        }
    }
}
