package org.tol.tests.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.api.ExitCodes;
import org.tol.api.image.DecodeError;
import org.tol.checkpoint.AppendLog;
import org.tol.checkpoint.OutLayout;
import org.tol.cli.TolCommand;
import org.tol.runtime.exec.StopFlag;
import org.tol.stages.sample.SampleMaker;
import org.tol.stages.sample.SampleManifest;
import org.tol.stages.sample.SampleSpec;
import picocli.CommandLine;

/**
 * A corrupt Parquet file among the inputs is recorded as failed with its reason and not marked processed; all
 * other units complete; {@code tol collect} exits 3 and names it. Rows whose image does not decode end up in
 * failures.parquet with their status and reason.
 */
class FailedInputsTest {
    @TempDir Path tmp;

    @Test
    void corruptFileIsListedAndBadRowsGoToFailures() throws Exception {
        Path in = tmp.resolve("in");
        long rows = RuntimeHarness.sampleData(in);
        Path corrupt = in.resolve("small/source=s9/data_9999.parquet");
        Files.createDirectories(corrupt.getParent());
        Files.write(corrupt, "PAR1 this is not a parquet file, it was cut short by a failed copy".getBytes());

        Path out = tmp.resolve("out");
        int[] codes = RuntimeHarness.runThreads(RuntimeHarness.config(in, out), 2, new StopFlag());
        assertTrue(codes[0] == ExitCodes.INCOMPLETE ^ codes[1] == ExitCodes.INCOMPLETE, "exactly one rank had it: "
                + codes[0] + "," + codes[1]);

        OutLayout layout = new OutLayout(out);
        String failedLines = String.join("\n", AppendLog.read(layout.failedLog(0)))
                + String.join("\n", AppendLog.read(layout.failedLog(1)));
        assertTrue(failedLines.startsWith(corrupt.toAbsolutePath().toString() + "\t"), failedLines);
        assertTrue(failedLines.length() > corrupt.toAbsolutePath().toString().length() + 5, "a reason is given");
        for (int r = 0; r < 2; r++) {
            assertTrue(!AppendLog.read(layout.processedLog(r)).contains(corrupt.toAbsolutePath().toString()));
        }

        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        CommandLine cl = TolCommand.commandLine();
        cl.setOut(new PrintWriter(stdout, true));
        int code = cl.execute("collect", out.toString());
        assertEquals(ExitCodes.INCOMPLETE, code);
        assertTrue(stdout.toString().contains(corrupt.toAbsolutePath().toString()), stdout.toString());
        assertTrue(Files.readString(layout.summary()).contains("data_9999.parquet"));

        Map<String, Map<String, Object>> preds = RuntimeHarness.readPredictions(out.resolve("predictions.parquet"));
        assertEquals(rows, preds.size(), "every row of the readable files is there");
        Map<String, Map<String, Object>> failures = RuntimeHarness.readPredictions(out.resolve("failures.parquet"));
        // TinySample cuts every 37th row of the "big" set short: 288 rows -> 7 bad rows.
        assertEquals(7, failures.size());
        for (Map<String, Object> f : failures.values()) {
            assertEquals(DecodeError.SIZE_MISMATCH.status(), f.get("status"));
            assertTrue(String.valueOf(f.get("error")).contains("match neither"), String.valueOf(f.get("error")));
            assertEquals(null, f.get("pixel_sha256"));
        }

        assertEquals(ExitCodes.OK, RuntimeHarness.tol(List.of("collect", out.toString(), "--allow-partial")));
    }

    @Test
    void failuresParquetHoldsExactlyTheSampleMakersBadRowsWithTheirReasons() throws Exception {
        // tol sample make plants bad rows and records the status tol must give each one.
        SampleManifest manifest = SampleMaker.make(tmp.resolve("sample"), new SampleSpec(3, 24, 7, 3));
        Path out = tmp.resolve("sample-out");
        int[] codes = RuntimeHarness.runThreads(RuntimeHarness.config(tmp.resolve("sample/data"), out), 2, new StopFlag());
        assertEquals("[0, 0]", java.util.Arrays.toString(codes), "bad rows are row statuses, not failed units");
        Map<String, Map<String, Object>> all = RuntimeHarness.collect(out);
        assertEquals(24, all.size());
        Map<String, Map<String, Object>> failures = RuntimeHarness.readPredictions(out.resolve("failures.parquet"));
        Map<String, String> expected = new java.util.TreeMap<>();
        for (SampleManifest.BadRow b : manifest.badRows()) {
            expected.put(b.uuid(), b.reason());
        }
        Map<String, String> actual = new java.util.TreeMap<>();
        failures.forEach((uuid, row) -> actual.put(uuid, (String) row.get("status")));
        assertEquals(expected, actual);
        for (Map<String, Object> f : failures.values()) {
            assertTrue(f.get("error") != null && !f.get("error").toString().isBlank(), "a reason for " + f.get("uuid"));
        }
    }
}
