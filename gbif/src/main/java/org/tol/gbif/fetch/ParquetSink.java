package org.tol.gbif.fetch;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.tol.gbif.GbifImage;
import org.tol.io.image.ImageFormat;
import org.tol.io.image.ImageHeaders;
import org.tol.io.parquet.ImageColumns;
import org.tol.io.parquet.ParquetRowWriter;
import org.tol.io.parquet.ParquetRows;
import org.tol.io.parquet.Row;

/**
 * Images-in-Parquet in the TreeOfLife-200M schema ({@link ImageColumns#SCHEMA}), so every tol filter,
 * {@code pdq hash} and {@code wds build} runs on a GBIF download, and a cluster file system holds a few big
 * files instead of millions of small ones. Parts {@code <dataset-path>/data/gbif<shard>_part<NNNNN>.parquet}
 * are committed atomically every {@code partImages} images; a resumed job reads the uuids of its committed
 * parts and continues with a new part (a killed job loses at most its open part).
 *
 * <p>Row mapping: uuid = name-based UUID of "gbif:" + image path; source_id = gbifID (coreid); identifier = URL;
 * source = "gbif"; license/title from the multimedia record; is_license_full null (GBIF does not say);
 * hashsum_original = hashsum_resized = MD5 of the bytes; original_size = resized_size = [h, w] read from the
 * image header; image = the bytes as downloaded; server = the URL's host.
 */
public final class ParquetSink implements ImageSink {
    private final Path dir;
    private final String prefix;
    private final int partImages;
    private final Set<String> done = new HashSet<>();
    private int nextPart;
    private ParquetRowWriter open;

    public ParquetSink(Path datasetPath, String shardSuffix, int partImages) throws IOException {
        this.dir = datasetPath.resolve("data");
        this.prefix = "gbif" + shardSuffix + "_part";
        this.partImages = partImages;
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, prefix + "*.parquet")) {
                for (Path p : ds) {
                    String n = p.getFileName().toString();
                    nextPart = Math.max(nextPart, Integer.parseInt(n.substring(prefix.length(), n.length() - 8)) + 1);
                    try (ParquetRows rows = ParquetRows.open(p, List.of(ImageColumns.UUID))) {
                        for (Row r = rows.next(); r != null; r = rows.next()) {
                            done.add(r.string(ImageColumns.UUID));
                        }
                    }
                }
            }
        }
    }

    public static String uuidOf(GbifImage img) {
        return UUID.nameUUIDFromBytes(("gbif:" + img.imagePath()).getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Override
    public synchronized boolean has(GbifImage img) {
        return done.contains(uuidOf(img));
    }

    @Override
    public synchronized void put(GbifImage img, byte[] body) throws IOException {
        if (open == null) {
            open = ParquetRowWriter.create(dir.resolve(String.format("%s%05d.parquet", prefix, nextPart++)),
                    ImageColumns.SCHEMA);
        }
        open.write(row(img, body));
        done.add(uuidOf(img));
        if (open.rowCount() >= partImages) {
            open.commit();
            open = null;
        }
    }

    static Map<String, Object> row(GbifImage img, byte[] body) {
        int[] wh = ImageHeaders.dimensions(body, ImageFormat.detect(body));
        List<Long> size = wh == null ? null : List.of((long) wh[1], (long) wh[0]);
        String md5 = md5(body);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put(ImageColumns.UUID, uuidOf(img));
        r.put(ImageColumns.SOURCE_ID, img.coreid());
        r.put(ImageColumns.IDENTIFIER, img.url());
        r.put(ImageColumns.IS_LICENSE_FULL, null);
        r.put(ImageColumns.LICENSE, img.license());
        r.put(ImageColumns.SOURCE, "gbif");
        r.put(ImageColumns.TITLE, img.title());
        r.put(ImageColumns.HASHSUM_ORIGINAL, md5);
        r.put(ImageColumns.HASHSUM_RESIZED, md5);
        r.put(ImageColumns.ORIGINAL_SIZE, size);
        r.put(ImageColumns.RESIZED_SIZE, size);
        r.put(ImageColumns.IMAGE, body);
        r.put(ImageColumns.SERVER, URI.create(img.url().trim()).getHost());
        return r;
    }

    private static String md5(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (open != null) {
            if (open.rowCount() > 0) {
                open.commit();
            } else {
                open.abort();
            }
            open = null;
        }
    }
}
