package org.tol.models.onnx;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Direct buffers for ORT inputs, freed as soon as a run is over. ORT's Java API copies a heap array into a new
 * direct buffer per input tensor and leaves it to the garbage collector; with a large heap that is rarely
 * collected, the copies of MTCNN's batched pyramid levels (tens of MB a run) piled up to hundreds of MB outside
 * the heap. {@code sun.misc.Unsafe.invokeCleaner} (module jdk.unsupported, as Netty and Lucene use it) releases
 * one at once; where it is unavailable, freeing is left to the collector as before.
 */
final class DirectBuffers {
    private static final Object UNSAFE;
    private static final Method INVOKE_CLEANER;

    static {
        Object unsafe = null;
        Method cleaner = null;
        try {
            Class<?> c = Class.forName("sun.misc.Unsafe");
            Field f = c.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            unsafe = f.get(null);
            cleaner = c.getMethod("invokeCleaner", ByteBuffer.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            unsafe = null;
            cleaner = null;
        }
        UNSAFE = unsafe;
        INVOKE_CLEANER = cleaner;
    }

    private DirectBuffers() {}

    /** A native-order direct buffer of {@code bytes}. */
    static ByteBuffer allocate(long bytes) {
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("input tensor of " + bytes + " bytes is over the 2 GB a buffer can hold;"
                    + " use a smaller batch");
        }
        return ByteBuffer.allocateDirect((int) bytes).order(ByteOrder.nativeOrder());
    }

    /** Releases {@code buffer}'s memory now; it must not be used (nor any view of it) afterwards. */
    static void free(ByteBuffer buffer) {
        if (INVOKE_CLEANER == null || buffer == null || !buffer.isDirect()) {
            return;
        }
        try {
            INVOKE_CLEANER.invoke(UNSAFE, buffer);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // a slice or duplicate, or a JDK without it: the collector frees it later
        }
    }

    /** Whether {@link #free} releases memory at once on this JDK (for tests). */
    static boolean canFree() {
        return INVOKE_CLEANER != null;
    }
}
