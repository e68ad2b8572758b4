package org.tol.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.api.filter.RowResult;
import org.tol.api.image.RgbImage;
import org.tol.api.model.DType;
import org.tol.api.model.Device;
import org.tol.api.schema.Column;
import org.tol.api.schema.ColumnType;
import org.tol.cli.TolCommand;
import org.tol.filters.clip.ClipConfig;
import org.tol.filters.clip.ClipFilter;
import org.tol.filters.demo.DemoClipModel;
import org.tol.io.parquet.ParquetRowWriter;
import org.tol.io.parquet.ParquetRows;
import org.tol.io.parquet.Row;
import org.tol.models.supportset.SupportSet;
import org.tol.models.supportset.SupportSets;
import org.tol.models.supportset.SupportVector;
import picocli.CommandLine;

/**
 * {@code tol filter clip} through the CLI and the rank runtime on images-in-Parquet (raw BGR cells, one broken
 * row), with an ONNX model and with the committed TorchScript archive; every row's prediction must equal what
 * the filter computes directly (itself checked against an independent computation in ClipFilterTest).
 */
class ClipCliEndToEndTest {
    @TempDir Path dir;

    private static RgbImage image(int w, int h, int seed) {
        byte[] px = new byte[w * h * 3];
        Random r = new Random(seed);
        int br = r.nextInt(256);
        int bg = r.nextInt(256);
        int bb = r.nextInt(256);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = (y * w + x) * 3;
                px[i] = (byte) (br + x / 3);
                px[i + 1] = (byte) (bg + y / 2);
                px[i + 2] = (byte) (bb + r.nextInt(20));
            }
        }
        return new RgbImage(w, h, px);
    }

    private static byte[] bgr(RgbImage img) {
        byte[] b = img.pixels().clone();
        for (int i = 0; i < b.length; i += 3) {
            byte t = b[i];
            b[i] = b[i + 2];
            b[i + 2] = t;
        }
        return b;
    }

    private Path parquet(List<RgbImage> images) throws Exception {
        Path file = dir.resolve("in/data_0.parquet");
        Files.createDirectories(file.getParent());
        List<Column> cols = List.of(Column.string("uuid"), Column.binary("image"),
                new Column("original_size", ColumnType.listOf(ColumnType.Primitive.INT64)),
                new Column("resized_size", ColumnType.listOf(ColumnType.Primitive.INT64)));
        try (ParquetRowWriter w = ParquetRowWriter.create(file, cols)) {
            for (int i = 0; i < images.size(); i++) {
                RgbImage img = images.get(i);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("uuid", "img-" + i);
                row.put("image", bgr(img));
                row.put("original_size", List.of((long) img.height(), (long) img.width()));
                row.put("resized_size", List.of((long) img.height(), (long) img.width()));
                w.write(row);
            }
            Map<String, Object> broken = new LinkedHashMap<>();
            broken.put("uuid", "broken");
            broken.put("image", new byte[] {1, 2, 3, 4, 5});
            broken.put("original_size", List.of(10L, 10L));
            broken.put("resized_size", List.of(10L, 10L));
            w.write(broken);
            w.commit();
        }
        return file;
    }

    private Path supportSet() throws Exception {
        Random r = new Random(3);
        List<SupportVector> v = new ArrayList<>();
        for (String label : List.of("a museum specimen/0", "a museum specimen/1", "a text document", "fungi on plants")) {
            double[] d = new double[4];
            for (int i = 0; i < 4; i++) {
                d[i] = r.nextGaussian() * 12;
            }
            v.add(new SupportVector(label, new long[] {1, 4}, DType.FLOAT64, d));
        }
        Path f = dir.resolve("support.pt");
        SupportSets.write(new SupportSet(v, "test"), f);
        return f;
    }

    private static float[] tinyWeights() {
        float[] w = new float[27 * 4];
        for (int m = 0; m < 27; m++) {
            for (int k = 0; k < 4; k++) {
                w[m * 4 + k] = (float) ((Math.floorMod(m * 7 + k * 3, 11) - 5) / 10.0);
            }
        }
        return w;
    }

    private void runAndCompare(Path model, String outName) throws Exception {
        List<RgbImage> images = List.of(image(400, 300, 1), image(250, 500, 2), image(720, 540, 3), image(336, 336, 4),
                image(90, 60, 5));
        Path input = parquet(images);
        Path support = supportSet();
        Path out = dir.resolve(outName);
        StringWriter err = new StringWriter();
        CommandLine cl = TolCommand.commandLine();
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("filter", "clip", "--input", input.getParent().toString(), "--output", out.toString(),
                "--model", model.toString(), "--support-set", support.toString(), "--device", "cpu", "--top-k", "2",
                "--batch-size", "2", "--prep-threads", "2");
        assertTrue(code == 0 || code == 3, "exit " + code + ": " + err);

        Map<String, RowResult> expected = new LinkedHashMap<>();
        ClipConfig cfg = new ClipConfig(model, null, null, support, 2, false, false, 336);
        try (ClipFilter f = new ClipFilter(cfg, Device.CPU)) {
            for (int i = 0; i < images.size(); i++) {
                expected.put("img-" + i, f.infer(List.of(f.prepare(images.get(i)))).get(0));
            }
        }
        Map<String, Row> got = new LinkedHashMap<>();
        try (ParquetRows rows = ParquetRows.open(out.resolve("predictions_rank0.parquet"),
                List.of("uuid", "status", "error", "pred_label", "pred_score", "top_labels", "top_scores"))) {
            for (Row r = rows.next(); r != null; r = rows.next()) {
                got.put(r.string("uuid"), r);
            }
        }
        assertEquals(images.size() + 1, got.size(), "one output row per input row");
        for (Map.Entry<String, RowResult> e : expected.entrySet()) {
            Row r = got.get(e.getKey());
            assertEquals("ok", r.string("status"), e.getKey());
            assertEquals(e.getValue().values().get("pred_label"), r.string("pred_label"), e.getKey());
            assertEquals((Double) e.getValue().values().get("pred_score"), ((Number) r.value("pred_score")).doubleValue(),
                    1e-6, e.getKey());
            assertEquals(e.getValue().values().get("top_labels"), r.value("top_labels"), e.getKey());
        }
        Row broken = got.get("broken");
        assertNotEquals("ok", broken.string("status"));
        assertTrue(broken.string("error") != null && !broken.string("error").isEmpty());
    }

    @Test
    void onnxModelThroughCli() throws Exception {
        float[] bias = {-0.1f, 0f, 0.1f, 0.2f};
        Path model = DemoClipModel.linearOverPooledCells(336, 112, tinyWeights(), bias, false).write(dir.resolve("tiny.onnx"));
        runAndCompare(model, "out-onnx");
    }

    @Test
    void torchScriptArchiveThroughCli() throws Exception {
        String repo = System.getProperty("tol.repo");
        Path archive = repo == null ? null : Path.of(repo, "models/src/test/resources/models/tiny_clip_encode_image.pt");
        assumeTrue(archive != null && Files.isRegularFile(archive), "tiny TorchScript archive not found");
        runAndCompare(archive, "out-djl");
    }

    private record Run(int code, String out, String err) {}

    private static Run tol(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = TolCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void demoModelDescribeAndInspectCommands() throws Exception {
        Path model = dir.resolve("m/clip-demo.onnx");
        Path support = dir.resolve("m/clip-demo-support.npz");
        Run demo = tol("models", "demo", "clip", "--out", model.toString(), "--support-set-out", support.toString());
        assertEquals(0, demo.code(), demo.err());
        assertTrue(demo.out().contains("NOT CLIP"), demo.out());

        Run describe = tol("models", "describe", "--json", model.toString());
        assertEquals(0, describe.code(), describe.err());
        var d = org.tol.io.json.Json.mapper().readTree(describe.out());
        assertEquals("onnx", d.get("engine").asText());
        assertEquals("image", d.get("inputs").get(0).get("name").asText());
        assertEquals("[-1,3,336,336]", d.get("inputs").get(0).get("shape").toString());
        assertEquals("[-1,64]", d.get("outputs").get(0).get("shape").toString());
        assertEquals("true", d.get("metadata").get("tol.demo").asText());

        Run inspect = tol("support-set", "inspect", "--json", support.toString());
        assertEquals(0, inspect.code(), inspect.err());
        var s = org.tol.io.json.Json.mapper().readTree(inspect.out());
        assertEquals(6, s.get("labels").asInt());
        assertEquals(64, s.get("dim").asInt());
        assertEquals("demo: reddish", s.get("vectors").get(0).get("label").asText());
    }

    @Test
    void inspectReadsTheReferenceFileAndRefusesAHostileOne() throws Exception {
        String shared = System.getProperty("tol.shared");
        Path fungi = shared == null ? null : Path.of(shared, "data/support-sets/fungi.pt");
        assumeTrue(fungi != null && Files.isRegularFile(fungi), "shared support sets not present");
        Run ok = tol("support-set", "inspect", fungi.toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("11 labels, dim 768") && ok.out().contains("a museum specimen/2"), ok.out());
        assertTrue(ok.out().contains("15.787998"), ok.out());

        Path evil = dir.resolve("evil.pt");
        try (var o = Files.newOutputStream(evil); var z = new java.util.zip.ZipOutputStream(o)) {
            z.putNextEntry(new java.util.zip.ZipEntry("evil/data.pkl"));
            z.write("cposix\nsystem\n(Vecho pwned\ntR.".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            z.closeEntry();
        }
        Run bad = tol("support-set", "inspect", evil.toString());
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("'posix.system'") && bad.err().contains("hint"), bad.err());
    }
}
