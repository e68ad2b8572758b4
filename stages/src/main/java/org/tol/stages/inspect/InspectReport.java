package org.tol.stages.inspect;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** What {@code tol inspect --json} prints: totals, every bad row with its reason, and per-file facts. */
public record InspectReport(
        long rows,
        long ok,
        long bad,
        @JsonProperty("bad_rows") List<BadRow> badRows,
        @JsonProperty("failed_files") long failedFiles,
        List<FileReport> files) {

    public record BadRow(String uuid, String file, long row, String reason, String message) {}

    public record FileReport(
            String path,
            long bytes,
            long rows,
            long ok,
            long bad,
            @JsonProperty("row_groups") int rowGroups,
            List<String> codecs,
            @JsonProperty("created_by") String createdBy,
            List<String> schema,
            String error) {}

    public boolean complete() {
        return bad == 0 && failedFiles == 0;
    }
}
