package org.tol.tests.wds;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.cli.TolCommand;
import org.tol.runtime.launch.LocalLauncher;
import org.tol.wds.ShardNames;
import org.tol.wds.ShardReader;

/**
 * {@code tol wds build} end to end on sample data: a single in-process rank is the reference; two srun-style
 * rank processes, one of them killed with SIGKILL while it writes a shard, then both restarted, give every sample
 * exactly once and shards byte-identical to the reference (the numbering does not depend on the rank count); a
 * committed shard damaged on disk is rebuilt on the next run; {@code wds check} passes the result and catches
 * truncated copies; {@code wds catalog} and {@code check-taxa} read it.
 */
class WdsBuildEndToEndTest {
    @TempDir Path tmp;

    private static int tol(String... args) {
        return TolCommand.commandLine().execute(args);
    }

    private List<String> buildArgs(Path out) {
        return List.of("wds", "build", "--input", tmp.resolve("sample/data").toString(), "--taxa",
                tmp.resolve("sample/attributes/taxonomy.parquet").toString(), "--output", out.toString(),
                "--shard-max-count", "7", "--threads", "1", "--progress-seconds", "0.2");
    }

    private Process rank(int rank, int world, Path out, Path log) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "org.tol.cli.Main"));
        cmd.addAll(buildArgs(out));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(LocalLauncher.slurmEnv(rank, world, "test"));
        return pb.start();
    }

    private int[] twoRanks(Path out, String tag) throws Exception {
        Process a = rank(0, 2, out, tmp.resolve(tag + "-0.log"));
        Process b = rank(1, 2, out, tmp.resolve(tag + "-1.log"));
        assertTrue(a.waitFor(180, TimeUnit.SECONDS) && b.waitFor(180, TimeUnit.SECONDS), "ranks hung");
        return new int[] {a.exitValue(), b.exitValue()};
    }

    /** Every published shard's bytes by name. */
    private static Map<String, byte[]> shards(Path out) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        for (Path p : ShardNames.list(out.resolve("shards")).values()) {
            m.put(p.getFileName().toString(), Files.readAllBytes(p));
        }
        return m;
    }

    private static void assertSameShards(Map<String, byte[]> expected, Map<String, byte[]> actual, String what) {
        assertEquals(expected.keySet(), actual.keySet(), what + ": shard names");
        expected.forEach((k, v) -> assertArrayEquals(v, actual.get(k), what + ": bytes of " + k));
    }

    /** Sample keys over all published shards, counted. */
    private static Map<String, Integer> keys(Path out) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        for (Path p : ShardNames.list(out.resolve("shards")).values()) {
            try (ShardReader r = new ShardReader(p)) {
                for (ShardReader.Group g = r.next(); g != null; g = r.next()) {
                    assertEquals(11, g.members().size(), g.key());
                    counts.merge(g.key(), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    @Test
    void buildIsReproducibleSurvivesSigkillAndChecksClean() throws Exception {
        assertEquals(0, tol("sample", "make", "--out", tmp.resolve("sample").toString(), "--files", "4",
                "--images", "64", "--bad-rows", "2", "--seed", "11"));
        Path ref = tmp.resolve("ref");
        // exit 3: the sample's two planted bad rows are failure records (listed in build-summary.json)
        assertEquals(3, TolCommand.commandLine().execute(buildArgs(ref).toArray(String[]::new)));
        assertTrue(Files.readString(ref.resolve("build-summary.json")).contains("\"failedRows\" : 2"));
        Map<String, byte[]> expected = shards(ref);
        Map<String, Integer> refKeys = keys(ref);
        assertEquals(62, refKeys.size(), "64 rows minus 2 bad ones");
        assertTrue(refKeys.values().stream().allMatch(n -> n == 1));
        assertTrue(expected.size() >= 9, "several shards per unit (max count 7): " + expected.keySet());

        // Two srun-style rank processes; SIGKILL one while it has a shard open in its staging directory, then run both ranks again
        Path killed = tmp.resolve("killed");
        Process victim = rank(0, 2, killed, tmp.resolve("k-0.log"));
        Process other = rank(1, 2, killed, tmp.resolve("k-1.log"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!hasStagedShard(killed.resolve("checkpoints_rank0/staging")) && victim.isAlive()
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(victim.isAlive(), "rank 0 finished before it could be killed:\n" + Files.readString(tmp.resolve("k-0.log")));
        victim.destroyForcibly();
        victim.waitFor(30, TimeUnit.SECONDS);
        assertTrue(other.waitFor(180, TimeUnit.SECONDS));
        int[] codes = twoRanks(killed, "resume");
        assertEquals(3, Math.max(codes[0], codes[1]), "worst rank code: bad rows -> 3");
        assertTrue(codes[0] != 1 && codes[1] != 1 && codes[0] != 75 && codes[1] != 75);
        assertEquals(refKeys, keys(killed), "every sample exactly once after the kill");
        assertSameShards(expected, shards(killed), "killed and resumed vs uninterrupted");

        // a committed unit shard damaged on disk (here: cut short; the published link shares its bytes) is found by
        // its manifest on the next run, the unit rebuilt into a private directory, and the same bytes published
        Path unitShard;
        try (Stream<Path> s = Files.walk(killed.resolve("units"))) {
            unitShard = s.filter(p -> p.toString().endsWith("shard-000000.tar")).sorted().findFirst().orElseThrow();
        }
        try (var ch = java.nio.channels.FileChannel.open(unitShard, java.nio.file.StandardOpenOption.WRITE)) {
            ch.truncate(3000);
        }
        assertEquals(3, TolCommand.commandLine().execute(buildArgs(killed).toArray(String[]::new)));
        assertSameShards(expected, shards(killed), "after repairing a damaged unit shard");

        // wds check: clean shards pass (decoding every jpg); truncated copies are caught
        Path report = tmp.resolve("report");
        assertEquals(0, tol("wds", "check", killed.resolve("shards").toString(), "--decode", "--report-dir",
                report.toString()));
        assertEquals("", Files.readString(report.resolve("bad-shards.txt")));
        Path bad = Files.createDirectories(tmp.resolve("bad"));
        byte[] first = expected.get("shard-000000.tar");
        // members: [hdr com.txt][its ~30 B + padding][hdr common_name.txt][...][hdr jpg][jpg data ...]
        for (int at : new int[] {512 * 2 + 100, 512 * 5 + 17, 512 + 300}) { // header, jpg payload, padding
            Files.write(bad.resolve("cut-" + at + ".tar"), java.util.Arrays.copyOf(first, at));
        }
        assertEquals(3, tol("wds", "check", bad.toString(), "--report-dir", report.toString()));
        assertEquals(3, Files.readAllLines(report.resolve("bad-shards.txt")).size());

        // catalog and check-taxa read the shards as one split
        Path cat = Files.createDirectories(tmp.resolve("cat"));
        Files.createSymbolicLink(cat.resolve("val"), killed.resolve("shards"));
        assertEquals(0, tol("wds", "catalog", "--dir", cat.toString()));
        List<String> rows = Files.readAllLines(cat.resolve("catalog.csv"));
        assertEquals(63, rows.size());
        assertTrue(rows.get(1).startsWith("val,"), rows.get(1));
        tol("wds", "check-taxa", cat.resolve("catalog.csv").toString());
    }

    private static boolean hasStagedShard(Path staging) throws IOException {
        if (!Files.isDirectory(staging)) {
            return false;
        }
        try (Stream<Path> s = Files.walk(staging)) {
            return s.anyMatch(p -> p.getFileName().toString().endsWith(".tar"));
        } catch (java.io.UncheckedIOException e) {
            return false; // the directory changed while walking
        }
    }
}
