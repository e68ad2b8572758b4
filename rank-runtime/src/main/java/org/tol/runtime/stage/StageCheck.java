package org.tol.runtime.stage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tol.checkpoint.OutLayout;
import org.tol.checkpoint.PartCheck;
import org.tol.checkpoint.StageRecord;

/** {@code tol verify} for a stage unit: every file its commit record lists is there, with its size and CRC-32C. */
public final class StageCheck {
    private StageCheck() {}

    public static List<Map<String, Object>> damagedFiles(OutLayout out, StageRecord commit) {
        List<Map<String, Object>> bad = new ArrayList<>();
        if (commit.files() == null) {
            return bad;
        }
        for (int i = 0; i < commit.files().size(); i++) {
            Path f = out.root().resolve(commit.files().get(i));
            Long want = commit.bytes() == null || commit.bytes().size() <= i ? null : commit.bytes().get(i);
            String problem = null;
            try {
                if (!Files.isRegularFile(f)) {
                    problem = "missing";
                } else if (want != null && Files.size(f) != want) {
                    problem = "size " + Files.size(f) + ", recorded " + want;
                } else if (commit.crc32c() != null && commit.crc32c().size() > i
                        && !PartCheck.crc32c(f).equals(commit.crc32c().get(i))) {
                    problem = "checksum " + PartCheck.crc32c(f) + ", recorded " + commit.crc32c().get(i);
                }
            } catch (IOException e) {
                problem = "unreadable: " + e.getMessage();
            }
            if (problem != null) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("unit", commit.unit());
                m.put("file", f.toString());
                m.put("problem", problem + " (delete the unit's commit line to redo it, or rerun into a new OUT)");
                bad.add(m);
            }
        }
        return bad;
    }
}
