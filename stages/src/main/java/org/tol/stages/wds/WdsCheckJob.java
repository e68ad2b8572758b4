package org.tol.stages.wds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.tol.api.TolException;
import org.tol.io.fs.AtomicFiles;
import org.tol.io.json.Json;
import org.tol.wds.ShardCheck;
import org.tol.wds.ShardChecker;
import org.tol.wds.ShardProblem;

/**
 * {@code tol wds check}: checks shards on a thread pool and reports per shard, then finds keys repeated across
 * shards in a sequential pass over the results in argument order, so every count is the same with any number
 * of threads. Writes {@code bad-shards.txt} (one path a line, like the reference's check-wds job) and
 * {@code wds-check.json}.
 */
public final class WdsCheckJob {
    /** The report; {@code bad} lists shard paths with any problem. */
    public record Report(int shards, long samples, long members, int badShards, Map<String, Long> problemsByKind,
            List<String> bad, List<ShardCheck> problems) {}

    private WdsCheckJob() {}

    public static Report run(List<String> args, Set<String> expected, boolean decode, int threads, Path reportDir)
            throws IOException, InterruptedException {
        List<Path> shards = expand(args);
        if (shards.isEmpty()) {
            throw TolException.usage("no .tar shards in " + args, "pass shard files or directories of them");
        }
        ShardChecker checker = new ShardChecker(expected, decode);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        List<ShardCheck> checks = new ArrayList<>();
        try {
            List<Future<ShardCheck>> fs = new ArrayList<>();
            for (Path p : shards) {
                fs.add(pool.submit(() -> checker.check(p)));
            }
            for (Future<ShardCheck> f : fs) {
                checks.add(f.get());
            }
        } catch (ExecutionException e) {
            throw new IOException("checking failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        Map<Integer, List<ShardProblem>> dups = ShardChecker.crossShardDuplicates(checks);
        for (Map.Entry<Integer, List<ShardProblem>> e : dups.entrySet()) {
            ShardCheck c = checks.get(e.getKey());
            List<ShardProblem> all = new ArrayList<>(c.problems());
            all.addAll(e.getValue());
            checks.set(e.getKey(), new ShardCheck(c.shard(), c.samples(), c.members(), List.copyOf(all), c.keyHashes()));
        }
        long samples = 0;
        long members = 0;
        Map<String, Long> byKind = new TreeMap<>();
        List<String> bad = new ArrayList<>();
        List<ShardCheck> withProblems = new ArrayList<>();
        for (ShardCheck c : checks) {
            samples += c.samples();
            members += c.members();
            if (!c.ok()) {
                bad.add(c.shard());
                withProblems.add(c);
                c.problems().forEach(p -> byKind.merge(p.kind(), 1L, Long::sum));
            }
        }
        Report r = new Report(checks.size(), samples, members, bad.size(), byKind, bad, withProblems);
        if (reportDir != null) {
            StringBuilder sb = new StringBuilder();
            bad.forEach(b -> sb.append(b).append('\n'));
            AtomicFiles.writeString(reportDir.resolve("bad-shards.txt"), sb.toString());
            Json.writeAtomically(reportDir.resolve("wds-check.json"), r);
        }
        return r;
    }

    /** Files as given; directories contribute their {@code *.tar} files (not recursive), sorted. */
    static List<Path> expand(List<String> args) throws IOException {
        List<Path> out = new ArrayList<>();
        for (String a : args) {
            Path p = Path.of(a);
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(f -> f.getFileName().toString().endsWith(".tar")).sorted().forEach(out::add);
                }
            } else if (Files.exists(p)) {
                out.add(p);
            } else {
                throw TolException.usage("shard not found: " + a, "check the path");
            }
        }
        return out;
    }
}
