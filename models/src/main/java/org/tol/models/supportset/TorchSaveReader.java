package org.tol.models.supportset;

import ai.onnxruntime.platform.Fp16Conversions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.tol.api.model.DType;
import org.tol.models.supportset.SafeUnpickler.StorageRef;
import org.tol.models.supportset.SafeUnpickler.TensorRef;

/**
 * Reads {@code torch.save} files (the zip format of torch ≥ 1.6): {@code <name>/data.pkl} (the pickle),
 * {@code <name>/byteorder} and one raw record {@code <name>/data/<key>} per storage.
 */
final class TorchSaveReader {
    private static final long MAX_RECORD = 1L << 31;

    private TorchSaveReader() {}

    static SupportSet read(Path file) {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new SupportSetFormatException(file + ": not a readable torch.save zip archive (" + e.getMessage()
                    + "); the file may be truncated, or saved with the legacy non-zip format "
                    + "(re-save it with torch.save(obj, path) from torch >= 1.6)", e);
        } catch (IOException e) {
            throw new SupportSetFormatException(file + ": cannot read: " + e.getMessage(), e);
        }
        try (zip) {
            String prefix = pickleDir(zip, file);
            byte[] pickle = record(zip, prefix + "data.pkl", file);
            ByteOrder order = byteOrder(zip, prefix, file);
            Map<String, TensorRef> refs = SafeUnpickler.readTensorDict(pickle, file.toString());
            List<SupportVector> vectors = new ArrayList<>();
            for (Map.Entry<String, TensorRef> e : refs.entrySet()) {
                vectors.add(vector(zip, prefix, file, e.getKey(), e.getValue(), order));
            }
            return new SupportSet(vectors, "torch");
        } catch (IOException e) {
            throw new SupportSetFormatException(file + ": damaged archive: " + e.getMessage(), e);
        }
    }

    private static String pickleDir(ZipFile zip, Path file) {
        String found = null;
        for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
            String n = en.nextElement().getName();
            if (n.endsWith("data.pkl") && (n.equals("data.pkl") || n.endsWith("/data.pkl"))
                    && n.indexOf('/') == n.lastIndexOf('/')) {
                if (found != null) {
                    throw new SupportSetFormatException(file + ": archive holds more than one data.pkl");
                }
                found = n;
            }
        }
        if (found == null) {
            throw new SupportSetFormatException(file + ": zip archive without data.pkl: not a torch.save file");
        }
        return found.substring(0, found.length() - "data.pkl".length());
    }

    private static ByteOrder byteOrder(ZipFile zip, String prefix, Path file) throws IOException {
        if (zip.getEntry(prefix + "byteorder") == null) {
            return ByteOrder.LITTLE_ENDIAN; // written since torch 1.12; older files are little-endian
        }
        String s = new String(record(zip, prefix + "byteorder", file), StandardCharsets.US_ASCII).trim();
        return switch (s) {
            case "little" -> ByteOrder.LITTLE_ENDIAN;
            case "big" -> ByteOrder.BIG_ENDIAN;
            default -> throw new SupportSetFormatException(file + ": unknown byteorder '" + s + "'");
        };
    }

    private static byte[] record(ZipFile zip, String name, Path file) throws IOException {
        ZipEntry e = zip.getEntry(name);
        if (e == null) {
            throw new SupportSetFormatException(file + ": archive record '" + name + "' is missing");
        }
        if (e.getSize() > MAX_RECORD) {
            throw new SupportSetFormatException(file + ": record '" + name + "' is larger than 2 GB");
        }
        try (InputStream in = zip.getInputStream(e)) {
            byte[] b = in.readAllBytes();
            if (e.getSize() >= 0 && b.length != e.getSize()) {
                throw new SupportSetFormatException(file + ": record '" + name + "' is truncated");
            }
            return b;
        }
    }

    private static SupportVector vector(ZipFile zip, String prefix, Path file, String label, TensorRef t, ByteOrder order)
            throws IOException {
        StorageRef s = t.storage();
        int elem = elementSize(s.dtype());
        byte[] raw = record(zip, prefix + "data/" + s.key(), file);
        if ((long) raw.length != s.numel() * elem) {
            throw new SupportSetFormatException(file + ": storage '" + s.key() + "' of label '" + label + "' has "
                    + raw.length + " bytes, expected " + s.numel() + " x " + elem);
        }
        if (t.size().length != t.stride().length) {
            throw new SupportSetFormatException(file + ": tensor of label '" + label + "' has mismatched size/stride");
        }
        long count = 1;
        long last = t.offset();
        for (int i = 0; i < t.size().length; i++) {
            count *= t.size()[i];
            last += (t.size()[i] - 1) * t.stride()[i];
        }
        if (count == 0 || count > Integer.MAX_VALUE || last >= s.numel()) {
            throw new SupportSetFormatException(file + ": tensor of label '" + label + "' lies outside its storage");
        }
        ByteBuffer buf = ByteBuffer.wrap(raw).order(order);
        double[] values = new double[(int) count];
        long[] idx = new long[t.size().length];
        for (int n = 0; n < values.length; n++) {
            long el = t.offset();
            for (int i = 0; i < idx.length; i++) {
                el += idx[i] * t.stride()[i];
            }
            values[n] = element(buf, s.dtype(), (int) el * elem);
            for (int i = idx.length - 1; i >= 0; i--) { // row-major odometer over the view
                if (++idx[i] < t.size()[i]) {
                    break;
                }
                idx[i] = 0;
            }
        }
        return new SupportVector(label, t.size().clone(), s.dtype(), values);
    }

    static int elementSize(DType t) {
        return switch (t) {
            case FLOAT64 -> 8;
            case FLOAT32 -> 4;
            case FLOAT16, BFLOAT16 -> 2;
            default -> throw new IllegalArgumentException(t.toString());
        };
    }

    private static double element(ByteBuffer b, DType t, int at) {
        return switch (t) {
            case FLOAT64 -> b.getDouble(at);
            case FLOAT32 -> b.getFloat(at);
            case FLOAT16 -> Fp16Conversions.fp16ToFloat(b.getShort(at));
            case BFLOAT16 -> Float.intBitsToFloat((b.getShort(at) & 0xffff) << 16);
            default -> throw new IllegalArgumentException(t.toString());
        };
    }
}
