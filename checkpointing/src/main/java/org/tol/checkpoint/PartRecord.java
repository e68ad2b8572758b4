package org.tol.checkpoint;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One committed part file: rows {@code [firstRow, endRow)} of a unit (row numbers count from the unit's first
 * row in reading order). Written to {@code checkpoints_rank{R}/manifest.jsonl} only after the part file was
 * atomically renamed into place. Size and checksum let every start verify that the part is still the one that
 * was committed ({@link PartCheck}); {@code input} ties it to the identity of the input file it was read from,
 * so rows of a since rewritten input never count.
 *
 * @param last   true for the unit's final part (the unit's rows end at endRow)
 * @param size   the part file's size in bytes (null in manifests written before sizes were recorded)
 * @param crc32c CRC-32C of the part file's bytes, 8 hex digits (null in older manifests)
 * @param input  {@link FileIdentity#key()} of the unit's input file when the part was written (null in older
 *               manifests: then it matches any identity)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PartRecord(String unit, String part, long firstRow, long endRow, boolean last, Long size,
        String crc32c, String input) {
    public long rows() {
        return endRow - firstRow;
    }
}
