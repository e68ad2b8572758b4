package org.tol.tests.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.checkpoint.OutLayout;
import org.tol.cli.TolCommand;
import org.tol.runtime.status.ProgressView;
import picocli.CommandLine;

/** One progress line for all ranks: its figures, and {@code tol status --watch} returning once no rank runs. */
class ProgressViewTest {
    @TempDir Path dir;

    private int tol(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = TolCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void lineShowsUnitsRowsFailuresRateAndEta() {
        ProgressView.Snapshot s = new ProgressView.Snapshot(3, 12, 1, 12345, 7, 250.0, 95, 4, 1, true);
        assertEquals("[######------------------]  25% units 3/12 | rows 12,345 | failed: 1 units, 7 rows | 250.0 rows/s | "
                + "ETA 1m35s | ranks: 4 running, 1 stalled", ProgressView.line(s));
        ProgressView.Snapshot done = new ProgressView.Snapshot(12, 12, 0, 20000, 0, 0, 0, 0, 0, false);
        assertTrue(ProgressView.line(done).startsWith("[########################] 100% units 12/12"));
        assertTrue(ProgressView.line(done).contains("ETA done"));
    }

    @Test
    void watchEndsWhenNoRankRunsAndShowsWhatWasCommitted() throws Exception {
        String d = dir.toString();
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        assertEquals(0, tol(o, e, "sample", "make", "--out", d + "/sample", "--files", "2", "--images", "8", "--bad-rows", "1"));
        assertEquals(0, tol(o, e, "filter", "image-stats", "--input", d + "/sample/data", "--output", d + "/run"));
        StringWriter err = new StringWriter();
        assertEquals(0, tol(new StringWriter(), err, "status", d + "/run", "--watch", "--interval", "0.05"));
        assertTrue(err.toString().contains("100% units 2/2 | rows 8 | failed: 0 units, 1 rows"), err.toString());

        // a run stopped half way (one unit's parts and log line gone): watch does not wait for it
        Path manifest = Path.of(d, "run/checkpoints_rank0/manifest.jsonl");
        Files.writeString(manifest, Files.readAllLines(manifest).get(0) + "\n");
        Path log = Path.of(d, "run/logs/processed_files_rank0.log");
        Files.writeString(log, Files.readAllLines(log).get(0) + "\n");
        ProgressView.Snapshot s = ProgressView.of(new OutLayout(Path.of(d, "run")), 120);
        assertEquals(1, s.unitsDone());
        assertTrue(!s.active() && !s.complete());
        StringWriter err2 = new StringWriter();
        // status's exit code says how the run stands: 3, incomplete (no rank running, units missing)
        assertEquals(3, tol(new StringWriter(), err2, "status", d + "/run", "--watch", "--interval", "0.05"));
        assertTrue(err2.toString().contains(" 50% units 1/2"), err2.toString());
        assertTrue(err2.toString().contains("ETA ?"), err2.toString());
    }
}
