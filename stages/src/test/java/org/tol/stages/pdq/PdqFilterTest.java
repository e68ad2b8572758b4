package org.tol.stages.pdq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tol.api.filter.RowResult;
import org.tol.api.image.DecodeResult;
import org.tol.api.image.RgbImage;
import org.tol.api.schema.Column;
import org.tol.io.image.ImageDecoder;

class PdqFilterTest {
    @Test
    void rowsCarryTheBinaryHexAndQualityOfTheHash() throws Exception {
        RgbImage img = PdqTestImages.syntheticPhoto(new Random(1), 320, 200);
        PdqResult expect = new PdqHasher().hash(img);
        try (PdqFilter f = new PdqFilter(PreResize.NONE, LumaPrecision.DOUBLE)) {
            assertEquals("pdq", f.name());
            assertEquals(List.of("hash_pdq", "pdq_hex", "pdq_quality"), f.outputColumns().stream().map(Column::name).toList());
            List<RowResult> rows = f.infer(List.of(f.prepare(img), f.prepare(img)));
            assertEquals(2, rows.size());
            RowResult r = rows.get(0);
            assertTrue(r.isOk());
            assertArrayEquals(expect.hash().toBytes(), (byte[]) r.values().get("hash_pdq"));
            assertEquals(expect.hash().toHex(), r.values().get("pdq_hex"));
            assertEquals(expect.quality(), r.values().get("pdq_quality"));
            assertEquals("none", f.fingerprint().get("pre_resize"));
            assertEquals("double", f.fingerprint().get("luma_precision"));
        }
        // float, the arithmetic of runs made before the option existed, keeps their fingerprint (they resume)
        try (PdqFilter f = new PdqFilter(PreResize.NONE, LumaPrecision.FLOAT)) {
            assertEquals(Map.of("algorithm", "pdq-1", "pre_resize", "none"), f.fingerprint());
        }
    }

    @Test
    void preResizeIsAppliedBeforeHashing() throws Exception {
        RgbImage img = PdqTestImages.syntheticPhoto(new Random(2), 900, 600);
        PdqResult squashed = new PdqHasher().hash(Resampler.nearest(img, 512, 512));
        try (PdqFilter f = new PdqFilter(PreResize.SQUARE_512, LumaPrecision.DOUBLE)) {
            assertEquals(squashed, f.prepare(img));
            assertEquals("512-square", f.fingerprint().get("pre_resize"));
        }
    }

    /** The runtime's raw-cell path gives what prepare() gives for the decoded RGB image, for every mode. */
    @Test
    void prepareBgrEqualsPrepareOfTheDecodedImage() throws Exception {
        Random rnd = new Random(9);
        for (int[] size : new int[][] {{720, 540}, {63, 65}, {600, 300}, {4, 9}}) {
            RgbImage img = PdqTestImages.syntheticPhoto(rnd, size[0], size[1]);
            byte[] bgr = org.tol.io.image.RawBgr.fromRgb(img);
            byte[] shifted = new byte[bgr.length + 11];
            System.arraycopy(bgr, 0, shifted, 11, bgr.length);
            for (PreResize pre : PreResize.values()) {
                for (LumaPrecision luma : LumaPrecision.values()) {
                    try (PdqFilter f = new PdqFilter(pre, luma)) {
                        assertTrue(f.preparesBgr());
                        String at = pre + " " + luma + " " + size[0] + "x" + size[1];
                        assertEquals(f.prepare(img), f.prepareBgr(bgr, 0, size[0], size[1]), at);
                        assertEquals(f.prepare(img), f.prepareBgr(shifted, 11, size[0], size[1]), at + " at offset");
                    }
                }
            }
        }
    }

    /** A raw-BGR Parquet cell (the TOL storage format) hashes like the RGB image it holds. */
    @Test
    void rawBgrCellsHashLikeTheReference() throws Exception {
        String shared = System.getProperty("tol.shared");
        Path file = shared == null ? null : Path.of(shared, "data", "pdq", "dih", "bridge-1-original.jpg");
        assumeTrue(file != null && Files.exists(file), "shared PDQ test data not found");
        DecodeResult rgb = PdqFileDecoder.IMAGEIO.decode(file);
        RgbImage img = rgb.image();
        byte[] bgr = new byte[img.pixels().length];
        for (int i = 0; i < bgr.length; i += 3) {
            bgr[i] = img.pixels()[i + 2];
            bgr[i + 1] = img.pixels()[i + 1];
            bgr[i + 2] = img.pixels()[i];
        }
        long[] size = {img.height(), img.width()};
        DecodeResult cell = new ImageDecoder().decode(bgr, size, size);
        // Meta's Java reference hash: float32 luma
        try (PdqFilter f = new PdqFilter(PreResize.NONE, LumaPrecision.FLOAT)) {
            assertEquals("f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22",
                    f.prepare(cell.image()).hash().toHex());
        }
    }
}
