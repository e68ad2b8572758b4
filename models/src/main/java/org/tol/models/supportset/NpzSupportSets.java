package org.tol.models.supportset;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.tol.api.model.DType;

/**
 * {@code .npz} support sets, either one array per label ({@code np.savez(f, **{label: vec})}, keys in order) or
 * two arrays {@code labels} (unicode, [K]) and {@code embeddings} ([K, D]).
 */
final class NpzSupportSets {
    private NpzSupportSets() {}

    static SupportSet read(Path file) {
        Map<String, Npy.Array> arrays = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
                ZipEntry e = en.nextElement();
                if (!e.getName().endsWith(".npy")) {
                    throw new SupportSetFormatException(file + ": entry '" + e.getName() + "' is not an .npy array");
                }
                try (InputStream in = zip.getInputStream(e)) {
                    String key = e.getName().substring(0, e.getName().length() - 4);
                    arrays.put(key, Npy.read(in.readAllBytes(), file + ":" + e.getName()));
                }
            }
        } catch (IOException e) {
            throw new SupportSetFormatException(file + ": not a readable .npz archive: " + e.getMessage(), e);
        }
        if (arrays.size() == 2 && arrays.containsKey("labels") && arrays.containsKey("embeddings")) {
            return matrixForm(file, arrays.get("labels"), arrays.get("embeddings"));
        }
        List<SupportVector> vectors = new ArrayList<>();
        for (Map.Entry<String, Npy.Array> e : arrays.entrySet()) {
            Npy.Array a = e.getValue();
            if (a.values() == null) {
                throw new SupportSetFormatException(file + ": array '" + e.getKey() + "' holds strings, not a vector");
            }
            vectors.add(new SupportVector(e.getKey(), a.shape(), a.dtype(), a.values()));
        }
        return new SupportSet(vectors, "npz");
    }

    private static SupportSet matrixForm(Path file, Npy.Array labels, Npy.Array emb) {
        if (labels.strings() == null || emb.values() == null || emb.shape().length != 2
                || emb.shape()[0] != labels.strings().length) {
            throw new SupportSetFormatException(file + ": 'labels' must be K strings and 'embeddings' a [K, D] float array");
        }
        int d = (int) emb.shape()[1];
        List<SupportVector> vectors = new ArrayList<>();
        for (int k = 0; k < labels.strings().length; k++) {
            double[] v = new double[d];
            System.arraycopy(emb.values(), k * d, v, 0, d);
            vectors.add(new SupportVector(labels.strings()[k], new long[] {d}, emb.dtype(), v));
        }
        return new SupportSet(vectors, "npz");
    }

    /** Writes one array per label, in order, each with its own shape and dtype. */
    static void write(SupportSet set, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        for (SupportVector v : set.vectors()) {
            DType t = v.dtype() == DType.BFLOAT16 ? DType.FLOAT32 : v.dtype(); // numpy has no bfloat16
            zip.putNextEntry(new ZipEntry(v.label() + ".npy"));
            zip.write(Npy.write(v.shape(), t, v.values()));
            zip.closeEntry();
        }
        zip.finish();
    }
}
