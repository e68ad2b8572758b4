package org.tol.checkpoint;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * One line of a stage's {@code checkpoints_rank{R}/outputs.jsonl}. Before a unit's files are moved into
 * place an {@code intent} line lists them; after the moves a {@code commit} line repeats the list with sizes
 * and the unit's result. A unit is done once its commit line exists; files named by an intent line were
 * written by tol, so a redo of that unit may replace them (any other existing file is never overwritten).
 *
 * @param unit     the unit id
 * @param state    {@code intent} or {@code commit}
 * @param files    paths relative to OUT
 * @param bytes    sizes of {@code files}, same order (commit lines only)
 * @param crc32c   CRC-32C of each of {@code files} as 8 hex digits, same order (commit lines only)
 * @param rows     rows the unit handled (commit lines only)
 * @param failures failed rows: key, status, error (commit lines only)
 * @param details  stage-specific facts (commit lines only)
 * @param input    {@link FileIdentity#key()} of the unit's input file when the plan records identities (commit
 *                 lines only): a commit made from an older version of the file no longer counts
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StageRecord(String unit, String state, List<String> files, List<Long> bytes, List<String> crc32c, Long rows,
        List<Map<String, String>> failures, Map<String, Object> details, String input) {
    public static final String INTENT = "intent";
    public static final String COMMIT = "commit";
}
