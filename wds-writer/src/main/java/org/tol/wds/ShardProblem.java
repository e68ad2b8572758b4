package org.tol.wds;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One thing wrong with a shard; {@code key} is null when the problem is not about one sample. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ShardProblem(String kind, String key, String detail) {
    public static final String TRUNCATED = "truncated";
    public static final String MEMBER_OUTSIDE_SAMPLE = "member_outside_sample";
    public static final String DUPLICATE_KEY = "duplicate_key";
    public static final String DUPLICATE_MEMBER = "duplicate_member";
    public static final String INCOMPLETE_SAMPLE = "incomplete_sample";
    public static final String UNDECODABLE_IMAGE = "undecodable_image";
    public static final String MANIFEST_MISMATCH = "manifest_mismatch";
}
