package org.tol.models.supportset;

import ai.onnxruntime.platform.Fp16Conversions;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tol.api.model.DType;

/** NumPy {@code .npy} arrays (format versions 1–3): float16/32/64 and fixed-width unicode ({@code <U}). */
final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order':\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

    /** A parsed array: numbers in {@code values} or strings in {@code strings}. */
    record Array(long[] shape, DType dtype, double[] values, String[] strings) {}

    private Npy() {}

    static Array read(byte[] b, String what) {
        if (b.length < 10 || !Arrays.equals(Arrays.copyOf(b, 6), MAGIC)) {
            throw new SupportSetFormatException(what + ": not a .npy array");
        }
        int major = b[6];
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int headerLen = major == 1 ? bb.getShort(8) & 0xffff : bb.getInt(8);
        int start = major == 1 ? 10 : 12;
        if (headerLen < 0 || start + headerLen > b.length) {
            throw new SupportSetFormatException(what + ": truncated .npy header");
        }
        String header = new String(b, start, headerLen, StandardCharsets.UTF_8);
        String descr = group(DESCR, header, what);
        if ("True".equals(group(FORTRAN, header, what))) {
            throw new SupportSetFormatException(what + ": Fortran-order arrays are not supported; save a C-order array");
        }
        long[] shape = Arrays.stream(group(SHAPE, header, what).split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).mapToLong(Long::parseLong).toArray();
        long count = Arrays.stream(shape).reduce(1, (x, y) -> x * y);
        ByteOrder order = descr.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        ByteBuffer data = ByteBuffer.wrap(b, start + headerLen, b.length - start - headerLen).slice().order(order);
        String kind = descr.substring(1);
        if (kind.startsWith("U")) {
            int width = Integer.parseInt(kind.substring(1));
            need(data, count * width * 4, what);
            String[] s = new String[(int) count];
            for (int i = 0; i < s.length; i++) {
                StringBuilder sb = new StringBuilder();
                for (int c = 0; c < width; c++) {
                    int cp = data.getInt((i * width + c) * 4);
                    if (cp == 0) {
                        break;
                    }
                    sb.appendCodePoint(cp);
                }
                s[i] = sb.toString();
            }
            return new Array(shape, DType.UNKNOWN, null, s);
        }
        DType dtype = switch (kind) {
            case "f8" -> DType.FLOAT64;
            case "f4" -> DType.FLOAT32;
            case "f2" -> DType.FLOAT16;
            default -> throw new SupportSetFormatException(what + ": array dtype '" + descr
                    + "' is not float16/float32/float64");
        };
        int elem = TorchSaveReader.elementSize(dtype);
        need(data, count * elem, what);
        double[] v = new double[(int) count];
        for (int i = 0; i < v.length; i++) {
            v[i] = switch (dtype) {
                case FLOAT64 -> data.getDouble(i * 8);
                case FLOAT32 -> data.getFloat(i * 4);
                default -> Fp16Conversions.fp16ToFloat(data.getShort(i * 2));
            };
        }
        return new Array(shape, dtype, v, null);
    }

    /** Serialises a float array as a version 1.0 .npy (what {@code np.save} writes for small headers). */
    static byte[] write(long[] shape, DType dtype, double[] values) {
        String descr = switch (dtype) {
            case FLOAT64 -> "<f8";
            case FLOAT32 -> "<f4";
            case FLOAT16 -> "<f2";
            default -> throw new IllegalArgumentException("cannot write " + dtype + " to .npy");
        };
        StringBuilder sh = new StringBuilder();
        for (long d : shape) {
            sh.append(d).append(", ");
        }
        String dims = shape.length == 1 ? shape[0] + "," : sh.substring(0, Math.max(0, sh.length() - 2));
        StringBuilder header = new StringBuilder("{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + dims + "), }");
        while ((10 + header.length() + 1) % 64 != 0) {
            header.append(' '); // numpy pads so the data starts 64-byte aligned
        }
        header.append('\n');
        int elem = TorchSaveReader.elementSize(dtype);
        ByteBuffer data = ByteBuffer.allocate(values.length * elem).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            switch (dtype) {
                case FLOAT64 -> data.putDouble(v);
                case FLOAT32 -> data.putFloat((float) v);
                default -> data.putShort(Fp16Conversions.floatToFp16((float) v));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(MAGIC);
        out.write(1);
        out.write(0);
        byte[] h = header.toString().getBytes(StandardCharsets.US_ASCII);
        out.write(h.length & 0xff);
        out.write(h.length >>> 8);
        out.writeBytes(h);
        out.writeBytes(data.array());
        return out.toByteArray();
    }

    private static void need(ByteBuffer data, long bytes, String what) {
        if (data.remaining() < bytes) {
            throw new SupportSetFormatException(what + ": .npy data is truncated");
        }
    }

    private static String group(Pattern p, String header, String what) {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw new SupportSetFormatException(what + ": .npy header lacks " + p.pattern());
        }
        return m.group(1);
    }
}
