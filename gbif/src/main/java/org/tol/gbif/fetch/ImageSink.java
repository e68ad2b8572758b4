package org.tol.gbif.fetch;

import java.io.IOException;
import org.tol.gbif.GbifImage;

/** Where fetched images go: a folder of files (the reference's layout) or images-in-Parquet. */
public interface ImageSink extends AutoCloseable {
    /** Whether {@code img} is already stored and passes {@link ImageCheck} (a resumed job skips it). */
    boolean has(GbifImage img) throws IOException;

    /** Stores a checked image durably and atomically; thread-safe. */
    void put(GbifImage img, byte[] body) throws IOException;

    /** Makes everything put so far durable (the Parquet sink commits its open part). */
    @Override
    void close() throws IOException;
}
