package org.tol.stages.report;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.tol.api.image.DecodeResult;
import org.tol.api.image.RgbImage;
import org.tol.checkpoint.WorkUnit;
import org.tol.io.image.ImageDecoder;
import org.tol.io.parquet.ImageColumns;
import org.tol.io.parquet.ParquetRows;
import org.tol.io.parquet.Row;
import org.tol.stages.sql.DuckDb;

/**
 * Small JPEG thumbnails of chosen rows, as {@code data:} URIs for the page. A row's source image is found through
 * the committed part that holds its prediction (part file, then its work unit, then the input file and row-group
 * range), so only the input files of the chosen rows are read, and only their image columns.
 */
final class Thumbnails {
    static final int LONG_SIDE = 172;

    /** A thumbnail, or why there is none ({@code dataUri} null). */
    record Thumb(String dataUri, int width, int height, int originalWidth, int originalHeight, String problem) {}

    private Thumbnails() {}

    static Map<String, Thumb> load(DuckDb db, List<RunFiles> runs, Collection<String> uuids) throws SQLException, IOException {
        Map<WorkUnit, Set<String>> byUnit = locate(db, runs, uuids);
        Map<String, Thumb> out = new HashMap<>();
        ImageDecoder decoder = new ImageDecoder();
        for (Map.Entry<WorkUnit, Set<String>> e : byUnit.entrySet()) {
            WorkUnit u = e.getKey();
            Set<String> wanted = new HashSet<>(e.getValue());
            try (ParquetRows rows = u.wholeFile() ? ParquetRows.open(Path.of(u.path()), ImageColumns.DECODE_COLUMNS)
                    : ParquetRows.open(Path.of(u.path()), ImageColumns.DECODE_COLUMNS, u.firstRowGroup(), u.endRowGroup())) {
                Row row;
                while (!wanted.isEmpty() && (row = rows.next()) != null) {
                    String uuid = row.string(ImageColumns.UUID);
                    if (wanted.remove(uuid)) {
                        out.put(uuid, thumb(decoder.decode(row)));
                    }
                }
            } catch (IOException ex) {
                for (String uuid : wanted) {
                    out.put(uuid, new Thumb(null, 0, 0, 0, 0, "cannot read " + u.path() + ": " + ex.getMessage()));
                }
            }
        }
        return out;
    }

    /** Which work unit holds each uuid, from the part files of every run (DuckDB reads only their uuid column). */
    private static Map<WorkUnit, Set<String>> locate(DuckDb db, List<RunFiles> runs, Collection<String> uuids)
            throws SQLException {
        Map<Path, WorkUnit> unitOfPart = new HashMap<>();
        runs.forEach(r -> unitOfPart.putAll(r.unitOfPart()));
        Map<WorkUnit, Set<String>> byUnit = new LinkedHashMap<>();
        if (unitOfPart.isEmpty() || uuids.isEmpty()) {
            return byUnit;
        }
        String in = uuids.stream().distinct().map(DuckDb::literal).collect(Collectors.joining(", "));
        Set<String> seen = new HashSet<>();
        for (List<Object> r : db.rows("SELECT uuid, filename FROM read_parquet(" + DuckDb.fileList(new ArrayList<>(unitOfPart.keySet()))
                + ", filename = true, union_by_name = true) WHERE uuid IN (" + in + ")")) {
            String uuid = String.valueOf(r.get(0));
            WorkUnit u = unitOfPart.get(Path.of(String.valueOf(r.get(1))).toAbsolutePath().normalize());
            if (u != null && seen.add(uuid)) {
                byUnit.computeIfAbsent(u, k -> new HashSet<>()).add(uuid);
            }
        }
        return byUnit;
    }

    private static Thumb thumb(DecodeResult d) throws IOException {
        if (!d.isOk()) {
            return new Thumb(null, 0, 0, 0, 0, d.error().status() + ": " + d.message());
        }
        RgbImage img = d.image();
        double s = Math.min(1.0, (double) LONG_SIDE / Math.max(img.width(), img.height()));
        int w = Math.max(1, (int) Math.round(img.width() * s));
        int h = Math.max(1, (int) Math.round(img.height() * s));
        BufferedImage src = new BufferedImage(img.width(), img.height(), BufferedImage.TYPE_INT_RGB);
        byte[] px = img.pixels();
        int[] line = new int[img.width()];
        for (int y = 0, i = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++, i += 3) {
                line[x] = (px[i] & 0xff) << 16 | (px[i + 1] & 0xff) << 8 | (px[i + 2] & 0xff);
            }
            src.setRGB(0, y, img.width(), 1, line, 0, img.width());
        }
        BufferedImage dst = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = dst.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src.getScaledInstance(w, h, java.awt.Image.SCALE_AREA_AVERAGING), 0, 0, null);
        g.dispose();
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(dst, "jpg", jpeg);
        return new Thumb("data:image/jpeg;base64," + Base64.getEncoder().encodeToString(jpeg.toByteArray()), w, h,
                img.width(), img.height(), null);
    }
}
