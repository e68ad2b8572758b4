package org.tol.wds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tol.io.fs.AtomicFiles;

/** Decides where the next shard of a {@link ShardWriter} goes. */
public interface ShardPlacement {
    /**
     * One shard's paths: {@code writeTo} is written and, if it differs from {@code tar}, renamed to {@code tar}
     * once complete; {@code manifest} is written after that.
     */
    record Slot(Path tar, Path writeTo, Path manifest) {}

    Slot next() throws IOException;

    /**
     * {@code shard-%06d.tar} in one directory, numbered by {@code numbering} over the shards present (filling
     * gaps as bioclip does), written under a temp name and renamed when complete.
     */
    static ShardPlacement directory(Path dir, ShardNumbering numbering) {
        return () -> {
            Files.createDirectories(dir);
            long number = numbering.next(ShardNames.taken(dir));
            Path target = dir.resolve(ShardNames.tarName(number));
            if (Files.exists(target) || Files.exists(ShardNames.manifestOf(target))) {
                throw new IOException("shard " + target + " exists already; numbering must not reuse it");
            }
            return new Slot(target, AtomicFiles.tempSibling(target), ShardNames.manifestOf(target));
        };
    }
}
