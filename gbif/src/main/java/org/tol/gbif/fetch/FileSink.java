package org.tol.gbif.fetch;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tol.gbif.GbifImage;
import org.tol.io.fs.AtomicFiles;

/**
 * The reference's layout: {@code <dataset-path>/<datasetKey>/<coreid>[_<count>].jpg}. Each file appears
 * whole or not at all (temp file, fsync, rename), so "the file exists" means "the image arrived" — unlike the
 * reference, whose killed jobs left half-written files that the next run skipped.
 */
public final class FileSink implements ImageSink {
    private final Path root;

    public FileSink(Path root) {
        this.root = root;
    }

    public Path pathOf(GbifImage img) {
        return root.resolve(img.imagePath());
    }

    @Override
    public boolean has(GbifImage img) throws IOException {
        Path p = pathOf(img);
        return Files.isRegularFile(p) && ImageCheck.problem(headAndTail(p), null) == null;
    }

    /** The first 64 bytes and the last 4 KiB: all {@link ImageCheck} looks at, without reading big files. */
    static byte[] headAndTail(Path p) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "r")) {
            long len = f.length();
            if (len <= 8192) {
                byte[] all = new byte[(int) len];
                f.readFully(all);
                return all;
            }
            byte[] b = new byte[64 + 4096];
            f.readFully(b, 0, 64);
            f.seek(len - 4096);
            f.readFully(b, 64, 4096);
            return b;
        }
    }

    @Override
    public void put(GbifImage img, byte[] body) throws IOException {
        AtomicFiles.write(pathOf(img), out -> out.write(body));
    }

    @Override
    public void close() {
        // every put is already durable
    }
}
