package org.tol.stages.wds;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tol.api.image.DecodeError;
import org.tol.api.image.DecodeResult;
import org.tol.api.image.RgbImage;
import org.tol.filters.resample.PillowResampler;
import org.tol.filters.resample.ResampleKernel;
import org.tol.io.image.ImageDecoder;
import org.tol.io.image.RawBgr;
import org.tol.io.image.SyntheticImages;
import org.tol.wds.Sample;
import org.tol.wds.taxon.Taxon;
import org.tol.wds.taxon.TaxonText;

class SampleFactoryTest {
    private static final Taxon FINCH =
            Taxon.of("Animalia", "Chordata", "Aves", "Passeriformes", "Fringillidae", "Geospiza", "fuliginosa");

    @Test
    void jpgIsTheBicubic224ResizeAndTextsAreTheTenMembers() throws Exception {
        RgbImage img = SyntheticImages.render(new Random(3), 720, 540);
        Sample s = new SampleFactory(WdsImageOptions.REFERENCE).sample("k1", DecodeResult.ok(img), FINCH, "");
        List<String> exts = new java.util.ArrayList<>(TaxonText.EXTENSIONS);
        exts.add("jpg");
        exts.sort(null);
        assertEquals(exts, List.copyOf(s.members().keySet()));
        assertEquals("Geospiza fuliginosa", s.text("common_name.txt"));
        RgbImage jpg = new ImageDecoder().decode(s.members().get("jpg"), null, null).image();
        assertEquals(224, jpg.width());
        assertEquals(224, jpg.height());
        byte[] exact = new PillowResampler(ResampleKernel.BICUBIC).resize(img.pixels(), 720, 540, 224, 224);
        double diff = 0;
        for (int i = 0; i < exact.length; i++) {
            diff += Math.abs((exact[i] & 0xff) - (jpg.pixels()[i] & 0xff));
        }
        // quality 100 with 4:2:0 chroma: only chroma subsampling and rounding separate the two
        assertTrue(diff / exact.length < 3.0, "mean abs difference " + diff / exact.length);
    }

    @Test
    void keepAspectFitsTheBoxAndBadRowsSayWhy() {
        WdsImageOptions keep = new WdsImageOptions(224, 224, true, 95);
        SampleFactory f = new SampleFactory(keep);
        RgbImage img = SyntheticImages.render(new Random(4), 720, 540);
        assertEquals(224, keep.target(720, 540)[0]);
        assertEquals(168, keep.target(720, 540)[1]);
        assertEquals(224, keep.target(540, 720)[1]);
        SampleFactory.BadRowException e = assertThrows(SampleFactory.BadRowException.class,
                () -> f.sample("k", DecodeResult.fail(DecodeError.CORRUPT, "cut"), FINCH, null));
        assertEquals("corrupt_image", e.status());
        e = assertThrows(SampleFactory.BadRowException.class,
                () -> f.sample("k", DecodeResult.ok(img), Taxon.of("unknown", "", "", "", "", "", ""), null));
        assertEquals("no_taxon", e.status());
        e = assertThrows(SampleFactory.BadRowException.class, () -> f.sample("a.b", DecodeResult.ok(img), FINCH, null));
        assertEquals("bad_key", e.status());
    }

    @Test
    void aRawBgrCellGivesTheSameJpegAsItsRgbImage() throws Exception {
        for (WdsImageOptions o : List.of(WdsImageOptions.REFERENCE, new WdsImageOptions(224, 224, true, 95))) {
            SampleFactory f = new SampleFactory(o);
            for (int[] s : new int[][] {{720, 540}, {540, 720}, {224, 224}, {101, 3000}}) {
                RgbImage img = SyntheticImages.render(new Random(s[0]), s[0], s[1]);
                byte[] bgr = RawBgr.fromRgb(img);
                Sample viaBgr = f.sample("k", new SampleItem.BgrCell(bgr, s[0], s[1]), FINCH, "");
                Sample viaRgb = f.sample("k", DecodeResult.ok(img), FINCH, "");
                assertArrayEquals(viaRgb.members().get("jpg"), viaBgr.members().get("jpg"),
                        s[0] + "x" + s[1]);
                // and the RGB path's JPEG holds Pillow's resize, as before (BGR handed to the encoder)
                int[] t = o.target(s[0], s[1]);
                byte[] exact = new PillowResampler(ResampleKernel.BICUBIC).resize(img.pixels(), s[0], s[1], t[0], t[1]);
                assertArrayEquals(new org.tol.io.image.ImageEncoder(org.tol.io.image.ImageEncoder.Format.JPEG, o.quality())
                        .encodeBgr(t[0], t[1], RawBgr.fromRgb(new RgbImage(t[0], t[1], exact))), viaRgb.members().get("jpg"));
            }
        }
    }
}
