package org.tol.io.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.apache.parquet.io.SeekableInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The channel-backed stream reads exactly the file's bytes at the stream position, and counts them. */
class CountingInputFileTest {
    @Test
    void everyReadShapeReturnsTheFilesBytesAndIsCounted(@TempDir Path dir) throws Exception {
        byte[] content = new byte[100_000];
        new Random(2).nextBytes(content);
        Path file = dir.resolve("f.bin");
        Files.write(file, content);
        CountingInputFile input = new CountingInputFile(file);
        assertEquals(content.length, input.getLength());
        try (SeekableInputStream in = input.newStream()) {
            in.seek(10);
            assertEquals(content[10] & 0xFF, in.read());
            byte[] a = new byte[1000];
            in.readFully(a);
            assertArrayEquals(Arrays.copyOfRange(content, 11, 1011), a);
            assertEquals(1011, in.getPos());

            in.seek(50_000);
            byte[] b = new byte[30];
            in.readFully(b, 5, 20);
            assertArrayEquals(Arrays.copyOfRange(content, 50_000, 50_020), Arrays.copyOfRange(b, 5, 25));

            ByteBuffer heap = ByteBuffer.allocate(4096);
            in.readFully(heap);
            heap.flip();
            assertEquals(ByteBuffer.wrap(content, 50_020, 4096), heap);
            ByteBuffer direct = ByteBuffer.allocateDirect(8192);
            in.seek(content.length - 100);
            assertEquals(100, in.read(direct), "a single read stops at the end of the file");
            assertEquals(-1, in.read(direct));
            assertEquals(-1, in.read());
            direct.flip();
            assertEquals(ByteBuffer.wrap(content, content.length - 100, 100), direct);

            in.seek(content.length - 10);
            EOFException eof = assertThrows(EOFException.class, () -> in.readFully(new byte[11]));
            assertTrue(eof.getMessage().contains(file.toString()), eof.getMessage());
        }
        assertEquals(1 + 1000 + 20 + 4096 + 100 + 10, input.bytesRead());
    }
}
