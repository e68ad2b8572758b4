package org.tol.wds;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShardWriterTest {
    @TempDir Path dir;

    static Sample sample(int i) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("txt", Sample.utf8("text " + i));
        m.put("jpg", new byte[100 + i]);
        m.put("sci_com.txt", Sample.utf8("a photo of x" + i + "."));
        m.put("taxonTag.txt", Sample.utf8("tag " + i));
        return new Sample("k" + i, m);
    }

    private List<Path> write(Path out, int n, ShardWriter.Options o) throws IOException {
        try (ShardWriter w = new ShardWriter(out, o)) {
            for (int i = 0; i < n; i++) {
                w.write(sample(i));
            }
        }
        return new ArrayList<>(ShardNames.list(out).values());
    }

    @Test
    void rollsOverAtMaxCountAndWritesManifests() throws IOException {
        List<Path> shards = write(dir, 7, new ShardWriter.Options(3, Long.MAX_VALUE));
        assertEquals(List.of("shard-000000.tar", "shard-000001.tar", "shard-000002.tar"),
                shards.stream().map(p -> p.getFileName().toString()).toList());
        ShardManifest m = ShardManifest.read(ShardNames.manifestOf(shards.get(0)));
        assertEquals(3, m.sampleCount());
        assertEquals(Files.size(shards.get(0)), m.bytes());
        assertEquals("k0", m.samples().get(0).key());
        // members listed in written (sorted) order with their payload sizes
        assertEquals(List.of("jpg", "sci_com.txt", "taxonTag.txt", "txt"),
                new ArrayList<>(m.samples().get(0).members().keySet()));
        assertEquals(100, m.samples().get(0).members().get("jpg")[0]);
        assertEquals(1, ShardManifest.read(ShardNames.manifestOf(shards.get(2))).sampleCount());
        try (Stream<Path> s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".tmp-")), "temp files left");
        }
    }

    @Test
    void rollsOverBeforeTheWriteThatFollowsMaxSize() throws IOException {
        // each sample carries > 100 payload bytes; maxSize 150 → the check-before-write rule puts 2 per shard
        List<Path> shards = write(dir, 5, new ShardWriter.Options(100, 150));
        assertEquals(3, shards.size());
        assertEquals(2, ShardManifest.read(ShardNames.manifestOf(shards.get(0))).sampleCount());
    }

    @Test
    void roundTripsThroughTheReaderInSortedMemberOrder() throws IOException {
        List<Path> shards = write(dir, 4, ShardWriter.Options.DEFAULTS);
        assertEquals(1, shards.size());
        try (ShardReader r = new ShardReader(shards.get(0))) {
            for (int i = 0; i < 4; i++) {
                ShardReader.Group g = r.next();
                assertEquals("k" + i, g.key());
                assertEquals(List.of("k" + i + ".jpg", "k" + i + ".sci_com.txt", "k" + i + ".taxonTag.txt",
                        "k" + i + ".txt"), g.members().stream().map(ShardReader.Member::name).toList());
                Sample expected = sample(i);
                for (var e : expected.members().entrySet()) {
                    assertArrayEquals(e.getValue(), g.asMap().get(e.getKey().toLowerCase()));
                }
            }
            assertNull(r.next());
        }
    }

    @Test
    void sameSamplesGiveTheSameBytes() throws IOException {
        Path a = write(dir.resolve("a"), 5, ShardWriter.Options.DEFAULTS).get(0);
        Path b = write(dir.resolve("b"), 5, ShardWriter.Options.DEFAULTS).get(0);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void rejectsBadKeysAndDuplicates() throws IOException {
        assertThrows(IllegalArgumentException.class, () -> new Sample("a.b", Map.of("jpg", new byte[1])));
        assertThrows(IllegalArgumentException.class, () -> new Sample("a/b", Map.of("jpg", new byte[1])));
        assertThrows(IllegalArgumentException.class, () -> new Sample("", Map.of("jpg", new byte[1])));
        assertThrows(IllegalArgumentException.class,
                () -> new Sample("a", Map.of("TXT", new byte[1], "txt", new byte[1])));
        try (ShardWriter w = new ShardWriter(dir, ShardWriter.Options.DEFAULTS)) {
            w.write(sample(1));
            assertThrows(IllegalArgumentException.class, () -> w.write(sample(1)));
        }
    }

    @Test
    void abortLeavesNothingBehind() throws IOException {
        ShardWriter w = new ShardWriter(dir, ShardWriter.Options.DEFAULTS);
        w.write(sample(1));
        w.abort();
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(0, s.count());
        }
    }

    @Test
    void longKeysGetPaxHeadersAndReadBack() throws IOException {
        String key = "x".repeat(150);
        try (ShardWriter w = new ShardWriter(dir, ShardWriter.Options.DEFAULTS)) {
            w.write(new Sample(key, Map.of("txt", Sample.utf8("long"))));
        }
        try (ShardReader r = new ShardReader(dir.resolve("shard-000000.tar"))) {
            assertEquals(key, r.next().key());
            assertNull(r.next());
        }
    }

    @Test
    void truncationInHeaderPayloadOrPaddingIsDetected() throws IOException {
        Path shard = write(dir.resolve("full"), 3, ShardWriter.Options.DEFAULTS).get(0);
        byte[] all = Files.readAllBytes(shard);
        // layout: [hdr 0-511][k0.jpg 100 B + padding 512-1023][hdr 1024-1535]...
        Map<String, Integer> cuts = new LinkedHashMap<>();
        cuts.put("in a header", 1024 + 200);
        cuts.put("in a payload", 512 + 50);
        cuts.put("in the padding", 512 + 300);
        cuts.put("at a block boundary", 1024);
        cuts.put("before the end-of-archive block", lastDataEnd(all));
        for (var c : cuts.entrySet()) {
            Path cut = dir.resolve("cut.tar");
            Files.write(cut, java.util.Arrays.copyOf(all, c.getValue()));
            assertThrows(TruncatedShardException.class, () -> readAll(cut), "truncated " + c.getKey());
        }
        assertEquals(3, readAll(shard));
    }

    /** Padded end of the last member: the first zero block after the last header with data. */
    private static int lastDataEnd(byte[] tar) {
        int end = tar.length;
        while (end >= 512 && isZero(tar, end - 512)) {
            end -= 512;
        }
        return end;
    }

    private static boolean isZero(byte[] b, int off) {
        for (int i = off; i < off + 512; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static int readAll(Path p) throws IOException {
        int n = 0;
        try (ShardReader r = new ShardReader(p)) {
            while (r.next() != null) {
                n++;
            }
        }
        return n;
    }

    @Test
    void pythonTarfileAndGnuTarReadTheShard() throws Exception {
        Path shard = write(dir, 2, ShardWriter.Options.DEFAULTS).get(0);
        if (ExternalTools.available("python3", "--version")) {
            String out = ExternalTools.run("python3", "-c",
                    "import tarfile,sys\nt=tarfile.open(sys.argv[1])\n"
                            + "print(' '.join(f'{m.name}:{m.size}:{oct(m.mode)}:{m.uname}' for m in t))",
                    shard.toString());
            assertTrue(out.startsWith("k0.jpg:100:0o444:bigdata k0.sci_com.txt:"), out);
            assertTrue(out.contains("k1.jpg:101:0o444:bigdata"), out);
        } else {
            System.err.println("SKIP python tarfile check: python3 not found");
        }
        if (ExternalTools.available("tar", "--version")) {
            String out = ExternalTools.run("tar", "-tf", shard.toString());
            assertEquals(List.of("k0.jpg", "k0.sci_com.txt", "k0.taxonTag.txt", "k0.txt",
                    "k1.jpg", "k1.sci_com.txt", "k1.taxonTag.txt", "k1.txt"), out.lines().toList());
        } else {
            System.err.println("SKIP GNU tar check: tar not found");
        }
        if (ExternalTools.available("python3", "-c", "import webdataset")) {
            String out = ExternalTools.run("python3", "-c",
                    "import webdataset as wds,sys\n"
                            + "for s in wds.WebDataset(sys.argv[1], shardshuffle=False):\n"
                            + "  print(s['__key__'], sorted(k for k in s if not k.startswith('_')))",
                    shard.toString());
            assertTrue(out.contains("k0 ['jpg', 'sci_com.txt', 'taxontag.txt', 'txt']"), out);
        } else {
            System.err.println("SKIP webdataset check: python3 has no 'webdataset' module");
        }
        assertFalse(Files.exists(dir.resolve("shard-000001.tar")));
    }
}
