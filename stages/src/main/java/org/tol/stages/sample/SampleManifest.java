package org.tol.stages.sample;

import java.util.List;

/**
 * {@code DIR/manifest.json}: what was generated, including every deliberately bad row (with the reason
 * tol must report for it) and the planted near-duplicate pairs, so tests and the quickstart can check
 * that later stages found exactly these.
 */
public record SampleManifest(long seed, int rows, List<FileEntry> files, List<BadRow> badRows,
        List<NearDuplicate> nearDuplicates, String attributes) {

    public record FileEntry(String path, int rows) {}

    /** {@code reason} is the status tol's decoder gives the row (size_mismatch, empty_image, corrupt_image). */
    public record BadRow(String uuid, String file, int row, String reason, String detail) {}

    /** {@code copy} is a slightly altered copy of {@code original} (kind: noise, brightness, crop). */
    public record NearDuplicate(String original, String copy, String kind) {}
}
