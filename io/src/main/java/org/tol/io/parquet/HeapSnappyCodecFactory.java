package org.tol.io.parquet;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * parquet-java's codecs, except that SNAPPY pages decompress straight from the column chunk's heap bytes
 * into the page's heap array, through snappy-java's array API (the same native Snappy parquet-java uses).
 * parquet-java's own path copies each page into a native buffer, decompresses into another and copies
 * the result back through streams: for multi-MB pages of raw pixels that Snappy cannot shrink, those
 * copies cost more than the decompression. Output bytes are identical; compressors are untouched.
 */
final class HeapSnappyCodecFactory implements CompressionCodecFactory {
    private final CompressionCodecFactory delegate;

    HeapSnappyCodecFactory(CompressionCodecFactory delegate) {
        this.delegate = delegate;
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        return delegate.getCompressor(codec);
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return codec == CompressionCodecName.SNAPPY ? new HeapSnappyDecompressor() : delegate.getDecompressor(codec);
    }

    @Override
    public void release() {
        delegate.release();
    }

    /** Stateless. */
    static final class HeapSnappyDecompressor implements BytesInputDecompressor {
        @Override
        public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
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
            if (output.remaining() < uncompressedSize) {
                throw new IOException("Snappy page of " + uncompressedSize + " bytes does not fit the "
                        + output.remaining() + "-byte output buffer");
            }
            byte[] in;
            int inOff;
            if (input.hasArray()) {
                in = input.array();
                inOff = input.arrayOffset() + input.position();
            } else {
                in = new byte[compressedSize];
                input.duplicate().get(in);
                inOff = 0;
            }
            if (output.hasArray()) {
                decompress(in, inOff, compressedSize, output.array(), output.arrayOffset() + output.position(),
                        uncompressedSize);
            } else {
                byte[] out = new byte[uncompressedSize];
                decompress(in, inOff, compressedSize, out, 0, uncompressedSize);
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
            if (declared != expected || outOff + (long) expected > out.length) {
                throw new IOException("corrupt Snappy page: its stream holds " + declared
                        + " bytes, the page header says " + expected);
            }
            int n;
            try {
                n = Snappy.rawUncompress(in, off, len, out, outOff);
            } catch (IOException e) {
                throw new IOException("corrupt Snappy page: " + e.getMessage(), e);
            }
            if (n != expected) {
                throw new IOException("corrupt Snappy page: decompressed to " + n + " bytes, the page header says "
                        + expected);
            }
        }

        @Override
        public void release() {}
    }
}
