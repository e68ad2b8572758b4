package org.tol.filters.clip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.api.TolException;
import org.tol.api.model.DType;
import org.tol.api.model.InferenceModel;
import org.tol.api.model.ModelOptions;
import org.tol.filters.demo.DemoClipModel;
import org.tol.models.onnx.OrtEngine;
import org.tol.models.supportset.SupportSet;
import org.tol.models.supportset.SupportSets;
import org.tol.models.supportset.SupportVector;

/**
 * Support-set building with a model whose embedding is each image's mean normalised colour (average pooling and a per-channel mean), so expected means and clusters follow from the pixel values alone.
 */
class SupportSetBuilderTest {
    @TempDir Path dir;

    private Path png(String name, int r, int g, int b) throws Exception {
        BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                img.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        Path p = dir.resolve(name);
        ImageIO.write(img, "png", p.toFile());
        return p;
    }

    /** Expected embedding of a solid colour: the normalised channel values. */
    private static double[] colour(int r, int g, int b) {
        int[] v = {r, g, b};
        double[] e = new double[3];
        for (int c = 0; c < 3; c++) {
            e[c] = ((float) v[c] / 255f - ClipPreprocessor.MEAN[c]) / ClipPreprocessor.STD[c];
        }
        return e;
    }

    @Test
    void meansAndClustersFromAListFile() throws Exception {
        // 7x7 cells of 48 px, then the mean of a channel's 49 cells: the image's mean colour, with float32
        // pooling over 2,304 values per cell (one 336x336 pool would drift by ~1e-3).
        float[] w = new float[147 * 3];
        for (int c = 0; c < 3; c++) {
            for (int cell = 0; cell < 49; cell++) {
                w[(c * 49 + cell) * 3 + c] = 1f / 49;
            }
        }
        Path model = DemoClipModel.linearOverPooledCells(336, 48, w, new float[3], false).write(dir.resolve("colour.onnx"));
        int[][] reds = {{250, 10, 10}, {230, 20, 10}};
        int[][] blues = {{10, 10, 240}, {20, 30, 250}};
        StringBuilder csv = new StringBuilder("label,path,k\n");
        List<int[]> all = new ArrayList<>();
        int i = 0;
        for (int[] c : reds) {
            png("r" + i + ".png", c[0], c[1], c[2]);
            csv.append("mixed,r").append(i++).append(".png,2\n");
            all.add(c);
        }
        i = 0;
        for (int[] c : blues) {
            png("b" + i + ".png", c[0], c[1], c[2]);
            csv.append("mixed,b").append(i++).append(".png,2\n");
            all.add(c);
        }
        png("g.png", 10, 200, 10);
        csv.append("green,g.png,\n");
        Path list = Files.writeString(dir.resolve("list.csv"), csv);

        SupportSetBuilder.Result r;
        try (InferenceModel m = new OrtEngine().load(model, ModelOptions.cpu())) {
            r = new SupportSetBuilder(m, new ClipPreprocessor(), 2).build(SupportSetList.read(list, 1));
        }
        assertEquals(5, r.images());
        assertEquals(List.of("mixed", "green"), r.mean().labels());
        assertEquals(List.of("mixed/0", "mixed/1", "green"), r.clustered().labels());
        double[] mean = new double[3];
        for (int[] c : all) {
            double[] e = colour(c[0], c[1], c[2]);
            for (int k = 0; k < 3; k++) {
                mean[k] += e[k] / all.size();
            }
        }
        double tol = 1e-4; // float32 model arithmetic; the two clusters differ by > 1

        assertArrayEquals(mean, r.mean().vectors().get(0).values(), tol);
        // k=2 separates the reds from the blues: the centres are the two group means (either order).
        double[] redMean = avg(colour(250, 10, 10), colour(230, 20, 10));
        double[] blueMean = avg(colour(10, 10, 240), colour(20, 30, 250));
        double[] c0 = r.clustered().vectors().get(0).values();
        double[] c1 = r.clustered().vectors().get(1).values();
        boolean redFirst = Math.abs(c0[0] - redMean[0]) < 0.1;
        assertArrayEquals(redFirst ? redMean : blueMean, c0, tol);
        assertArrayEquals(redFirst ? blueMean : redMean, c1, tol);
        assertArrayEquals(colour(10, 200, 10), r.clustered().vectors().get(2).values(), tol);
        for (SupportVector v : r.clustered().vectors()) {
            assertArrayEquals(new long[] {1, 3}, v.shape());
            assertEquals(DType.FLOAT64, v.dtype());
        }
        Path out = dir.resolve("built.pt");
        SupportSets.write(r.clustered(), out);
        SupportSet back = SupportSets.read(out);
        assertEquals(r.clustered().vectors(), back.vectors());
    }

    private static double[] avg(double[] a, double[] b) {
        return new double[] {(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2};
    }

    @Test
    void listErrorsNameTheProblem() throws Exception {
        Path url = Files.writeString(dir.resolve("u.csv"), "label,path\nx,https://example.org/a.jpg\n");
        assertTrue(assertThrows(TolException.class, () -> SupportSetList.read(url, 1)).getMessage().contains("is a URL"));
        Path missing = Files.writeString(dir.resolve("m.csv"), "label,path\nx,nope.jpg\n");
        assertTrue(assertThrows(TolException.class, () -> SupportSetList.read(missing, 1)).getMessage().contains("does not exist"));
        png("a.png", 1, 2, 3);
        Path ref = Files.writeString(dir.resolve("ref.json"),
                "{\"target_dir\": \"x\", \"categrories\": {\"spec\": {\"label\": \"a museum specimen\", \"data_urls\": [\"a.png\"], \"k\": 3}}}");
        List<SupportSetBuilder.Example> ex = SupportSetList.read(ref, 1);
        assertEquals("a museum specimen", ex.get(0).label());
        assertEquals(3, ex.get(0).k());
    }
}
