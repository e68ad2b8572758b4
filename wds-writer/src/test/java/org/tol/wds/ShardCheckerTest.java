package org.tol.wds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShardCheckerTest {
    @TempDir Path dir;

    /** A hand-made tar with members in exactly the given order (what a buggy writer might produce). */
    private Path tar(String name, String... members) throws IOException {
        Path p = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(p); TarArchiveOutputStream t = new TarArchiveOutputStream(out)) {
            for (String m : members) {
                byte[] data = m.endsWith(".jpg") ? new byte[] {1, 2, 3} : m.getBytes();
                TarArchiveEntry e = new TarArchiveEntry(m);
                e.setSize(data.length);
                t.putArchiveEntry(e);
                t.write(data);
                t.closeArchiveEntry();
            }
        }
        return p;
    }

    private static List<String> kinds(ShardCheck c) {
        return c.problems().stream().map(p -> p.kind() + ":" + p.key()).toList();
    }

    @Test
    void findsEachKindOfGroupingProblem() throws IOException {
        ShardChecker auto = new ShardChecker(null, false);
        assertEquals(List.of(), kinds(auto.check(tar("ok.tar", "a.jpg", "a.txt", "b.jpg", "b.txt"))));
        assertEquals(List.of("member_outside_sample:null"),
                kinds(auto.check(tar("noext.tar", "a.jpg", "a.txt", "README", "b.jpg", "b.txt"))));
        assertEquals(List.of("member_outside_sample:a"),
                kinds(auto.check(tar("split.tar", "a.jpg", "b.jpg", "b.txt", "a.txt"))));
        assertEquals(List.of("duplicate_key:a"),
                kinds(auto.check(tar("dupkey.tar", "a.jpg", "a.txt", "b.jpg", "b.txt", "a.jpg", "a.txt"))));
        assertEquals(List.of("duplicate_member:a"),
                kinds(auto.check(tar("dupmember.tar", "a.jpg", "a.txt", "a.TXT", "b.jpg", "b.txt"))));
        assertEquals(List.of("incomplete_sample:b"),
                kinds(auto.check(tar("incomplete.tar", "a.jpg", "a.txt", "b.jpg"))));
        ShardChecker fixed = new ShardChecker(Set.of("jpg", "txt", "json"), false);
        assertEquals(List.of("incomplete_sample:a", "incomplete_sample:b"),
                kinds(fixed.check(tar("ok2.tar", "a.jpg", "a.txt", "b.jpg", "b.txt"))));
    }

    @Test
    void decodeFindsUndecodableImages() throws IOException {
        Path p = tar("img.tar", "a.jpg", "a.txt");
        assertEquals(List.of(), kinds(new ShardChecker(null, false).check(p)));
        assertEquals(List.of("undecodable_image:a"), kinds(new ShardChecker(null, true).check(p)));
    }

    @Test
    void truncationAndManifestMismatchAreCaught() throws IOException {
        try (ShardWriter w = new ShardWriter(dir.resolve("w"), ShardWriter.Options.DEFAULTS)) {
            for (int i = 0; i < 3; i++) {
                w.write(ShardWriterTest.sample(i));
            }
        }
        Path shard = dir.resolve("w/shard-000000.tar");
        ShardChecker c = new ShardChecker(null, false);
        ShardCheck ok = c.check(shard);
        assertEquals(List.of(), kinds(ok));
        assertEquals(3, ok.samples());
        assertEquals(12, ok.members());
        byte[] all = Files.readAllBytes(shard);
        for (int cut : new int[] {1024 + 100, 512 + 40, 512 + 400}) { // header, payload, padding of k0.jpg
            Path t = dir.resolve("cut" + cut + ".tar");
            Files.write(t, java.util.Arrays.copyOf(all, cut));
            assertTrue(kinds(c.check(t)).contains("truncated:null"), "cut at " + cut + ": " + kinds(c.check(t)));
        }
        // same length, one byte changed inside a text payload: the tar is still valid, the manifest catches it
        all[512 * 3 + 2] ^= 1;
        Files.write(shard, all);
        assertEquals(List.of("manifest_mismatch:null"), kinds(c.check(shard)));
    }

    @Test
    void crossShardDuplicatesDoNotDependOnOrderOfCompletion() throws IOException {
        ShardChecker c = new ShardChecker(null, false);
        List<ShardCheck> checks = new ArrayList<>();
        checks.add(c.check(tar("s0.tar", "a.jpg", "b.jpg")));
        checks.add(c.check(tar("s1.tar", "c.jpg", "a.jpg")));
        checks.add(c.check(tar("s2.tar", "d.jpg")));
        Map<Integer, List<ShardProblem>> dups = ShardChecker.crossShardDuplicates(checks);
        assertEquals(Set.of(1), dups.keySet());
        assertTrue(dups.get(1).get(0).detail().endsWith("s0.tar"));
    }
}
