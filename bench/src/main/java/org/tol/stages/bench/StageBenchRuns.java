package org.tol.stages.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.tol.api.stage.Stage;
import org.tol.runtime.RankContext;
import org.tol.runtime.RuntimeConfig;
import org.tol.runtime.StaticCoordinator;
import org.tol.runtime.exec.StopFlag;
import org.tol.runtime.stage.StageRunner;

/** What the stage benches share: one rank of a stage in this JVM, a plain read, peak RSS, clean-up. */
final class StageBenchRuns {
    private StageBenchRuns() {}

    static int run(Stage stage, Path out) throws Exception {
        System.setProperty("tol.quiet", "true");
        RuntimeConfig config = new RuntimeConfig(List.of("bench"), out, "cpu", 0, 1, 1, 0, 1, 5, 3600, false, false, 300);
        try (stage) {
            return new StageRunner(config, RankContext.single(), new StaticCoordinator(), new StopFlag()).run(stage);
        }
    }

    /** Bytes/s of reading the files into a reused 8 MiB heap buffer, one thread (page cache → heap). */
    static double plainReadBytesPerSecond(List<Path> files) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(8 << 20);
        long bytes = 0;
        long t0 = System.nanoTime();
        for (Path f : files) {
            try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
                int n;
                while ((n = ch.read(buf.clear())) > 0) {
                    bytes += n;
                }
            }
        }
        return bytes / ((System.nanoTime() - t0) / 1e9);
    }

    /** The process's peak resident set (VmHWM) in bytes, or -1 where /proc is not available. */
    static long peakRssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux
        }
        return -1;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
