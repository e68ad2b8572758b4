package org.tol.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.api.ExitCodes;
import org.tol.api.TolException;
import org.tol.api.model.DType;
import org.tol.api.model.ModelOptions;
import org.tol.models.supportset.SupportSet;
import org.tol.models.supportset.SupportSets;
import org.tol.models.supportset.SupportVector;

/**
 * Model and support-set files as users pass them: fingerprints follow their content, not how the file was
 * written; a file that is not a model gets an error that says what it is instead of an engine's exception.
 */
class ModelFilesTest {
    @TempDir Path tmp;

    @Test
    void rewritingTheSameSupportSetKeepsItsDigestAndAChangedValueChangesIt() throws Exception {
        SupportSet set = set(0.5);
        Path a = tmp.resolve("a.pt");
        SupportSets.write(set, a);
        Path b = rewriteWithOtherTimestamps(a, tmp.resolve("b.pt"));
        assertTrue(!Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(b)), "the rewrite must differ byte-wise");
        assertEquals(ContentDigest.supportSet(SupportSets.read(a)), ContentDigest.supportSet(SupportSets.read(b)));
        assertEquals(ContentDigest.model(a), ContentDigest.model(b)); // a zip archive by its entries, as TorchScript
        assertNotEquals(ContentDigest.supportSet(set), ContentDigest.supportSet(set(0.25)));
        assertNotEquals(ContentDigest.supportSet(set), ContentDigest.supportSet(new SupportSet(List.of(
                new SupportVector("dog", new long[] {3}, DType.FLOAT32, new double[] {1, 0.5, 0}),
                new SupportVector("cat", new long[] {3}, DType.FLOAT32, new double[] {0, 1, 0})), "pt")));
    }

    @Test
    void aSupportSetPassedAsModelAndANonOnnxFileGetErrorsThatSayWhatTheyAre() throws Exception {
        Path support = tmp.resolve("fungi.pt");
        SupportSets.write(set(0.5), support);
        TolException e = assertThrows(TolException.class, () -> EngineRegistry.load().select(support, null));
        assertEquals(ExitCodes.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("is a torch.save file (a support set or a state dict), not a runnable model"),
                e.getMessage());
        assertTrue(e.hint().contains("--support-set"), e.hint());

        Path notOnnx = Files.writeString(tmp.resolve("model.onnx"), "<html>404 Not Found</html>");
        TolException bad = assertThrows(TolException.class,
                () -> EngineRegistry.load().load(notOnnx, null, ModelOptions.cpu()).close());
        assertEquals(ExitCodes.FAILURE, bad.exitCode());
        assertTrue(bad.getMessage().startsWith(notOnnx + ": ONNX Runtime cannot load this file as an ONNX model"),
                bad.getMessage());
    }

    private static SupportSet set(double x) {
        return new SupportSet(List.of(new SupportVector("cat", new long[] {3}, DType.FLOAT32, new double[] {0, 1, 0}),
                new SupportVector("dog", new long[] {3}, DType.FLOAT32, new double[] {1, x, 0})), "pt");
    }

    /** The same entries and bytes with other entry times: what writing the same support set later produces. */
    private static Path rewriteWithOtherTimestamps(Path from, Path to) throws Exception {
        try (ZipFile in = new ZipFile(from.toFile()); OutputStream os = Files.newOutputStream(to);
                ZipOutputStream out = new ZipOutputStream(os)) {
            for (ZipEntry e : in.stream().toList()) {
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setMethod(e.getMethod());
                if (e.getMethod() == ZipEntry.STORED) {
                    copy.setSize(e.getSize());
                    copy.setCompressedSize(e.getSize());
                    copy.setCrc(e.getCrc());
                }
                copy.setTime(e.getTime() - 86_400_000L);
                out.putNextEntry(copy);
                in.getInputStream(e).transferTo(out);
                out.closeEntry();
            }
        }
        return to;
    }
}
