package org.tol.checkpoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one reader of part manifests ({@code checkpoints_rank{R}/manifest.jsonl}); every component that needs
 * the committed parts goes through it, so damage is tolerated the same way everywhere. A torn last line (a
 * crash or full disk mid-append) is dropped by {@link AppendLog#read}; a line that a later append closed with
 * a newline, or any other line that is not a part record, is skipped with a warning: the part it may have
 * described was never durably listed, so its rows are redone.
 */
public final class Manifests {
    private static final Logger LOG = LoggerFactory.getLogger(Manifests.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private Manifests() {}

    public static List<PartRecord> read(Path manifest) throws IOException {
        List<PartRecord> records = new ArrayList<>();
        for (String line : AppendLog.read(manifest)) {
            PartRecord rec = parse(line);
            if (rec == null) {
                LOG.warn("ignoring unreadable line in {} (a torn write; its rows are redone): {}", manifest,
                        line.length() > 120 ? line.substring(0, 120) + "..." : line);
            } else {
                records.add(rec);
            }
        }
        return records;
    }

    /** The line as a part record, or null when it is not one. */
    static PartRecord parse(String line) {
        try {
            PartRecord rec = JSON.readValue(line, PartRecord.class);
            return rec.unit() == null || rec.part() == null ? null : rec;
        } catch (IOException e) {
            return null;
        }
    }

    /** The manifest line for {@code rec}. */
    public static String line(PartRecord rec) {
        try {
            return JSON.writeValueAsString(rec);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
