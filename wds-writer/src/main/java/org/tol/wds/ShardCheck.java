package org.tol.wds;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * The result of checking one shard.
 *
 * @param keyHashes 64-bit hashes of the sample keys in order, for the cross-shard duplicate pass (not reported)
 */
public record ShardCheck(String shard, long samples, long members, List<ShardProblem> problems,
        @JsonIgnore long[] keyHashes) {
    public boolean ok() {
        return problems.isEmpty();
    }
}
