package org.tol.runtime.reference;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tol.checkpoint.AppendLog;
import org.tol.checkpoint.RunPlan;
import org.tol.checkpoint.WorkUnit;

/**
 * Matches the reference's processed-files log lines to planned input files. The reference logs each path as
 * {@code Path(target_dir).rglob} printed it: the target directory as it was given (relative to a working
 * directory we do not know, or absolute, with {@code ./} or {@code //} left in), then the path below it. A
 * line names a planned file when, compared component by component, it ends with that file's path relative to
 * the plan's root; the longest such match wins.
 */
final class ProcessedLines {
    private ProcessedLines() {}

    /** Planned file (relative path) to the log lines that name it. */
    static Map<String, List<String>> byFile(Path logsDir, RunPlan plan) throws IOException {
        Map<String, List<Planned>> index = index(plan);
        Map<String, List<String>> out = new HashMap<>();
        for (String line : lines(logsDir)) {
            String file = match(line, index);
            if (file != null) {
                out.computeIfAbsent(file, k -> new ArrayList<>()).add(line);
            }
        }
        return out;
    }

    static List<String> unmatched(Path logsDir, RunPlan plan) throws IOException {
        Map<String, List<Planned>> index = index(plan);
        List<String> out = new ArrayList<>();
        for (String line : lines(logsDir)) {
            if (match(line, index) == null) {
                out.add(line);
            }
        }
        return out;
    }

    private static List<String> lines(Path logsDir) throws IOException {
        List<String> all = new ArrayList<>();
        for (Path f : ReferenceFiles.list(logsDir)) {
            if (f.getFileName().toString().startsWith("processed_files_rank")) {
                all.addAll(AppendLog.read(f));
            }
        }
        return all;
    }

    /**
     * The planned files' path components by file name, so a line is compared only with the files of its name
     * (a run of 100k files would otherwise compare every line with every file).
     */
    private static Map<String, List<Planned>> index(RunPlan plan) {
        Map<String, List<Planned>> index = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (WorkUnit u : plan.units()) {
            List<String> rel = components(u.file());
            if (!rel.isEmpty() && seen.add(u.file())) {
                index.computeIfAbsent(rel.get(rel.size() - 1), k -> new ArrayList<>()).add(new Planned(u.file(), rel));
            }
        }
        return index;
    }

    private static String match(String line, Map<String, List<Planned>> index) {
        List<String> parts = components(line.strip());
        if (parts.isEmpty()) {
            return null;
        }
        Planned best = null;
        for (Planned p : index.getOrDefault(parts.get(parts.size() - 1), List.of())) {
            List<String> rel = p.parts();
            if ((best == null || rel.size() > best.parts().size()) && rel.size() <= parts.size()
                    && parts.subList(parts.size() - rel.size(), parts.size()).equals(rel)) {
                best = p;
            }
        }
        return best == null ? null : best.file();
    }

    /** A planned file: its path relative to the plan's root, and that path's components. */
    private record Planned(String file, List<String> parts) {}

    /** Path components without empty and "." ones (the reference does not normalise; we compare normalised). */
    private static List<String> components(String path) {
        List<String> out = new ArrayList<>();
        for (String c : path.replace('\\', '/').split("/")) {
            if (!c.isEmpty() && !c.equals(".")) {
                out.add(c);
            }
        }
        return out;
    }
}
