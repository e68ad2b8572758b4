package org.tol.checkpoint;

/**
 * One committed part file: rows {@code [firstRow, endRow)} of a unit (row numbers count from the unit's first
 * row in reading order). Written to {@code checkpoints_rank{R}/manifest.jsonl} only after the part file was
 * atomically renamed into place, so a listed part always exists and is complete.
 *
 * @param last true for the unit's final part (the unit's rows end at endRow)
 */
public record PartRecord(String unit, String part, long firstRow, long endRow, boolean last) {
    public long rows() {
        return endRow - firstRow;
    }
}
