package org.tol.io.parquet;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * parquet-java's codecs for reading pages into {@link DirectBufferPool} buffers. SNAPPY pages decompress
 * natively from the column chunk's direct buffer into the page's direct buffer (snappy-java's ByteBuffer
 * API, the same native Snappy parquet-java uses), or heap to heap where a caller passes arrays; parquet-java's
 * own path copies each page into a native buffer, decompresses into another and copies the result back
 * through streams, which for multi-MB pages of raw pixels costs more than the decompression. UNCOMPRESSED
 * pages are one copy. Other codecs decompress through parquet-java's heap decompressor and are copied into
 * the page buffer (they are not the hot path). Output bytes are identical; compressors are untouched.
 */
final class PageCodecFactory implements CompressionCodecFactory {
    private final CompressionCodecFactory delegate;

    PageCodecFactory(CompressionCodecFactory delegate) {
        this.delegate = delegate;
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        return delegate.getCompressor(codec);
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return switch (codec) {
            case SNAPPY -> new SnappyDecompressor();
            case UNCOMPRESSED -> new CopyDecompressor();
            default -> new ViaHeapDecompressor(delegate.getDecompressor(codec));
        };
    }

    @Override
    public void release() {
        delegate.release();
    }

    private static void checkRoom(ByteBuffer output, int uncompressedSize) throws IOException {
        if (output.remaining() < uncompressedSize) {
            throw new IOException("page of " + uncompressedSize + " bytes does not fit the " + output.remaining()
                    + "-byte output buffer");
        }
    }

    /** {@code size} bytes of {@code b} from its position, as a new buffer (b is not moved). */
    private static ByteBuffer window(ByteBuffer b, int size) {
        return b.duplicate().limit(b.position() + size);
    }

    /** Stateless. */
    static final class SnappyDecompressor implements BytesInputDecompressor {
        @Override
        public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
            // Dictionary pages come this way (small; kept on the heap for the dictionary's lifetime).
            ByteBuffer in = bytes.toByteBuffer(); // a slice of the column chunk's buffer when the page is in one
            byte[] out = new byte[uncompressedSize];
            if (in.hasArray()) {
                decompress(in.array(), in.arrayOffset() + in.position(), in.remaining(), out, 0, uncompressedSize);
            } else {
                byte[] copy = new byte[in.remaining()];
                in.duplicate().get(copy);
                decompress(copy, 0, copy.length, out, 0, uncompressedSize);
            }
            return BytesInput.from(out);
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                throws IOException {
            checkRoom(output, uncompressedSize);
            if (input.isDirect() && output.isDirect()) {
                ByteBuffer in = window(input, compressedSize);
                int declared;
                try {
                    declared = Snappy.uncompressedLength(in);
                } catch (IOException e) {
                    throw new IOException("corrupt Snappy page: " + e.getMessage(), e);
                }
                checkDeclared(declared, uncompressedSize);
                int n;
                try {
                    n = Snappy.uncompress(in, window(output, uncompressedSize));
                } catch (IOException e) {
                    throw new IOException("corrupt Snappy page: " + e.getMessage(), e);
                }
                checkDecompressed(n, uncompressedSize);
            } else {
                byte[] in = new byte[compressedSize];
                input.duplicate().get(in);
                byte[] out = new byte[uncompressedSize];
                decompress(in, 0, compressedSize, out, 0, uncompressedSize);
                output.duplicate().put(out);
            }
            output.position(output.position() + uncompressedSize);
        }

        /**
         * Native Snappy writes as many bytes as the stream's own length header says, so that header must
         * equal the page header's size (and fit {@code out}) before any byte is written.
         */
        private static void decompress(byte[] in, int off, int len, byte[] out, int outOff, int expected)
                throws IOException {
            int declared;
            try {
                declared = Snappy.uncompressedLength(in, off, len);
            } catch (IOException e) {
                throw new IOException("corrupt Snappy page: " + e.getMessage(), e);
            }
            checkDeclared(declared, expected);
            int n;
            try {
                n = Snappy.rawUncompress(in, off, len, out, outOff);
            } catch (IOException e) {
                throw new IOException("corrupt Snappy page: " + e.getMessage(), e);
            }
            checkDecompressed(n, expected);
        }

        private static void checkDeclared(int declared, int expected) throws IOException {
            if (declared != expected) {
                throw new IOException("corrupt Snappy page: its stream holds " + declared
                        + " bytes, the page header says " + expected);
            }
        }

        private static void checkDecompressed(int n, int expected) throws IOException {
            if (n != expected) {
                throw new IOException("corrupt Snappy page: decompressed to " + n + " bytes, the page header says "
                        + expected);
            }
        }

        @Override
        public void release() {}
    }

    /** UNCOMPRESSED pages: the bytes as they are. */
    static final class CopyDecompressor implements BytesInputDecompressor {
        @Override
        public BytesInput decompress(BytesInput bytes, int uncompressedSize) {
            return bytes;
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                throws IOException {
            if (compressedSize != uncompressedSize) {
                throw new IOException("corrupt uncompressed page: " + compressedSize + " bytes stored, the page header"
                        + " says " + uncompressedSize);
            }
            checkRoom(output, uncompressedSize);
            output.put(window(input, compressedSize));
        }

        @Override
        public void release() {}
    }

    /** Any other codec: parquet-java's heap decompressor, then one copy into the page buffer. */
    static final class ViaHeapDecompressor implements BytesInputDecompressor {
        private final BytesInputDecompressor heap;

        ViaHeapDecompressor(BytesInputDecompressor heap) {
            this.heap = heap;
        }

        @Override
        public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
            return heap.decompress(bytes, uncompressedSize);
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                throws IOException {
            checkRoom(output, uncompressedSize);
            byte[] in = new byte[compressedSize];
            input.duplicate().get(in);
            byte[] out = heap.decompress(BytesInput.from(in), uncompressedSize).toByteArray();
            if (out.length != uncompressedSize) {
                throw new IOException("corrupt page: decompressed to " + out.length + " bytes, the page header says "
                        + uncompressedSize);
            }
            output.put(out);
        }

        @Override
        public void release() {
            heap.release();
        }
    }
}
