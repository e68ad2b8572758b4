package org.tol.api.stage;

/**
 * One unit of a stage's work.
 *
 * @param id    stable id (e.g. the input's path relative to the inputs' common directory, or {@code group_id=7})
 * @param path  the file or directory the unit reads (absolute); written to the processed log when done
 * @param bytes size used for largest-first scheduling and the ETA
 */
public record StageUnit(String id, String path, long bytes) {}
