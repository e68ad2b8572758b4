package org.tol.io.parquet;

import io.airlift.compress.MalformedInputException;
import io.airlift.compress.snappy.SnappyDecompressor;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * parquet-java's codecs, except that SNAPPY pages decompress heap to heap with aircompressor's pure-Java
 * Snappy (already on the classpath through parquet-hadoop). The default Hadoop-codec path copies each
 * page into a native buffer, decompresses into another and copies the result back through streams: for
 * multi-MB pages of raw pixels that Snappy cannot shrink, those copies cost more than the decompression.
 * Output bytes are identical (Snappy is a format, not a heuristic); compressors are untouched.
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

    /** Stateless apart from aircompressor's decompressor, which keeps none between calls. */
    static final class HeapSnappyDecompressor implements BytesInputDecompressor {
        private final SnappyDecompressor snappy = new SnappyDecompressor();

        @Override
        public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
            ByteBuffer in = bytes.toByteBuffer(); // a slice of the column chunk's buffer when it is one piece
            byte[] out = new byte[uncompressedSize];
            int n;
            try {
                if (in.hasArray()) {
                    n = snappy.decompress(in.array(), in.arrayOffset() + in.position(), in.remaining(), out, 0,
                            uncompressedSize);
                } else {
                    byte[] copy = new byte[in.remaining()];
                    in.duplicate().get(copy);
                    n = snappy.decompress(copy, 0, copy.length, out, 0, uncompressedSize);
                }
            } catch (MalformedInputException e) {
                throw new IOException("corrupt Snappy page: " + e.getMessage(), e);
            }
            check(n, uncompressedSize);
            return BytesInput.from(out);
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                throws IOException {
            ByteBuffer in = input.duplicate();
            in.limit(in.position() + compressedSize);
            ByteBuffer out = output.duplicate();
            out.limit(out.position() + uncompressedSize);
            int start = out.position();
            try {
                snappy.decompress(in, out);
            } catch (MalformedInputException e) {
                throw new IOException("corrupt Snappy page: " + e.getMessage(), e);
            }
            check(out.position() - start, uncompressedSize);
            output.position(start + uncompressedSize);
        }

        private static void check(int got, int expected) throws IOException {
            if (got != expected) {
                throw new IOException("corrupt Snappy page: decompressed to " + got + " bytes, the page header says "
                        + expected);
            }
        }

        @Override
        public void release() {}
    }
}
