package org.tol.io.fs;

import java.io.IOException;
import java.io.OutputStream;

/** Writes a file's content to a stream; used by {@link AtomicFiles#write}. */
@FunctionalInterface
public interface IoWriter {
    void write(OutputStream out) throws IOException;
}
