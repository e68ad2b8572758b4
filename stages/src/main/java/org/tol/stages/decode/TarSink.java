package org.tol.stages.decode;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * Streams images into one POSIX tar (optionally gzip'd) with fixed metadata (mode 0644, uid/gid 0, mtime 0,
 * no gzip timestamp or file name), so the same images always give the same archive bytes.
 */
final class TarSink implements DecodeStage.ImageSink {
    private final TarArchiveOutputStream tar;
    private boolean finished;

    TarSink(Path file, boolean gzip) throws IOException {
        OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        if (gzip) {
            GzipParameters p = new GzipParameters();
            p.setModificationTime(0);
            os = new GzipCompressorOutputStream(os, p);
        }
        tar = new TarArchiveOutputStream(os, "UTF-8");
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    }

    @Override
    public void put(String name, byte[] bytes) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name, true);
        e.setSize(bytes.length);
        e.setMode(0100644);
        e.setModTime(new Date(0));
        e.setUserId(0);
        e.setGroupId(0);
        e.setUserName("");
        e.setGroupName("");
        tar.putArchiveEntry(e);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }

    @Override
    public void finish() throws IOException {
        tar.finish();
        tar.close();
        finished = true;
    }

    @Override
    public void close() throws IOException {
        if (!finished) {
            tar.close(); // the file is staged; the runtime discards it with the unfinished unit
        }
    }
}
