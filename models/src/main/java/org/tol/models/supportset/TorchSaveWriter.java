package org.tol.models.supportset;

import ai.onnxruntime.platform.Fp16Conversions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.tol.api.model.DType;

/**
 * Writes a support set in {@code torch.save}'s zip layout, pickle protocol 2, so {@code torch.load} (and the
 * reference's {@code run_clip_distributed.py}) read it as a {@code {label: tensor}} dict. Entries are stored
 * uncompressed, as torch does.
 */
final class TorchSaveWriter {
    private TorchSaveWriter() {}

    static void write(SupportSet set, String archiveName, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        String p = archiveName + "/";
        stored(zip, p + "data.pkl", pickle(set.vectors()));
        stored(zip, p + "byteorder", "little".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < set.size(); i++) {
            stored(zip, p + "data/" + i, raw(set.vectors().get(i)));
        }
        stored(zip, p + "version", "3\n".getBytes(StandardCharsets.US_ASCII));
        zip.finish();
    }

    private static byte[] pickle(List<SupportVector> vectors) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(0x80);
        b.write(2); // PROTO 2, torch.save's default
        b.write('}'); // EMPTY_DICT
        b.write('(');
        for (int i = 0; i < vectors.size(); i++) {
            SupportVector v = vectors.get(i);
            unicode(b, v.label());
            global(b, "torch._utils", "_rebuild_tensor_v2");
            b.write('(');
            b.write('('); // persistent id ('storage', torch.XStorage, key, 'cpu', numel)
            unicode(b, "storage");
            global(b, "torch", storageName(v.dtype()));
            unicode(b, Integer.toString(i));
            unicode(b, "cpu");
            integer(b, v.dim());
            b.write('t');
            b.write('Q'); // BINPERSID
            integer(b, 0); // storage offset
            tuple(b, v.shape());
            long[] stride = new long[v.shape().length];
            long s = 1;
            for (int a = stride.length - 1; a >= 0; a--) {
                stride[a] = s;
                s *= v.shape()[a];
            }
            tuple(b, stride);
            b.write(0x89); // requires_grad False
            global(b, "collections", "OrderedDict");
            b.write(')');
            b.write('R'); // backward hooks: OrderedDict()
            b.write('t');
            b.write('R');
        }
        b.write('u'); // SETITEMS
        b.write('.');
        return b.toByteArray();
    }

    private static String storageName(DType t) {
        return switch (t) {
            case FLOAT64 -> "DoubleStorage";
            case FLOAT32 -> "FloatStorage";
            case FLOAT16 -> "HalfStorage";
            case BFLOAT16 -> "BFloat16Storage";
            default -> throw new IllegalArgumentException("cannot store " + t);
        };
    }

    private static byte[] raw(SupportVector v) {
        int elem = TorchSaveReader.elementSize(v.dtype());
        ByteBuffer buf = ByteBuffer.allocate(v.dim() * elem).order(ByteOrder.LITTLE_ENDIAN);
        for (double x : v.values()) {
            switch (v.dtype()) {
                case FLOAT64 -> buf.putDouble(x);
                case FLOAT32 -> buf.putFloat((float) x);
                case FLOAT16 -> buf.putShort(Fp16Conversions.floatToFp16((float) x));
                default -> buf.putShort(Fp16Conversions.floatToBf16((float) x));
            }
        }
        return buf.array();
    }

    private static void unicode(ByteArrayOutputStream b, String s) {
        byte[] u = s.getBytes(StandardCharsets.UTF_8);
        b.write('X');
        for (int i = 0; i < 4; i++) {
            b.write((u.length >>> (8 * i)) & 0xff);
        }
        b.writeBytes(u);
    }

    private static void global(ByteArrayOutputStream b, String module, String name) {
        b.write('c');
        b.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    private static void integer(ByteArrayOutputStream b, long v) {
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("integer out of range: " + v);
        }
        b.write('J');
        for (int i = 0; i < 4; i++) {
            b.write((int) (v >>> (8 * i)) & 0xff);
        }
    }

    private static void tuple(ByteArrayOutputStream b, long[] values) {
        b.write('(');
        for (long v : values) {
            integer(b, v);
        }
        b.write('t');
    }

    private static void stored(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(data.length);
        e.setCompressedSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        e.setCrc(crc.getValue());
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }
}
