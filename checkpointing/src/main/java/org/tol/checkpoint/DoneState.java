package org.tol.checkpoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What is already done in OUT, read from the files of <em>all</em> ranks that ever ran there (any rank count):
 * processed-unit markers, committed parts per unit, and failed-file records. Nothing here trusts a rank's own
 * number, which is what makes resuming with another rank count exact.
 *
 * <p>Nothing here trusts a claim either: a part counts only when its file still matches its manifest line
 * (size, and checksum unless {@link PartCheck.Depth#SIZE} was asked for) and, when the plan recorded input
 * identities, when it was read from the same input data. A unit is done when its counted parts run gap-free
 * from row 0 to the unit's final part; the processed log is written for the reference's tooling, not trusted.
 */
public final class DoneState {
    private static final Logger LOG = LoggerFactory.getLogger(DoneState.class);

    /** The pseudo rank of parts imported from a reference run ({@link OutLayout#importDir()}). */
    public static final int IMPORT_RANK = -1;

    /** How {@link #problem} starts for a part read from input data that has changed since. */
    public static final String STALE = "stale";

    private final Set<String> processed = new HashSet<>();
    private final Map<String, List<RankedPart>> parts = new HashMap<>();
    private final Map<String, String> failed = new LinkedHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();
    // Every commit record per unit, in reading order: a unit redone after its input changed has more than one.
    private final Map<String, List<StageRecord>> stageCommits = new HashMap<>();
    private final Set<String> stageIntended = new HashSet<>();
    // Every file any intent or commit record of a unit named: what a redo of the unit may have to remove.
    private final Map<String, Set<String>> stageFilesByUnit = new HashMap<>();
    private final PartCheck.Depth depth;
    private final Map<RankedPart, String> checked = new ConcurrentHashMap<>();
    private volatile Map<String, String> inputKeys = Map.of();

    private DoneState(PartCheck.Depth depth) {
        this.depth = depth;
    }

    /** Everything committed in OUT, each part verified with its checksum when first needed. */
    public static DoneState load(OutLayout out) throws IOException {
        return load(out, PartCheck.Depth.CHECKSUM);
    }

    public static DoneState load(OutLayout out, PartCheck.Depth depth) throws IOException {
        DoneState s = new DoneState(depth);
        s.addParts(IMPORT_RANK, out.importDir(), out.importDir().resolve(OutLayout.MANIFEST));
        for (int rank : out.ranksPresent()) {
            s.processed.addAll(AppendLog.read(out.processedLog(rank)));
            for (String line : AppendLog.read(out.failedLog(rank))) {
                int tab = line.indexOf('\t');
                s.failed.put(tab < 0 ? line : line.substring(0, tab), tab < 0 ? "" : line.substring(tab + 1));
            }
            s.addParts(rank, out.checkpointDir(rank), out.manifest(rank));
            s.loadStageRecords(out, rank);
        }
        return s;
    }

    private void loadStageRecords(OutLayout out, int rank) throws IOException {
        for (String line : AppendLog.read(out.stageManifest(rank))) {
            StageRecord rec;
            try {
                rec = JSON.readValue(line, StageRecord.class);
            } catch (IOException e) {
                LOG.warn("ignoring unreadable stage record in {}: {}", out.stageManifest(rank), line);
                continue;
            }
            if (StageRecord.COMMIT.equals(rec.state())) {
                stageCommits.computeIfAbsent(rec.unit(), k -> new ArrayList<>()).add(rec);
            }
            if (rec.files() != null) {
                stageIntended.addAll(rec.files());
                stageFilesByUnit.computeIfAbsent(rec.unit(), k -> new HashSet<>()).addAll(rec.files());
            }
        }
    }

    /** The commit record of a stage unit (its files are all in place), or null. */
    public StageRecord stageCommit(String unitId) {
        List<StageRecord> recs = stageCommits.get(unitId);
        if (recs == null) {
            return null;
        }
        // Like a part, a commit made from another version of the unit's input file does not count.
        String expected = inputKeys.get(unitId);
        for (int i = recs.size() - 1; i >= 0; i--) {
            StageRecord r = recs.get(i);
            if (expected == null || r.input() == null || expected.equals(r.input())) {
                return r;
            }
        }
        return null;
    }

    /** Every stage commit record, by unit id. */
    public Map<String, StageRecord> stageCommits() {
        Map<String, StageRecord> counted = new HashMap<>();
        for (String unit : stageCommits.keySet()) {
            StageRecord r = stageCommit(unit);
            if (r != null) {
                counted.put(unit, r);
            }
        }
        return counted;
    }

    /** Every OUT-relative file that an intent or commit record of this unit named (any rank, any run). */
    public Set<String> stageFilesOf(String unitId) {
        return Set.copyOf(stageFilesByUnit.getOrDefault(unitId, Set.of()));
    }

    /** True when an intent or commit record names this OUT-relative file: tol wrote it and may replace it. */
    public boolean stageWrote(String relativePath) {
        return stageIntended.contains(relativePath);
    }

    private void addParts(int rank, Path dir, Path manifest) throws IOException {
        if (!Files.exists(manifest)) {
            return;
        }
        for (PartRecord rec : Manifests.read(manifest)) {
            parts.computeIfAbsent(rec.unit(), k -> new ArrayList<>()).add(new RankedPart(rank, dir.resolve(rec.part()), rec));
        }
    }

    /**
     * Counts only parts read from the plan's current input data: {@code keys} maps unit id to the
     * {@link FileIdentity#key()} of its file. Parts recorded without an identity count for any.
     */
    public DoneState withInputs(Map<String, String> keys) {
        inputKeys = Map.copyOf(keys);
        return this;
    }

    /** True when the unit's verified parts hold all its rows, or (a stage unit) its commit record exists. */
    public boolean isDone(WorkUnit unit) {
        return partsComplete(unit.id()) || stageCommit(unit.id()) != null;
    }

    /** True when a processed-log line names this unit (a claim; {@link #isDone} is what counts). */
    public boolean loggedProcessed(WorkUnit unit) {
        return processed.contains(unit.logLine());
    }

    /** Why a part does not count, or null when it does (verified once, then remembered). */
    public String problem(RankedPart p) {
        String expected = inputKeys.get(p.record().unit());
        if (expected != null && p.record().input() != null && !expected.equals(p.record().input())) {
            return STALE + ": read from other input data (" + p.record().input() + ", now " + expected + ")";
        }
        String why = checked.computeIfAbsent(p, k -> {
            String problem = PartCheck.problem(k.file(), k.record(), depth);
            return problem == null ? "" : problem;
        });
        if (!why.isEmpty() && LOG.isDebugEnabled()) {
            LOG.debug("part {} does not count: {}", p.file(), why);
        }
        return why.isEmpty() ? null : why;
    }

    /** Every listed part of a unit, verified or not, for reports. */
    public List<RankedPart> listedParts(String unitId) {
        return List.copyOf(parts.getOrDefault(unitId, List.of()));
    }

    /** The unit ids that have listed parts (also ids that are no longer in the plan). */
    public Set<String> unitsWithParts() {
        return Set.copyOf(parts.keySet());
    }

    /**
     * The committed parts of a unit that form one gap-free run of rows from row 0, ordered by row: a chain
     * that reaches the unit's last part when one exists, else the longest. Parts that overlap or lie beyond a
     * gap (two processes once worked the same unit with different part boundaries) are left out, and so are
     * parts that fail verification: the chain stops before a missing or damaged part.
     */
    public List<RankedPart> contiguousParts(String unitId) {
        return bestChain(0, byFirst(unitId), new HashMap<>());
    }

    /** Like {@link #contiguousParts} but starting at row {@code from} (the committed rows after a gap). */
    public List<RankedPart> chainFrom(String unitId, long from) {
        return bestChain(from, byFirst(unitId), new HashMap<>());
    }

    /**
     * The first row after {@code row} at which a counted part of the unit starts, or -1: processing that
     * resumes at {@code row} stops there and goes on after the parts that follow (rows imported from a
     * reference run around the rows it skipped, or the parts after a damaged one).
     */
    public long nextPartStart(String unitId, long row) {
        return byFirst(unitId).keySet().stream().filter(r -> r > row).min(Long::compare).orElse(-1L);
    }

    private Map<Long, List<RankedPart>> byFirst(String unitId) {
        Map<Long, List<RankedPart>> byFirst = new HashMap<>();
        for (RankedPart p : parts.getOrDefault(unitId, List.of())) {
            if ((p.record().endRow() > p.record().firstRow() || p.record().last()) && problem(p) == null) {
                byFirst.computeIfAbsent(p.record().firstRow(), k -> new ArrayList<>()).add(p);
            }
        }
        return byFirst;
    }

    /** Best chain from row {@code from}: complete beats incomplete, then more rows; memoised by row. */
    private static List<RankedPart> bestChain(long from, Map<Long, List<RankedPart>> byFirst,
            Map<Long, List<RankedPart>> memo) {
        List<RankedPart> known = memo.get(from);
        if (known != null) {
            return known;
        }
        List<RankedPart> best = List.of();
        for (RankedPart p : byFirst.getOrDefault(from, List.of())) {
            List<RankedPart> chain = new ArrayList<>();
            chain.add(p);
            if (!p.record().last() && p.record().endRow() > from) {
                chain.addAll(bestChain(p.record().endRow(), byFirst, memo));
            }
            if (better(chain, best)) {
                best = chain;
            }
        }
        memo.put(from, best);
        return best;
    }

    private static boolean better(List<RankedPart> a, List<RankedPart> b) {
        if (b.isEmpty()) {
            return !a.isEmpty();
        }
        boolean ca = a.get(a.size() - 1).record().last();
        boolean cb = b.get(b.size() - 1).record().last();
        if (ca != cb) {
            return ca;
        }
        return a.get(a.size() - 1).record().endRow() > b.get(b.size() - 1).record().endRow();
    }

    /** The row a unit's processing resumes at: the end of its contiguous committed parts (0 when none). */
    public long resumeRow(String unitId) {
        List<RankedPart> chain = contiguousParts(unitId);
        return chain.isEmpty() ? 0 : chain.get(chain.size() - 1).record().endRow();
    }

    /** True when the unit's committed parts reach its final part (all rows written), even if unmarked. */
    public boolean partsComplete(String unitId) {
        List<RankedPart> chain = contiguousParts(unitId);
        return !chain.isEmpty() && chain.get(chain.size() - 1).record().last();
    }

    public Set<String> processedLines() {
        return Set.copyOf(processed);
    }

    /** Failed unit log lines with their reasons (latest record wins). */
    public Map<String, String> failed() {
        return Map.copyOf(failed);
    }

    public int partCount() {
        return parts.values().stream().mapToInt(List::size).sum();
    }
}
