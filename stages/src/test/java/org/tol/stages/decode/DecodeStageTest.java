package org.tol.stages.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.api.ExitCodes;
import org.tol.api.image.RgbImage;
import org.tol.api.schema.Column;
import org.tol.api.schema.ColumnType;
import org.tol.io.image.ImageEncoder;
import org.tol.io.image.RawBgr;
import org.tol.io.parquet.ParquetRowWriter;
import org.tol.stages.testing.StageRuns;

class DecodeStageTest {
    @TempDir Path tmp;
    Path in;
    final Map<String, RgbImage> pictureOf = new LinkedHashMap<>();
    static final String LONG = "x".repeat(300);

    static final List<Column> COLUMNS = List.of(Column.string("uuid"),
            new Column("original_size", ColumnType.listOf(ColumnType.Primitive.INT64)),
            new Column("resized_size", ColumnType.listOf(ColumnType.Primitive.INT64)), Column.binary("image"));

    static String sha(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)))
                .substring(0, 32);
    }

    @BeforeEach
    void plant() throws Exception {
        in = tmp.resolve("in");
        Random rnd = new Random(5);
        // file a: safe, unsafe, NULL, too long, a repeat; one bad (empty) cell. file b: the repeat again.
        write(in.resolve("a.parquet"), rnd, "a", "ok-1", "../x", "a/b", "", null, LONG, "dup", "dup", "bad");
        write(in.resolve("b.parquet"), rnd, "b", "dup", "ok-2");
    }

    private void write(Path file, Random rnd, String tag, String... uuids) throws Exception {
        try (ParquetRowWriter w = ParquetRowWriter.create(file, COLUMNS)) {
            for (int i = 0; i < uuids.length; i++) {
                int width = 5 + rnd.nextInt(20);
                int height = 4 + rnd.nextInt(20);
                byte[] px = new byte[width * height * 3];
                rnd.nextBytes(px);
                RgbImage img = new RgbImage(width, height, px);
                Map<String, Object> row = new HashMap<>();
                row.put("uuid", uuids[i]);
                row.put("original_size", List.of((long) height, (long) width));
                row.put("resized_size", List.of((long) height, (long) width));
                row.put("image", "bad".equals(uuids[i]) ? new byte[0] : RawBgr.fromRgb(img));
                w.write(row);
                pictureOf.put(tag + i, img);
            }
            w.commit();
        }
    }

    private Map<String, String> expectedNames(String ext) throws Exception {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("a0", "ok-1" + ext);
        m.put("a1", "_unsafe-" + sha("../x") + ext);
        m.put("a2", "_unsafe-" + sha("a/b") + ext);
        m.put("a3", "_unsafe-" + sha("") + ext);
        m.put("a4", "_unsafe-null" + ext);
        m.put("a5", "_unsafe-" + sha(LONG) + ext);
        m.put("a6", "dup" + ext);
        m.put("a7", "dup_1" + ext);
        m.put("b0", "dup_2" + ext);
        m.put("b1", "ok-2" + ext);
        return m;
    }

    static RgbImage readPng(byte[] png) throws Exception {
        BufferedImage b = ImageIO.read(new ByteArrayInputStream(png));
        byte[] px = new byte[b.getWidth() * b.getHeight() * 3];
        for (int y = 0; y < b.getHeight(); y++) {
            for (int x = 0; x < b.getWidth(); x++) {
                int rgb = b.getRGB(x, y);
                int o = (y * b.getWidth() + x) * 3;
                px[o] = (byte) (rgb >> 16);
                px[o + 1] = (byte) (rgb >> 8);
                px[o + 2] = (byte) rgb;
            }
        }
        return new RgbImage(b.getWidth(), b.getHeight(), px);
    }

    private DecodeStage png(Path out) {
        return new DecodeStage(List.of(in.toString()), out, ImageEncoder.Format.PNG, 95, DecodeStage.Archive.NONE);
    }

    private static long commits(Path out, String unit) throws Exception {
        return org.tol.checkpoint.AppendLog.read(new org.tol.checkpoint.OutLayout(out).stageManifest(0)).stream()
                .filter(l -> l.contains("\"unit\":\"" + unit + "\"") && l.contains("\"commit\"")).count();
    }

    @Test
    void inputsAreCheckedBetweenRuns_rewrittenRefusedOrReplanned_addedPlanned_renamingRefused() throws Exception {
        Path out = tmp.resolve("out");
        assertEquals(ExitCodes.INCOMPLETE, StageRuns.run(png(out), out)); // the planted bad row
        assertTrue(Files.exists(out.resolve("dup_2.png")));

        Files.delete(in.resolve("b.parquet"));
        write(in.resolve("b.parquet"), new Random(6), "b2", "dup", "ok-3"); // rewritten
        org.tol.api.TolException refused = org.junit.jupiter.api.Assertions.assertThrows(
                org.tol.api.TolException.class, () -> StageRuns.run(png(out), out));
        assertEquals(ExitCodes.USAGE, refused.exitCode());
        assertTrue(refused.getMessage().contains("changed since they were planned: b.parquet"), refused.getMessage());
        assertTrue(Files.notExists(out.resolve("ok-3.png")));

        assertEquals(ExitCodes.OK, StageRuns.run(png(out), out, true), "--replan redoes only the rewritten file");
        assertEquals(1, commits(out, "a.parquet"), "the unchanged file is not redone");
        assertEquals(2, commits(out, "b.parquet"));
        assertArrayEquals(pictureOf.get("b21").pixels(), readPng(Files.readAllBytes(out.resolve("ok-3.png"))).pixels());

        write(in.resolve("c.parquet"), new Random(7), "c", "dup"); // added after the others: the 4th dup
        assertEquals(ExitCodes.OK, StageRuns.run(png(out), out));
        assertArrayEquals(pictureOf.get("c0").pixels(), readPng(Files.readAllBytes(out.resolve("dup_3.png"))).pixels());
        assertEquals(1, commits(out, "a.parquet"));

        // An added file that sorts first would renumber the repeats already decoded: refused, nothing written.
        write(in.resolve("0.parquet"), new Random(8), "z", "dup");
        org.tol.api.TolException renumber = org.junit.jupiter.api.Assertions.assertThrows(
                org.tol.api.TolException.class, () -> StageRuns.run(png(out), out));
        assertEquals(ExitCodes.USAGE, renumber.exitCode());
        assertTrue(renumber.getMessage().contains("other file names"), renumber.getMessage());

        Files.delete(in.resolve("0.parquet"));
        Files.delete(in.resolve("c.parquet"));
        org.tol.api.TolException missing = org.junit.jupiter.api.Assertions.assertThrows(
                org.tol.api.TolException.class, () -> StageRuns.run(png(out), out));
        assertTrue(missing.getMessage().contains("missing: c.parquet"), missing.getMessage());
    }

    @Test
    void pngFilesAreLosslessSafelyNamedAndNumberedAcrossFiles() throws Exception {
        Path out = tmp.resolve("out");
        int code = StageRuns.run(new DecodeStage(List.of(in.toString()), out, ImageEncoder.Format.PNG, 95,
                DecodeStage.Archive.NONE), out);
        assertEquals(ExitCodes.INCOMPLETE, code, "one bad image: finished, but incomplete");
        Map<String, String> names = expectedNames(".png");
        Set<String> images = new TreeSet<>();
        try (var s = Files.list(out)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png")).forEach(images::add);
        }
        assertEquals(new TreeSet<>(names.values()), images, "nothing escapes OUT; every name as documented");
        for (Map.Entry<String, String> e : names.entrySet()) {
            RgbImage want = pictureOf.get(e.getKey());
            RgbImage got = readPng(Files.readAllBytes(out.resolve(e.getValue())));
            assertEquals(want.width(), got.width());
            assertArrayEquals(want.pixels(), got.pixels(), "PNG is pixel-exact: " + e.getValue());
        }
        String records = String.join("\n", Files.readAllLines(out.resolve("checkpoints_rank0/outputs.jsonl")));
        assertTrue(records.contains("{\"uuid\":\"../x\",\"file\":\"_unsafe-" + sha("../x") + ".png\"}"), records);
        assertTrue(records.contains("\"key\":\"bad\",\"status\":\"empty_image\""), records);

        // A rerun does nothing (no _1 copies of finished work).
        Map<String, byte[]> before = StageRuns.outputs(out);
        StageRuns.run(new DecodeStage(List.of(in.toString()), out, ImageEncoder.Format.PNG, 95,
                DecodeStage.Archive.NONE), out);
        assertEquals(before.keySet(), StageRuns.outputs(out).keySet());
    }

    @Test
    void archivesOpenWithGnuTarAndPythonTarfile() throws Exception {
        for (DecodeStage.Archive kind : List.of(DecodeStage.Archive.TAR, DecodeStage.Archive.TAR_GZ)) {
            Path out = tmp.resolve("tar-" + kind);
            StageRuns.run(new DecodeStage(List.of(in.toString()), out, ImageEncoder.Format.JPEG, 90, kind), out);
            String ext = kind == DecodeStage.Archive.TAR ? ".tar" : ".tar.gz";
            Path a = out.resolve("a" + ext);
            Path b = out.resolve("b" + ext);
            assertTrue(Files.isRegularFile(a) && Files.isRegularFile(b));
            Map<String, String> names = expectedNames(".jpg");
            List<String> wantA = names.entrySet().stream().filter(e -> e.getKey().startsWith("a")).map(Map.Entry::getValue).toList();
            assertEquals(wantA, run("tar", "-tf", a.toString()), "GNU tar lists the archive in row order");
            if (new ProcessBuilder("python3", "--version").start().waitFor() == 0) {
                assertEquals(wantA, run("python3", "-c", "import sys,tarfile\nfor m in tarfile.open(sys.argv[1]):"
                        + " print(m.name)", a.toString()));
            } else {
                System.err.println("python3 not found: skipping the tarfile check");
            }
        }
    }

    @Test
    void jpegQualityIsExplicit() throws Exception {
        RgbImage img = pictureOf.get("a0");
        byte[] q95 = new ImageEncoder(ImageEncoder.Format.JPEG, 95).encode(img);
        byte[] q40 = new ImageEncoder(ImageEncoder.Format.JPEG, 40).encode(img);
        assertTrue(q40.length < q95.length, "quality changes the output");
    }

    private static List<String> run(String... cmd) throws Exception {
        Assumptions.assumeTrue(canRun(cmd[0]), cmd[0] + " not installed");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return new ArrayList<>(out.lines().toList());
    }

    private static boolean canRun(String exe) {
        try {
            return new ProcessBuilder(exe, "--version").start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
