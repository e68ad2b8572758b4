package org.tol.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoneStateTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path tmp;

    private void part(OutLayout out, int rank, String unit, long first, long end, boolean last) throws Exception {
        AppendLog.append(out.manifest(rank), JSON.writeValueAsString(
                new PartRecord(unit, PartNames.part(unit, first), first, end, last)));
    }

    @Test
    void resumeRowFollowsCommittedPartsAcrossRankDirectories() throws Exception {
        OutLayout out = new OutLayout(tmp);
        // Rank 5 of an 8-rank run committed rows 0-40; rank 1 of the later 3-rank run went on to 64.
        part(out, 5, "a.parquet", 0, 20, false);
        part(out, 5, "a.parquet", 20, 40, false);
        part(out, 1, "a.parquet", 40, 64, false);
        part(out, 2, "b.parquet", 10, 30, false); // beyond a gap: does not count
        DoneState s = DoneState.load(out);
        assertEquals(64, s.resumeRow("a.parquet"));
        assertEquals(3, s.contiguousParts("a.parquet").size());
        assertEquals(0, s.resumeRow("b.parquet"));
        assertFalse(s.partsComplete("a.parquet"));

        part(out, 1, "a.parquet", 64, 70, true);
        assertTrue(DoneState.load(out).partsComplete("a.parquet"));
    }

    @Test
    void overlappingPartsFromTwoProcessesStillFormTheCompleteChain() throws Exception {
        OutLayout out = new OutLayout(tmp);
        part(out, 5, "u", 0, 40, false);
        part(out, 5, "u", 40, 80, false); // a stray process went on with other boundaries and stopped
        part(out, 1, "u", 40, 64, false);
        part(out, 1, "u", 64, 100, true);
        DoneState s = DoneState.load(out);
        assertTrue(s.partsComplete("u"));
        assertEquals(100, s.resumeRow("u"));
        assertEquals(java.util.List.of(0L, 40L, 64L),
                s.contiguousParts("u").stream().map(p -> p.record().firstRow()).toList());
    }

    @Test
    void doneComesFromEveryRanksProcessedLog() throws Exception {
        OutLayout out = new OutLayout(tmp);
        WorkUnit a = new WorkUnit("a.parquet", "/in/a.parquet", 10, 0, -1);
        WorkUnit b = new WorkUnit("b.parquet#rg0-2", "/in/b.parquet", 10, 0, 2);
        AppendLog.append(out.processedLog(7), a.logLine());
        AppendLog.append(out.processedLog(0), "/in/b.parquet#rg0-2");
        AppendLog.append(out.failedLog(3), "/in/c.parquet\tIOException: not a Parquet file");
        DoneState s = DoneState.load(out);
        assertTrue(s.isDone(a));
        assertTrue(s.isDone(b));
        assertEquals("IOException: not a Parquet file", s.failed().get("/in/c.parquet"));
    }
}
