package org.tol.models;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.tol.models.supportset.SupportSet;
import org.tol.models.supportset.SupportVector;

/**
 * SHA-256 digests that describe what a model or support set holds, not how its file was written: a run's
 * fingerprint must not change when the same support set or TorchScript archive is written again (zip entry
 * timestamps differ on every write, so a byte digest would make the quickstart fail on its second run).
 */
public final class ContentDigest {
    /** Bytes of a non-zip model (ONNX) that are hashed: the head, plus the size (multi-GB models). */
    static final long MODEL_HEAD_BYTES = 8L << 20;

    private ContentDigest() {}

    /** Labels in order, then each vector's shape, dtype and values. */
    public static String supportSet(SupportSet set) {
        return digest(out -> {
            out.writeInt(set.size());
            for (SupportVector v : set.vectors()) {
                out.writeUTF(v.label());
                out.writeInt(v.shape().length);
                for (long s : v.shape()) {
                    out.writeLong(s);
                }
                out.writeUTF(v.dtype().name());
                for (double x : v.values()) {
                    out.writeDouble(x);
                }
            }
        });
    }

    /**
     * A zip archive (TorchScript, torch.save): its entries' names, sizes and CRC-32s from the central directory,
     * in name order (cheap even for GB archives, and blind to timestamps). Anything else (ONNX, whose
     * protobuf has no timestamps): the size and the first {@value #MODEL_HEAD_BYTES} bytes.
     */
    public static String model(Path file) throws IOException {
        if (isZip(file)) {
            try (ZipFile z = new ZipFile(file.toFile())) {
                List<? extends ZipEntry> entries = z.stream().sorted(Comparator.comparing(ZipEntry::getName)).toList();
                return digest(out -> {
                    out.writeUTF("zip");
                    for (ZipEntry e : entries) {
                        out.writeUTF(e.getName());
                        out.writeLong(e.getSize());
                        out.writeLong(e.getCrc());
                    }
                });
            }
        }
        long size = Files.size(file);
        return digest(out -> {
            out.writeUTF(Long.toString(size));
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buf = new byte[1 << 16];
                long left = MODEL_HEAD_BYTES;
                int r;
                while (left > 0 && (r = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0) {
                    out.write(buf, 0, r);
                    left -= r;
                }
            }
        });
    }

    private static boolean isZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
        }
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private static String digest(Writer w) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (DataOutputStream out = new DataOutputStream(new DigestOutputStream(OutputStream.nullOutputStream(), md))) {
                w.write(out);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
