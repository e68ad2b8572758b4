package org.tol.wds;

import java.io.IOException;
import java.nio.file.Path;

/** A shard that is not a complete tar archive (cut in a header, a payload or the padding). */
public final class TruncatedShardException extends IOException {
    private final Path shard;

    public TruncatedShardException(Path shard, String what, Throwable cause) {
        super(shard + ": truncated or corrupt tar: " + what, cause);
        this.shard = shard;
    }

    public Path shard() {
        return shard;
    }
}
