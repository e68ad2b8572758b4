package org.tol.stages.sample;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import javax.imageio.ImageIO;
import org.tol.api.image.RgbImage;
import org.tol.io.image.RawBgr;
import org.tol.io.image.SyntheticImages;
import org.tol.io.json.Json;
import org.tol.io.parquet.ParquetRowWriter;
import org.tol.io.parquet.WriterOptions;
import org.tol.stages.sample.SampleManifest.BadRow;
import org.tol.stages.sample.SampleManifest.FileEntry;
import org.tol.stages.sample.SampleManifest.NearDuplicate;

/**
 * Writes a synthetic TreeOfLife-200M-style data set: {@code data/source=<s>/server=<v>/data_<n>.parquet} with
 * raw BGR images (long side at most 720, as the downloader stores them), realistic metadata, a GBIF-like
 * taxonomy side table under {@code attributes/}, planted near-duplicates and deliberately bad rows, all
 * listed in {@code manifest.json} (written last). One seed, one byte-identical result.
 */
public final class SampleMaker {
    /** Small row groups so even sample files have several (exercises row-group work units). */
    static final int ROW_GROUP_ROWS = 16;
    private static final String[] BAD_KINDS = {"size_mismatch", "empty_image", "corrupt_image"};

    private SampleMaker() {}

    public static SampleManifest make(Path outDir, SampleSpec spec) throws IOException {
        Random rnd = new Random(spec.seed());
        Map<Integer, String> badKind = chooseBadRows(rnd, spec);
        Map<Integer, Integer> copyOf = chooseNearDuplicates(rnd, spec, badKind.keySet());
        List<FileEntry> files = new ArrayList<>();
        List<BadRow> bad = new ArrayList<>();
        List<NearDuplicate> dups = new ArrayList<>();
        // Only the pictures a later row copies are kept, so memory does not grow with --images.
        Set<Integer> copied = new HashSet<>(copyOf.values());
        Map<Integer, RgbImage> originals = new HashMap<>();
        Map<Integer, String> uuids = new HashMap<>();
        List<Map<String, Object>> taxonomy = new ArrayList<>();
        int global = 0;
        org.tol.runtime.status.StageProgress progress = new org.tol.runtime.status.StageProgress("sample make", spec.images(), "images");
        for (int f = 0; f < spec.files(); f++) {
            int rows = spec.images() / spec.files() + (f < spec.images() % spec.files() ? 1 : 0);
            String source = SampleMetadata.SOURCES.get(f % SampleMetadata.SOURCES.size());
            String server = SampleMetadata.SERVERS.get((f / SampleMetadata.SOURCES.size() + f) % SampleMetadata.SERVERS.size());
            String rel = "data/source=" + source + "/server=" + server + "/data_" + f + ".parquet";
            try (ParquetRowWriter w = ParquetRowWriter.create(outDir.resolve(rel), SampleSchema.COLUMNS,
                    WriterOptions.defaults().withRowGroupRows(ROW_GROUP_ROWS))) {
                for (int r = 0; r < rows; r++, global++) {
                    String uuid = SampleMetadata.uuid(rnd);
                    uuids.put(global, uuid);
                    RgbImage img;
                    if (copyOf.containsKey(global)) {
                        int orig = copyOf.get(global);
                        String kind = global % 2 == 0 ? "noise" : "brightness";
                        img = SyntheticImages.perturb(originals.remove(orig), kind, rnd);
                        dups.add(new NearDuplicate(uuids.get(orig), uuid, kind));
                    } else {
                        int[] wh = size(rnd);
                        img = SyntheticImages.render(rnd, wh[0], wh[1]);
                    }
                    if (copied.contains(global)) {
                        originals.put(global, img);
                    }
                    long[] resized = {img.height(), img.width()};
                    long[] original = wasResized(rnd, img);
                    byte[] cell = RawBgr.fromRgb(img);
                    String kind = badKind.get(global);
                    if (kind != null) {
                        cell = breakCell(kind, cell, img);
                        bad.add(new BadRow(uuid, rel, r, kind, describe(kind, cell.length)));
                    }
                    Map<String, Object> row = SampleSchema.row(rnd, uuid, source, server, original, resized, cell,
                            md5(uuid + "/original"), md5(cell));
                    w.write(row);
                    progress.step(1);
                    taxonomy.add(SampleSchema.taxonomyRow(rnd, uuid, (String) row.get("source_id")));
                }
                w.commit();
            }
            files.add(new FileEntry(rel, rows));
        }
        progress.finish();
        String attributes = "attributes/taxonomy.parquet";
        try (ParquetRowWriter w = ParquetRowWriter.create(outDir.resolve(attributes), SampleSchema.TAXONOMY_COLUMNS)) {
            for (Map<String, Object> t : taxonomy) {
                w.write(t);
            }
            w.commit();
        }
        SampleManifest manifest = new SampleManifest(spec.seed(), spec.images(), files, bad, dups, attributes);
        Json.writeAtomically(outDir.resolve("manifest.json"), manifest);
        return manifest;
    }

    /** {width, height} with long side in [96, 720] and a common photo aspect ratio. */
    private static int[] size(Random rnd) {
        int[][] aspects = {{1, 1}, {4, 3}, {3, 4}, {16, 9}, {3, 2}, {2, 3}, {9, 16}};
        int[] a = aspects[rnd.nextInt(aspects.length)];
        int longSide = 96 + rnd.nextInt(720 - 96 + 1);
        int w = a[0] >= a[1] ? longSide : Math.max(1, longSide * a[0] / a[1]);
        int h = a[0] >= a[1] ? Math.max(1, longSide * a[1] / a[0]) : longSide;
        return new int[] {w, h};
    }

    /** Half the images pretend to come from a larger original that the downloader shrank to 720. */
    private static long[] wasResized(Random rnd, RgbImage img) {
        int longSide = Math.max(img.width(), img.height());
        if (longSide < 720 || rnd.nextBoolean()) {
            return new long[] {img.height(), img.width()};
        }
        double scale = 1.0 + rnd.nextInt(400) / 100.0;
        return new long[] {Math.round(img.height() * scale), Math.round(img.width() * scale)};
    }

    private static Map<Integer, String> chooseBadRows(Random rnd, SampleSpec spec) {
        Map<Integer, String> out = new LinkedHashMap<>();
        while (out.size() < spec.badRows()) {
            int row = rnd.nextInt(spec.images());
            if (!out.containsKey(row)) {
                out.put(row, BAD_KINDS[out.size() % BAD_KINDS.length]);
            }
        }
        return out;
    }

    /** About one row in twenty copies an earlier good row with a small change. */
    private static Map<Integer, Integer> chooseNearDuplicates(Random rnd, SampleSpec spec, Set<Integer> bad) {
        Map<Integer, Integer> out = new LinkedHashMap<>();
        Set<Integer> used = new HashSet<>(bad);
        int wanted = Math.max(1, spec.images() / 20);
        for (int tries = 0; out.size() < wanted && tries < 1000; tries++) {
            int copy = 1 + rnd.nextInt(spec.images() - 1);
            int orig = rnd.nextInt(copy);
            if (!used.contains(copy) && !used.contains(orig) && !out.containsValue(orig)) {
                out.put(copy, orig);
                used.add(copy);
                used.add(orig);
            }
        }
        return out;
    }

    private static byte[] breakCell(String kind, byte[] cell, RgbImage img) throws IOException {
        return switch (kind) {
            case "size_mismatch" -> java.util.Arrays.copyOf(cell, cell.length - 7);
            case "empty_image" -> new byte[0];
            case "corrupt_image" -> {
                byte[] jpeg = jpeg(img);
                yield java.util.Arrays.copyOf(jpeg, jpeg.length / 2);
            }
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static String describe(String kind, int length) {
        return switch (kind) {
            case "size_mismatch" -> length + " bytes: 7 bytes short of h*w*3";
            case "empty_image" -> "zero-length image cell";
            default -> "JPEG cut to half its length (" + length + " bytes)";
        };
    }

    private static byte[] jpeg(RgbImage img) throws IOException {
        java.awt.image.BufferedImage bi = new java.awt.image.BufferedImage(img.width(), img.height(),
                java.awt.image.BufferedImage.TYPE_3BYTE_BGR);
        byte[] dst = ((java.awt.image.DataBufferByte) bi.getRaster().getDataBuffer()).getData();
        System.arraycopy(RawBgr.fromRgb(img), 0, dst, 0, dst.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(bi, "jpg", out);
        return out.toByteArray();
    }

    static String md5(String s) {
        return md5(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static String md5(byte[] b) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
