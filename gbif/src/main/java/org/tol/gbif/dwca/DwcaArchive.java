package org.tol.gbif.dwca;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.tol.api.TolException;

/**
 * A Darwin Core Archive: a zip file (read entry by entry, never unpacked) or an unpacked directory, described
 * by its {@code meta.xml}. Data files are streamed record by record through {@link DwcaReader}.
 */
public final class DwcaArchive implements AutoCloseable {
    private final Path path;
    private final ZipFile zip;
    private final List<ArchiveFile> files;

    private DwcaArchive(Path path) throws IOException {
        this.path = path;
        if (!Files.exists(path)) {
            throw new TolException("Darwin Core Archive not found: " + path,
                    "pass the zip file GBIF sent (or its unpacked folder) with --dwca-file");
        }
        this.zip = Files.isDirectory(path) ? null : new ZipFile(path.toFile());
        try (InputStream in = open("meta.xml")) {
            this.files = MetaXml.parse(in, path.toString());
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    public static DwcaArchive open(Path path) throws IOException {
        return new DwcaArchive(path);
    }

    public Path path() {
        return path;
    }

    public ArchiveFile core() {
        return files.get(0);
    }

    public List<ArchiveFile> files() {
        return files;
    }

    /**
     * The core or extension whose rowType short name is {@code rowType} (case-insensitive, e.g. "Occurrence",
     * "Multimedia"), else the one at {@code fallbackLocation} (the reference reads files by name).
     */
    public ArchiveFile file(String rowType, String fallbackLocation) throws IOException {
        for (ArchiveFile f : files) {
            if (f.rowTypeName().toLowerCase(Locale.ROOT).equals(rowType.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        for (ArchiveFile f : files) {
            if (f.location().equals(fallbackLocation)) {
                return f;
            }
        }
        throw new TolException(path + ": meta.xml declares no " + rowType + " file (nor "
                + fallbackLocation + ")", "a GBIF occurrence download needs the multimedia extension: request "
                + "the Darwin Core Archive format");
    }

    /** Streams the records of {@code f}. */
    public DwcaReader reader(ArchiveFile f) throws IOException {
        return new DwcaReader(f, open(f.location()), path + "!" + f.location());
    }

    private InputStream open(String location) throws IOException {
        if (zip == null) {
            Path p = path.resolve(location);
            if (!Files.isRegularFile(p)) {
                throw new IOException(path + ": missing " + location);
            }
            return Files.newInputStream(p);
        }
        ZipEntry e = zip.getEntry(location);
        if (e == null) {
            throw new IOException(path + ": the archive has no entry " + location);
        }
        return zip.getInputStream(e);
    }

    @Override
    public void close() throws IOException {
        if (zip != null) {
            zip.close();
        }
    }
}
