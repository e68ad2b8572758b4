package org.tol.io.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputDecompressor;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopCodecs;
import org.junit.jupiter.api.Test;

/** The page decompressors invert parquet-java's own compressors byte for byte, heap or direct, at any offset. */
class PageCodecFactoryTest {
    private final CompressionCodecFactory parquetCodecs = HadoopCodecs.newFactory(new PlainParquetConfiguration(), 0);
    private final PageCodecFactory codecs = new PageCodecFactory(parquetCodecs);

    /** Incompressible pixels, then runs Snappy does shrink (copies with offsets), then a mix. */
    private static byte[][] samples() {
        Random rnd = new Random(5);
        byte[] noise = new byte[1_300_000];
        rnd.nextBytes(noise);
        byte[] runs = new byte[700_001];
        for (int i = 0; i < runs.length; i++) {
            runs[i] = (byte) ((i / 37) % 11);
        }
        byte[] mixed = Arrays.copyOf(noise, 90_000);
        System.arraycopy(runs, 0, mixed, 40_000, 30_000);
        return new byte[][] {noise, runs, mixed, new byte[] {42}};
    }

    @Test
    void bothDecompressMethodsInvertParquetsSnappyCompressor() throws IOException {
        var compressor = parquetCodecs.getCompressor(CompressionCodecName.SNAPPY);
        BytesInputDecompressor heap = codecs.getDecompressor(CompressionCodecName.SNAPPY);
        for (byte[] data : samples()) {
            byte[] compressed = compressor.compress(BytesInput.from(data)).toByteArray();
            // A page is a slice of a larger column-chunk buffer: give it one at an offset.
            byte[] chunk = new byte[compressed.length + 9];
            System.arraycopy(compressed, 0, chunk, 4, compressed.length);
            BytesInput page = BytesInput.from(ByteBuffer.wrap(chunk, 4, compressed.length));
            assertArrayEquals(data, heap.decompress(page, data.length).toByteArray(), data.length + " bytes");

            ByteBuffer direct = ByteBuffer.allocateDirect(compressed.length);
            direct.put(compressed).flip();
            assertArrayEquals(data, heap.decompress(BytesInput.from(direct), data.length).toByteArray());

            ByteBuffer directChunk = ByteBuffer.allocateDirect(chunk.length).put(chunk).position(4);
            for (ByteBuffer in : new ByteBuffer[] {ByteBuffer.wrap(chunk, 4, compressed.length), directChunk}) {
                for (ByteBuffer out : new ByteBuffer[] {ByteBuffer.allocate(data.length + 3),
                        ByteBuffer.allocateDirect(data.length + 3)}) {
                    out.position(3);
                    heap.decompress(in, compressed.length, out, data.length);
                    assertEquals(3 + data.length, out.position(), "output advanced by the page size");
                    assertEquals(4, in.position(), "input not moved");
                    byte[] got = new byte[data.length];
                    out.get(3, got);
                    assertArrayEquals(data, got);
                }
            }
        }
        compressor.release();
    }

    @Test
    void corruptOrShortPagesAreIoErrorsNotGarbage() throws IOException {
        var compressor = parquetCodecs.getCompressor(CompressionCodecName.SNAPPY);
        byte[] data = samples()[2];
        byte[] compressed = compressor.compress(BytesInput.from(data)).toByteArray();
        BytesInputDecompressor heap = codecs.getDecompressor(CompressionCodecName.SNAPPY);
        byte[] truncated = Arrays.copyOf(compressed, compressed.length / 2);
        assertThrows(IOException.class, () -> heap.decompress(BytesInput.from(truncated), data.length));
        IOException wrongSize = assertThrows(IOException.class,
                () -> heap.decompress(BytesInput.from(compressed), data.length + 1));
        assertTrue(wrongSize.getMessage().contains("Snappy"), wrongSize.getMessage());
        ByteBuffer directIn = ByteBuffer.allocateDirect(compressed.length).put(compressed).flip();
        ByteBuffer directOut = ByteBuffer.allocateDirect(data.length + 8);
        assertThrows(IOException.class, () -> heap.decompress(directIn, compressed.length, directOut, data.length + 1));
        assertThrows(IOException.class, () -> heap.decompress(directIn, compressed.length / 2, directOut, data.length));
        assertThrows(IOException.class,
                () -> heap.decompress(directIn, compressed.length, ByteBuffer.allocateDirect(10), data.length));
        assertEquals(0, directOut.position(), "nothing written on error");
        compressor.release();
    }

    @Test
    void otherCodecsAreParquetsOwn() throws IOException {
        byte[] data = samples()[1];
        var gzip = codecs.getCompressor(CompressionCodecName.GZIP);
        BytesInputDecompressor d = codecs.getDecompressor(CompressionCodecName.GZIP);
        assertNotSame(PageCodecFactory.SnappyDecompressor.class, d.getClass());
        byte[] compressed = gzip.compress(BytesInput.from(data)).toByteArray();
        assertArrayEquals(data, d.decompress(BytesInput.from(compressed), data.length).toByteArray());
        ByteBuffer out = ByteBuffer.allocateDirect(data.length);
        d.decompress(ByteBuffer.allocateDirect(compressed.length).put(compressed).flip(), compressed.length, out,
                data.length);
        byte[] got = new byte[data.length];
        out.flip().get(got);
        assertArrayEquals(data, got);

        BytesInputDecompressor plain = codecs.getDecompressor(CompressionCodecName.UNCOMPRESSED);
        ByteBuffer copy = ByteBuffer.allocateDirect(data.length);
        plain.decompress(ByteBuffer.wrap(data), data.length, copy, data.length);
        copy.flip().get(got);
        assertArrayEquals(data, got);
        assertThrows(IOException.class, () -> plain.decompress(ByteBuffer.wrap(data), data.length, copy.clear(),
                data.length - 1));
        codecs.release();
    }
}
