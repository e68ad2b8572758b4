package org.tol.checkpoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What is already done in OUT, read from the files of <em>all</em> ranks that ever ran there (any rank count):
 * processed-unit markers, committed parts per unit, and failed-file records. Nothing here trusts a rank's own
 * number, which is what makes resuming with another rank count exact.
 */
public final class DoneState {
    private static final Logger LOG = LoggerFactory.getLogger(DoneState.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Set<String> processed = new HashSet<>();
    private final Map<String, List<RankedPart>> parts = new HashMap<>();
    private final Map<String, String> failed = new LinkedHashMap<>();
    private final Map<String, StageRecord> stageCommits = new HashMap<>();
    private final Set<String> stageIntended = new HashSet<>();

    private DoneState() {}

    public static DoneState load(OutLayout out) throws IOException {
        DoneState s = new DoneState();
        for (int rank : out.ranksPresent()) {
            s.processed.addAll(AppendLog.read(out.processedLog(rank)));
            for (String line : AppendLog.read(out.failedLog(rank))) {
                int tab = line.indexOf('\t');
                s.failed.put(tab < 0 ? line : line.substring(0, tab), tab < 0 ? "" : line.substring(tab + 1));
            }
            for (String line : AppendLog.read(out.manifest(rank))) {
                PartRecord rec;
                try {
                    rec = JSON.readValue(line, PartRecord.class);
                } catch (IOException e) {
                    LOG.warn("ignoring unreadable manifest line in {}: {}", out.manifest(rank), line);
                    continue;
                }
                s.parts.computeIfAbsent(rec.unit(), k -> new ArrayList<>())
                        .add(new RankedPart(rank, out.checkpointDir(rank).resolve(rec.part()), rec));
            }
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
                stageCommits.put(rec.unit(), rec);
            }
            if (rec.files() != null) {
                stageIntended.addAll(rec.files());
            }
        }
    }

    /** The commit record of a stage unit (its files are all in place), or null. */
    public StageRecord stageCommit(String unitId) {
        return stageCommits.get(unitId);
    }

    /** Every stage commit record, by unit id. */
    public Map<String, StageRecord> stageCommits() {
        return Map.copyOf(stageCommits);
    }

    /** True when an intent or commit record names this OUT-relative file: tol wrote it and may replace it. */
    public boolean stageWrote(String relativePath) {
        return stageIntended.contains(relativePath);
    }

    /** True when the unit's processed-log line exists, or (a stage unit) its commit record. */
    public boolean isDone(WorkUnit unit) {
        return processed.contains(unit.logLine()) || stageCommits.containsKey(unit.id());
    }

    /**
     * The committed parts of a unit that form one gap-free run of rows from row 0, ordered by row: a chain
     * that reaches the unit's last part when one exists, else the longest. Parts that overlap or lie beyond a
     * gap (two processes once worked the same unit with different part boundaries) are left out.
     */
    public List<RankedPart> contiguousParts(String unitId) {
        Map<Long, List<RankedPart>> byFirst = new HashMap<>();
        for (RankedPart p : parts.getOrDefault(unitId, List.of())) {
            if (p.record().endRow() > p.record().firstRow() || p.record().last()) {
                byFirst.computeIfAbsent(p.record().firstRow(), k -> new ArrayList<>()).add(p);
            }
        }
        return bestChain(0, byFirst, new HashMap<>());
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
