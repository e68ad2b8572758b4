package org.tol.tests.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.checkpoint.AppendLog;
import org.tol.checkpoint.OutLayout;
import org.tol.runtime.mpj.MpjLocator;

/**
 * The srun path under MPJ Express: 3 rank JVMs with SLURM variables and {@code --mpj niodev}; rank 0 serves
 * the niodev rendezvous, plans, hands out units, and collects after the barrier ({@code --collect}).
 */
class MpjNiodevTest {
    @TempDir Path tmp;

    @Test
    void threeNiodevRanksCollectTheUninterruptedResult() throws Exception {
        Assumptions.assumeTrue(MpjLocator.locate(System.getenv()) != null, "MPJ Express is not installed");
        Path in = tmp.resolve("in");
        RuntimeHarness.sampleData(in);
        Map<String, Map<String, Object>> expected = RuntimeHarness.uninterrupted(in, tmp.resolve("ref"));

        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path out = tmp.resolve("out");
        List<String> args = RuntimeHarness.filterArgs(in, out);
        args.addAll(List.of("--mpj", "niodev", "--collect"));
        List<Process> ranks = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            ranks.add(RuntimeHarness.startRank(r, 3, args, tmp.resolve("rank" + r + ".log"),
                    Map.of("TOL_MPJ_PORT", String.valueOf(port))));
        }
        for (int r = 0; r < 3; r++) {
            assertEquals(0, RuntimeHarness.waitFor(ranks.get(r), 120), RuntimeHarness.tail(tmp.resolve("rank" + r + ".log")));
        }
        assertTrue(RuntimeHarness.tail(tmp.resolve("rank0.log")).contains("MPJ Express niodev, 3 ranks"));
        assertEquals(expected, RuntimeHarness.readPredictions(out.resolve("predictions.parquet")));
        long units = 0;
        for (int r = 0; r < 3; r++) {
            units += AppendLog.read(new OutLayout(out).processedLog(r)).size();
        }
        assertEquals(20, units, "every unit processed exactly once");
    }
}
