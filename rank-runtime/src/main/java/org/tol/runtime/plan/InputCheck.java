package org.tol.runtime.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tol.api.ExitCodes;
import org.tol.api.TolException;
import org.tol.checkpoint.FileIdentity;
import org.tol.checkpoint.RunPlan;
import org.tol.checkpoint.WorkUnit;
import org.tol.io.parquet.InputFile;

/**
 * Compares the inputs of this start with the stored plan, on every start. Identical: the plan is reused.
 * Files added: they are planned too. The same files under another directory (same relative paths, same
 * identities): the plan follows them. Files changed or missing: refused (exit 2, naming them) unless
 * {@code --replan}, which keeps the units of unchanged files (their committed parts still count) and plans the
 * changed ones afresh (their old parts no longer match the file's identity and are ignored).
 *
 * <p>A file's size and mtime are compared first; only when they differ is its footer read to tell a touched
 * file (same {@link FileIdentity#key()}) from a rewritten one.
 */
public final class InputCheck {
    private static final Logger LOG = LoggerFactory.getLogger(InputCheck.class);
    private static final int NAMED = 10;

    private InputCheck() {}

    /** The plan to run with, and whether it differs from the stored one (then it must be stored). */
    public record Outcome(RunPlan plan, boolean changed) {}

    public static Outcome check(RunPlan stored, List<String> inputs, boolean replan, long splitBytes,
            int unitRowGroups) {
        return check(stored, inputs, org.tol.io.parquet.InputColumns.DEFAULT, replan, splitBytes, unitRowGroups);
    }

    /** As above, counting only input files with the image and id columns (see {@link InputSchemaCheck}). */
    public static Outcome check(RunPlan stored, List<String> inputs, org.tol.io.parquet.InputColumns columns,
            boolean replan, long splitBytes, int unitRowGroups) {
        Planner.Listing now = Planner.list(inputs, columns);
        Map<String, FileIdentity> ids = new TreeMap<>();
        List<String> changed = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String rel : plannedFiles(stored)) {
            InputFile f = now.files().get(rel);
            if (f == null) {
                missing.add(rel);
                continue;
            }
            FileIdentity old = stored.files() == null ? null : stored.files().get(rel);
            FileIdentity cur = old != null && old.size() == f.sizeBytes() && old.mtimeMs() == mtime(f) ? old
                    : Planner.identity(f.path());
            if (old != null && !old.key().equals(cur.key())) {
                changed.add(rel);
            }
            ids.put(rel, cur);
        }
        if (!changed.isEmpty() || !missing.isEmpty()) {
            String what = (changed.isEmpty() ? "" : changed.size() + " input file(s) changed since they were planned: "
                    + names(changed)) + (changed.isEmpty() || missing.isEmpty() ? "" : "; ")
                    + (missing.isEmpty() ? "" : missing.size() + " planned input file(s) missing: " + names(missing));
            if (!replan) {
                throw new TolException(what + " (under " + now.root() + ")",
                        "restore them, or rerun with --replan to keep the finished units of unchanged files and "
                                + "redo the rest", ExitCodes.USAGE, null);
            }
            LOG.warn("--replan: {}; their units are planned afresh", what);
        }
        List<WorkUnit> units = new ArrayList<>();
        boolean moved = stored.root() != null && !stored.root().equals(now.root().toString());
        for (WorkUnit u : stored.units()) {
            String rel = u.file();
            if (missing.contains(rel) || changed.contains(rel)) {
                continue;
            }
            String path = now.files().get(rel).path().toAbsolutePath().normalize().toString();
            units.add(path.equals(u.path()) ? u : u.at(path));
        }
        List<String> added = new ArrayList<>();
        for (Map.Entry<String, InputFile> e : now.files().entrySet()) {
            String rel = e.getKey();
            if (!ids.containsKey(rel) || changed.contains(rel)) {
                units.addAll(Planner.unitsOf(e.getValue(), rel, splitBytes, unitRowGroups));
                ids.put(rel, Planner.identity(e.getValue().path()));
                if (!changed.contains(rel)) {
                    added.add(rel);
                }
            }
        }
        if (!added.isEmpty()) {
            LOG.warn("{} input file(s) added since the plan was made; planning them too: {}", added.size(), names(added));
        }
        if (moved) {
            LOG.warn("the inputs moved from {} to {} (same files, same contents): resuming there", stored.root(),
                    now.root());
        }
        RunPlan plan = new RunPlan(stored.filter(), stored.fingerprint(), inputs, Lpt.largestFirst(units),
                now.root().toString(), ids);
        return new Outcome(plan, !plan.equals(stored));
    }

    /** The relative paths of the stored plan's files (from its identities, else from its units). */
    private static List<String> plannedFiles(RunPlan stored) {
        if (stored.files() != null) {
            return new ArrayList<>(stored.files().keySet());
        }
        return stored.units().stream().map(WorkUnit::file).distinct().toList();
    }

    private static long mtime(InputFile f) {
        try {
            return java.nio.file.Files.getLastModifiedTime(f.path()).toMillis();
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private static String names(List<String> rels) {
        return String.join(", ", rels.subList(0, Math.min(NAMED, rels.size())))
                + (rels.size() > NAMED ? " and " + (rels.size() - NAMED) + " more" : "");
    }
}
