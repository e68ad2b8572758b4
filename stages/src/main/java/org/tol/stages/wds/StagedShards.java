package org.tol.stages.wds;

import java.io.IOException;
import org.tol.api.stage.UnitOutput;
import org.tol.wds.ShardNames;
import org.tol.wds.ShardPlacement;

/**
 * Places a unit's shards at {@code units/<unit id>.d/shard-NNNNNN.tar} (numbered from 0 within the unit) through
 * the runtime's staging, which makes them appear, with their manifests, only when the whole unit commits.
 */
final class StagedShards implements ShardPlacement {
    static final String UNITS_DIR = "units";

    private final UnitOutput out;
    private final String prefix;
    private long next;

    StagedShards(UnitOutput out, String unitId) {
        this.out = out;
        this.prefix = dirOf(unitId) + "/";
    }

    /** OUT-relative directory of a unit's shards. */
    static String dirOf(String unitId) {
        return UNITS_DIR + "/" + unitId + ".d";
    }

    @Override
    public Slot next() throws IOException {
        String name = ShardNames.tarName(next++);
        java.nio.file.Path tar = out.file(prefix + name);
        return new Slot(tar, tar, out.file(prefix + name + ShardNames.MANIFEST_SUFFIX));
    }
}
