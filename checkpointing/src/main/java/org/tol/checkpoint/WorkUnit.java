package org.tol.checkpoint;

/**
 * One unit of work: a whole input Parquet file, or the row groups {@code [firstRowGroup, endRowGroup)} of a
 * large one. The id depends only on the input (relative path and row-group range), never on the rank count,
 * so any rank of any later run can pick up where another left off.
 *
 * @param id           stable id: relative path, plus {@code #rg<first>-<end>} for a row-group range
 * @param path         the file to read (absolute)
 * @param bytes        size used for largest-first scheduling (file size, or the range's compressed size)
 * @param firstRowGroup first row group, 0 for a whole file
 * @param endRowGroup  one past the last row group, or -1 for "to the end of the file"
 */
public record WorkUnit(String id, String path, long bytes, int firstRowGroup, int endRowGroup) {
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean wholeFile() {
        return endRowGroup < 0;
    }

    /**
     * The line written to {@code processed_files_rank{R}.log}: the source path, as in the reference, plus the
     * row-group range for a split file.
     */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public String logLine() {
        return wholeFile() ? path : path + "#rg" + firstRowGroup + "-" + endRowGroup;
    }

    /** The input file's path relative to the plan's root: the id without its row-group range. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public String file() {
        int hash = id.lastIndexOf("#rg");
        return hash < 0 ? id : id.substring(0, hash);
    }

    /** The same unit read from {@code newPath} (the inputs moved; ids and ranges stay). */
    public WorkUnit at(String newPath) {
        return new WorkUnit(id, newPath, bytes, firstRowGroup, endRowGroup);
    }

    public static String rangeId(String relativePath, int first, int end) {
        return relativePath + "#rg" + first + "-" + end;
    }
}
