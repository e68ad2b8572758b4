package org.tol.tests.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.cli.TolCommand;
import org.tol.io.json.Json;
import picocli.CommandLine;

/** {@code tol launch --local N} runs N srun-like ranks; {@code tol status} then reports the job from its files. */
class LaunchAndStatusTest {
    @TempDir Path tmp;

    @Test
    void launchTwoRanksThenStatusAndCollect() throws Exception {
        Path in = tmp.resolve("in");
        long rows = RuntimeHarness.sampleData(in);
        Map<String, Map<String, Object>> expected = RuntimeHarness.uninterrupted(in, tmp.resolve("ref"));

        Path out = tmp.resolve("out");
        List<String> args = new ArrayList<>(List.of("launch", "--local", "2", "--"));
        args.addAll(RuntimeHarness.filterArgs(in, out));
        assertEquals(0, RuntimeHarness.tol(args));

        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        CommandLine cl = TolCommand.commandLine();
        cl.setOut(new PrintWriter(stdout, true));
        assertEquals(0, cl.execute("status", out.toString(), "--json"));
        JsonNode status = Json.mapper().readTree(stdout.toString());
        assertEquals(20, status.get("units_total").asInt());
        assertEquals(20, status.get("units_done").asInt());
        assertEquals(rows, status.get("rows_committed").asLong());
        assertEquals(2, status.get("ranks").size());
        for (JsonNode r : status.get("ranks")) {
            assertEquals("finished", r.get("state").asText());
        }
        assertTrue(status.get("stalled_ranks").isEmpty());
        assertEquals(expected, RuntimeHarness.collect(out));
    }
}
