package org.tol.tests.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.api.ExitCodes;
import org.tol.checkpoint.AppendLog;
import org.tol.checkpoint.OutLayout;
import org.tol.cli.TolCommand;
import org.tol.io.json.Json;
import org.tol.runtime.exec.HostName;
import org.tol.runtime.exec.StopFlag;
import picocli.CommandLine;

/**
 * Ctrl-C is handled like SIGTERM; {@code tol status} tells interrupted, dead and running ranks apart and says
 * so in its exit code (0 done, 3 incomplete, 4 running); rerunning a finished job does nothing and keeps the
 * stats of the run that did the work.
 */
class InterruptAndStatusTest {
    @TempDir Path tmp;

    @Test
    void ctrlCCommitsAndStatusTellsInterruptedDeadRunningAndDone() throws Exception {
        Path in = tmp.resolve("in");
        TinySample.write(in, 4, 20, 16, 40, 5, 0, 3);
        Path out = tmp.resolve("out");
        OutLayout layout = new OutLayout(out);
        List<String> args = RuntimeHarness.withOption(RuntimeHarness.filterArgs(in, out), "--checkpoint-every", "1");
        args = RuntimeHarness.withOption(args, "--batch-size", "1");
        Process p = RuntimeHarness.startRank(0, 1, args, tmp.resolve("rank0.log"));
        long deadline = System.currentTimeMillis() + 60_000;
        while (AppendLog.read(layout.manifest(0)).size() < 2 && p.isAlive() && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(p.isAlive(), "rank finished before Ctrl-C:\n" + RuntimeHarness.tail(tmp.resolve("rank0.log")));
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
        assertEquals(ExitCodes.INTERRUPTED, RuntimeHarness.waitFor(p, 60), RuntimeHarness.tail(tmp.resolve("rank0.log")));
        assertTrue(Files.readString(tmp.resolve("rank0.log")).contains("SIGINT received: committing"));

        JsonNode s = status(out, ExitCodes.INCOMPLETE);
        assertEquals("incomplete", s.get("state").asText());
        // A collect now is partial, and says so where its output is read.
        CommandLine collect = TolCommand.commandLine();
        StringWriter collected = new StringWriter();
        collect.setOut(new PrintWriter(collected, true));
        assertEquals(0, collect.execute("collect", out.toString(), "--allow-partial"));
        assertTrue(collected.toString().contains("collected a PARTIAL result of"), collected.toString());
        assertTrue(Json.mapper().readTree(layout.summary().toFile()).get("partial").asBoolean());
        assertTrue(org.tol.runtime.collect.PartialCollect.warning(layout.summary()).orElseThrow().contains("PARTIAL"));
        assertEquals("interrupted", s.get("ranks").get(0).get("state").asText());

        // A rank whose stats say "running" but whose process is gone from this host is dead, not running.
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        writeRunningRank(layout, 1, gone.pid());
        s = status(out, ExitCodes.INCOMPLETE);
        assertEquals("dead", s.get("ranks").get(1).get("state").asText());
        assertEquals(1, s.get("dead_ranks").get(0).asInt());
        writeRunningRank(layout, 1, ProcessHandle.current().pid());
        s = status(out, 4);
        assertEquals("running", s.get("state").asText());
        assertEquals("running", s.get("ranks").get(1).get("state").asText());
        Files.delete(layout.stats(1));

        assertEquals(0, RuntimeHarness.runThreads(RuntimeHarness.config(in, out), 1, new StopFlag())[0]);
        JsonNode done = status(out, 0);
        RuntimeHarness.collect(out);
        assertTrue(org.tol.runtime.collect.PartialCollect.warning(layout.summary()).isEmpty());
        assertEquals("done", done.get("state").asText());
        long rows = done.get("ranks").get(0).get("rows").asLong();
        assertTrue(rows > 0);
        // Nothing to do: the stats keep the rows of the run that did the work.
        assertEquals(0, RuntimeHarness.runThreads(RuntimeHarness.config(in, out), 1, new StopFlag())[0]);
        JsonNode again = status(out, 0);
        assertEquals(rows, again.get("ranks").get(0).get("rows").asLong());
        assertEquals("finished", again.get("ranks").get(0).get("state").asText());
    }

    private static void writeRunningRank(OutLayout layout, int rank, long pid) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rank", rank);
        m.put("state", "running");
        m.put("units_done", 0);
        m.put("rows", 0);
        m.put("rows_per_s", 0.0);
        m.put("elapsed_s", 1.0);
        m.put("bytes_done", 0);
        m.put("host", HostName.get());
        m.put("pid", pid);
        m.put("updated_ms", System.currentTimeMillis());
        Json.writeAtomically(layout.stats(rank), m);
    }

    private static JsonNode status(Path out, int expectedCode) throws Exception {
        CommandLine cl = TolCommand.commandLine();
        StringWriter w = new StringWriter();
        cl.setOut(new PrintWriter(w, true));
        assertEquals(expectedCode, cl.execute("status", out.toString(), "--json"), w.toString());
        return Json.mapper().readTree(w.toString());
    }
}
