package org.tol.models.supportset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.api.model.DType;

/** Malformed and hostile pickles are refused with an error naming the problem; writers round-trip. */
class HostileSupportSetsTest {
    @TempDir Path dir;

    private Path torchZip(String name, byte[] pickle) throws IOException {
        Path f = dir.resolve(name);
        try (OutputStream o = Files.newOutputStream(f); ZipOutputStream z = new ZipOutputStream(o)) {
            z.putNextEntry(new ZipEntry("x/data.pkl"));
            z.write(pickle);
            z.closeEntry();
            z.putNextEntry(new ZipEntry("x/byteorder"));
            z.write("little".getBytes(StandardCharsets.US_ASCII));
            z.closeEntry();
        }
        return f;
    }

    private static byte[] bytes(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }

    private String refusal(Path f) {
        return assertThrows(SupportSetFormatException.class, () -> SupportSets.read(f)).getMessage();
    }

    @Test
    void osSystemGlobalIsRefusedWithoutRunningIt() throws Exception {
        Path marker = dir.resolve("pwned");
        // protocol-0 pickle of os.system("touch <marker>"): what a malicious torch.save file would contain.
        byte[] p = bytes("cos\nsystem\n(V touch " + marker + "\ntR.");
        String msg = refusal(torchZip("evil.pt", p));
        assertTrue(msg.contains("'os.system'") && msg.contains("never executes"), msg);
        assertTrue(!Files.exists(marker));
    }

    @Test
    void otherTorchGlobalsAreRefused() throws Exception {
        byte[] p = bytes("\u0080\u0002}(X\u0001\u0000\u0000\u0000actorch._utils\n_rebuild_parameter\n)Ru.");
        assertTrue(refusal(torchZip("param.pt", p)).contains("'torch._utils._rebuild_parameter'"));
        byte[] b = bytes("\u0080\u0002cbuiltins\neval\n.");
        assertTrue(refusal(torchZip("eval.pt", b)).contains("'builtins.eval'"));
    }

    @Test
    void disallowedOpcodesAreRefused() throws Exception {
        // BUILD ('b') and INST ('i') can run code through __setstate__/constructors; neither is ever needed.
        byte[] p = bytes("\u0080\u0002}b.");
        String msg = refusal(torchZip("build.pt", p));
        assertTrue(msg.contains("opcode 0x62 ('b')"), msg);
    }

    @Test
    void nonTensorValuesAndNonDictTopLevelAreRefused() throws Exception {
        byte[] p = bytes("\u0080\u0002}(X\u0001\u0000\u0000\u0000aK\u0005u.");
        assertTrue(refusal(torchZip("int.pt", p)).contains("value of label 'a' is Long 5, not a tensor"));
        byte[] q = bytes("\u0080\u0002K\u0005.");
        assertTrue(refusal(torchZip("top.pt", q)).contains("not a {label: tensor} dict"));
    }

    @Test
    void truncatedPickleAndZipAreRefused() throws Exception {
        byte[] p = bytes("\u0080\u0002}(X\u0010\u0000\u0000\u0000ab");
        assertTrue(refusal(torchZip("short.pt", p)).contains("truncated"));
        SupportSet set = sample();
        Path good = dir.resolve("good.pt");
        SupportSets.write(set, good);
        byte[] all = Files.readAllBytes(good);
        Path cut = Files.write(dir.resolve("cut.pt"), Arrays.copyOf(all, all.length / 2));
        String msg = refusal(cut);
        assertTrue(msg.contains("cut.pt") && (msg.contains("truncated") || msg.contains("damaged")), msg);
    }

    @Test
    void storageSizeMismatchIsRefused() throws Exception {
        SupportSet set = sample();
        Path good = dir.resolve("s.pt");
        SupportSets.write(set, good);
        // Rewrite the archive with the first storage record shortened by one element.
        Path bad = dir.resolve("bad.pt");
        try (var zin = new java.util.zip.ZipFile(good.toFile()); OutputStream o = Files.newOutputStream(bad);
                ZipOutputStream z = new ZipOutputStream(o)) {
            for (var en = zin.entries(); en.hasMoreElements(); ) {
                ZipEntry e = en.nextElement();
                byte[] b = zin.getInputStream(e).readAllBytes();
                if (e.getName().endsWith("data/0")) {
                    b = Arrays.copyOf(b, b.length - 8);
                }
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(b);
                z.closeEntry();
            }
        }
        assertTrue(refusal(bad).contains("storage '0' of label 'cat'"));
    }

    static SupportSet sample() {
        return new SupportSet(List.of(
                new SupportVector("cat", new long[] {1, 3}, DType.FLOAT64, new double[] {1.5, -2, 3.25}),
                new SupportVector("dog/0", new long[] {3}, DType.FLOAT32, new double[] {0.5, 0.25, -1}),
                new SupportVector("dog/1", new long[] {1, 3}, DType.FLOAT16, new double[] {2, 0.125, -4})), "test");
    }

    @Test
    void ptNpzAndJsonRoundTrip() throws Exception {
        SupportSet set = sample();
        for (String name : List.of("rt.pt", "rt.npz")) {
            Path f = dir.resolve(name);
            SupportSets.write(set, f);
            assertEquals(set.vectors(), SupportSets.read(f).vectors(), name);
        }
        Path json = dir.resolve("rt.json");
        SupportSets.write(set, json);
        SupportSet back = SupportSets.read(json);
        assertEquals(set.labels(), back.labels());
        assertArrayEquals(set.vectors().get(2).values(), back.vectors().get(2).values());
    }

    @Test
    void jsonListFormAndBadJson() throws Exception {
        Path f = Files.writeString(dir.resolve("l.json"),
                "[{\"label\":\"b\",\"embedding\":[3,4]},{\"label\":\"a\",\"embedding\":[[1,0]]}]");
        SupportSet s = SupportSets.read(f);
        assertEquals(List.of("b", "a"), s.labels());
        assertEquals(5.0, s.vectors().get(0).norm(), 1e-12);
        assertArrayEquals(new long[] {1, 2}, s.vectors().get(1).shape());
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"a\": [1, \"x\"]}");
        assertTrue(refusal(bad).contains("label 'a' value 1 is not a number"));
    }

    @Test
    void parquetForm() throws Exception {
        Path f = dir.resolve("s.parquet");
        List<org.tol.api.schema.Column> cols = List.of(org.tol.api.schema.Column.string("label"),
                new org.tol.api.schema.Column("embedding", org.tol.api.schema.ColumnType.listOf(
                        org.tol.api.schema.ColumnType.Primitive.FLOAT)));
        try (var w = org.tol.io.parquet.ParquetRowWriter.create(f, cols)) {
            w.write(java.util.Map.of("label", "z", "embedding", List.of(3f, 4f)));
            w.write(java.util.Map.of("label", "a/1", "embedding", List.of(1f, 0f)));
            w.commit();
        }
        SupportSet s = SupportSets.read(f);
        assertEquals(List.of("z", "a/1"), s.labels());
        assertEquals(DType.FLOAT32, s.vectors().get(0).dtype());
        assertEquals(5.0, s.vectors().get(0).norm(), 1e-12);
    }

    @Test
    void npzMatrixForm() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(buf)) {
            z.putNextEntry(new ZipEntry("labels.npy"));
            z.write(unicodeNpy("x", "yy"));
            z.closeEntry();
            z.putNextEntry(new ZipEntry("embeddings.npy"));
            z.write(Npy.write(new long[] {2, 2}, DType.FLOAT32, new double[] {1, 2, 3, 4}));
            z.closeEntry();
        }
        Path f = Files.write(dir.resolve("m.npz"), buf.toByteArray());
        SupportSet s = SupportSets.read(f);
        assertEquals(List.of("x", "yy"), s.labels());
        assertArrayEquals(new double[] {3, 4}, s.vectors().get(1).values());
    }

    /** A '<U2' array written the way numpy lays it out: UTF-32LE code points, zero padded. */
    private static byte[] unicodeNpy(String... s) {
        String header = "{'descr': '<U2', 'fortran_order': False, 'shape': (" + s.length + ",), }";
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) header.length(), 0});
        o.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
        for (String x : s) {
            for (int c = 0; c < 2; c++) {
                int cp = c < x.length() ? x.charAt(c) : 0;
                o.writeBytes(new byte[] {(byte) cp, 0, 0, 0});
            }
        }
        return o.toByteArray();
    }
}
