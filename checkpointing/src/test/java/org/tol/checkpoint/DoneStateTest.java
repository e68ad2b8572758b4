package org.tol.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoneStateTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path tmp;

    private Path part(OutLayout out, int rank, String unit, long first, long end, boolean last) throws Exception {
        return part(out, rank, unit, first, end, last, null);
    }

    /** Writes a part file (stand-in bytes) and its manifest line with size, checksum and input identity. */
    private Path part(OutLayout out, int rank, String unit, long first, long end, boolean last, String input)
            throws Exception {
        Path file = out.checkpointDir(rank).resolve(PartNames.part(unit, first));
        Files.createDirectories(file.getParent());
        Files.writeString(file, unit + " rows " + first + "-" + end);
        AppendLog.append(out.manifest(rank), JSON.writeValueAsString(new PartRecord(unit, file.getFileName().toString(),
                first, end, last, Files.size(file), PartCheck.crc32c(file), input)));
        return file;
    }

    @Test
    void aMissingOrDamagedPartEndsTheChainSoTheUnitIsRedoneFromTheLastGoodPart() throws Exception {
        OutLayout out = new OutLayout(tmp);
        WorkUnit u = new WorkUnit("u", "/in/u", 10, 0, -1);
        part(out, 0, "u", 0, 10, false);
        Path second = part(out, 0, "u", 10, 20, false);
        Path third = part(out, 0, "u", 20, 30, true);
        AppendLog.append(out.processedLog(0), u.logLine());
        assertTrue(DoneState.load(out).isDone(u));

        Files.delete(third);
        DoneState s = DoneState.load(out);
        assertFalse(s.isDone(u), "the processed log does not make a unit with a missing part done");
        assertEquals(20, s.resumeRow("u"));

        part(out, 0, "u", 20, 30, true);
        byte[] b = Files.readAllBytes(second);
        b[0] ^= 1; // same size, other bytes: only the checksum sees it
        Files.write(second, b);
        assertEquals(10, DoneState.load(out).resumeRow("u"));
        assertEquals(30, DoneState.load(out, PartCheck.Depth.SIZE).resumeRow("u"), "a size check alone trusts it");
        Files.writeString(second, "short");
        assertEquals(10, DoneState.load(out, PartCheck.Depth.SIZE).resumeRow("u"));
    }

    @Test
    void rowsAfterAGapAreFoundSoOnlyTheGapIsRedone() throws Exception {
        OutLayout out = new OutLayout(tmp);
        part(out, 0, "u", 0, 10, false);
        part(out, 0, "u", 12, 20, false);
        part(out, 0, "u", 20, 30, true);
        DoneState s = DoneState.load(out);
        assertEquals(10, s.resumeRow("u"));
        assertEquals(12, s.nextPartStart("u", 10));
        assertEquals(-1, s.nextPartStart("u", 20));
        assertTrue(s.chainFrom("u", 12).get(1).record().last());
        part(out, 1, "u", 10, 12, false); // the gap, done by another rank
        assertTrue(DoneState.load(out).partsComplete("u"));
    }

    @Test
    void aTornManifestLineAnywhereIsSkippedAndLaterLinesStillCount() throws Exception {
        OutLayout out = new OutLayout(tmp);
        part(out, 0, "u", 0, 10, false);
        Files.writeString(out.manifest(0), "{\"unit\":\"u\",\"pa", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(1, Manifests.read(out.manifest(0)).size(), "torn last line dropped");
        part(out, 0, "u", 10, 20, true); // the append closes the torn line first
        assertEquals(2, Manifests.read(out.manifest(0)).size(), "the closed torn line is skipped, not fatal");
        assertTrue(DoneState.load(out).partsComplete("u"));
    }

    @Test
    void partsReadFromOtherInputDataDoNotCount() throws Exception {
        OutLayout out = new OutLayout(tmp);
        part(out, 0, "u", 0, 10, false, "100:aaaa");
        part(out, 0, "u", 10, 20, true, "100:aaaa");
        assertTrue(DoneState.load(out).withInputs(java.util.Map.of("u", "100:aaaa")).partsComplete("u"));
        assertEquals(0, DoneState.load(out).withInputs(java.util.Map.of("u", "100:bbbb")).resumeRow("u"));
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
    void doneComesFromEveryRanksParts() throws Exception {
        OutLayout out = new OutLayout(tmp);
        WorkUnit a = new WorkUnit("a.parquet", "/in/a.parquet", 10, 0, -1);
        WorkUnit b = new WorkUnit("b.parquet#rg0-2", "/in/b.parquet", 10, 0, 2);
        part(out, 7, a.id(), 0, 5, true);
        part(out, 0, b.id(), 0, 5, true);
        AppendLog.append(out.processedLog(7), a.logLine());
        AppendLog.append(out.failedLog(3), "/in/c.parquet\tIOException: not a Parquet file");
        DoneState s = DoneState.load(out);
        assertTrue(s.isDone(a));
        assertTrue(s.isDone(b));
        assertEquals("IOException: not a Parquet file", s.failed().get("/in/c.parquet"));
    }
}
