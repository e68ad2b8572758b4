package org.tol.gbif.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tol.api.image.DecodeResult;
import org.tol.gbif.GbifImage;
import org.tol.gbif.Progress;
import org.tol.gbif.table.CsvTable;
import org.tol.io.image.ImageDecoder;
import org.tol.runtime.exec.StopFlag;

/**
 * The reference's {@code verify-images}: decodes every image file of the selection and records width, height,
 * fetch_date (file mtime, local time, {@code %Y-%m-%d %H:%M:%S}), file_size and corrupted. After every
 * {@code saveFreq} images it atomically rewrites {@code results_csv} (DwC-A columns + image_path + those five,
 * decodable files only) and {@code results_csv.error.csv} (column image_path, undecodable files). Resuming
 * from a checkpoint skips its verified paths, re-verifies its listed errors and lists each error once (the
 * reference appended re-verified errors again, and lost file_size/corrupted of resumed rows).
 */
public final class VerifyJob {
    private static final Logger LOG = LoggerFactory.getLogger(VerifyJob.class);
    public static final String ERROR_SUFFIX = ".error.csv";
    public static final List<String> VERIFY_COLUMNS = List.of("width", "height", "fetch_date", "file_size", "corrupted");
    private static final DateTimeFormatter FETCH_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** Verification of one file: the five columns, as written. */
    record Info(String width, String height, String fetchDate, String fileSize, boolean corrupted) {}

    public record Summary(int images, int verified, int resumed, int ok, int corrupted, int missing,
            boolean interrupted, String resultsCsv, String errorCsv) {}

    private final List<GbifImage> images;
    private final Path datasetPath;
    private final Path resultsCsv;
    private final int saveFreq;
    private final int workers;
    private final StopFlag stop;
    private final ImageDecoder decoder = new ImageDecoder();

    public VerifyJob(List<GbifImage> images, Path datasetPath, Path resultsCsv, int saveFreq, int workers, StopFlag stop) {
        this.images = images;
        this.datasetPath = datasetPath;
        this.resultsCsv = resultsCsv;
        this.saveFreq = saveFreq;
        this.workers = Math.max(1, workers);
        this.stop = stop;
    }

    public Summary run(Path resumeFrom) throws IOException, InterruptedException {
        Map<String, Info> ok = new ConcurrentHashMap<>();
        Set<String> errors = java.util.Collections.synchronizedSet(new LinkedHashSet<>());
        if (resumeFrom != null) {
            load(resumeFrom, ok, errors);
        }
        int resumed = ok.size();
        List<GbifImage> todo = new ArrayList<>();
        for (GbifImage g : images) {
            if (!ok.containsKey(g.imagePath())) {
                todo.add(g);
            }
        }
        LOG.info("verify: {} image(s), {} already verified, {} to check", images.size(), resumed, todo.size());
        int[] missing = {0};
        int chunk = saveFreq > 0 ? saveFreq : Math.max(1, todo.size());
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        int verified = 0;
        try (Progress progress = new Progress("gbif verify", todo.size(), 10,
                () -> ok.size() + " ok, " + errors.size() + " corrupted")) {
            for (int from = 0; from < todo.size() && !stop.stopped(); from += chunk) {
                List<Future<?>> fs = new ArrayList<>();
                for (GbifImage g : todo.subList(from, Math.min(todo.size(), from + chunk))) {
                    fs.add(pool.submit(() -> {
                        Info info = verify(datasetPath.resolve(g.imagePath()));
                        if (info == null) {
                            errors.remove(g.imagePath()); // deleted since: no longer a corrupt file
                            synchronized (missing) {
                                missing[0]++;
                            }
                        } else if (info.corrupted()) {
                            errors.add(g.imagePath());
                        } else {
                            errors.remove(g.imagePath());
                            ok.put(g.imagePath(), info);
                        }
                        progress.step();
                    }));
                }
                for (Future<?> f : fs) {
                    f.get();
                }
                verified += fs.size();
                save(ok, errors);
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("verification failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        save(ok, errors);
        boolean interrupted = verified < todo.size();
        return new Summary(images.size(), verified, resumed, ok.size(), errors.size(), missing[0], interrupted,
                resultsCsv.toString(), resultsCsv + ERROR_SUFFIX);
    }

    /** null when the file does not exist. */
    Info verify(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        DecodeResult r = decoder.decodeFile(file);
        if (!r.isOk()) {
            LOG.debug("corrupted: {}", r.message());
            return new Info("-1", "-1", "-1", "-1", true);
        }
        try {
            return new Info(Integer.toString(r.image().width()), Integer.toString(r.image().height()),
                    fetchDate(file), Long.toString(Files.size(file)), false);
        } catch (IOException e) {
            return new Info("-1", "-1", "-1", "-1", true);
        }
    }

    static String fetchDate(Path file) throws IOException {
        Instant m = Files.getLastModifiedTime(file).toInstant();
        return LocalDateTime.ofInstant(m, ZoneId.systemDefault()).withNano(0).format(FETCH_DATE);
    }

    private void load(Path ckpt, Map<String, Info> ok, Set<String> errors) throws IOException {
        CsvTable t = CsvTable.read(ckpt);
        if (!t.header().isEmpty()) {
            int p = t.column("image_path", ckpt);
            int w = t.column("width", ckpt);
            int h = t.column("height", ckpt);
            int d = t.column("fetch_date", ckpt);
            int s = t.header().indexOf("file_size");
            for (String[] r : t.rows()) {
                String size = s >= 0 ? r[s] : null;
                if (size == null) { // a reference checkpoint lacks file_size: the file tells
                    Path f = datasetPath.resolve(r[p]);
                    size = Files.isRegularFile(f) ? Long.toString(Files.size(f)) : "-1";
                }
                ok.put(r[p], new Info(r[w], r[h], r[d], size, false));
            }
        }
        Path err = Path.of(ckpt + ERROR_SUFFIX);
        if (Files.isRegularFile(err)) {
            CsvTable e = CsvTable.read(err);
            if (!e.header().isEmpty()) {
                for (String[] r : e.rows()) {
                    if (r[0] != null && !ok.containsKey(r[0])) {
                        errors.add(r[0]);
                    }
                }
            }
        }
    }

    private synchronized void save(Map<String, Info> ok, Set<String> errors) throws IOException {
        List<String> header = new ArrayList<>(GbifImage.COLUMNS);
        header.add("image_path");
        header.addAll(VERIFY_COLUMNS);
        List<String[]> rows = new ArrayList<>();
        List<String[]> errRows = new ArrayList<>();
        Set<String> errLeft;
        synchronized (errors) {
            errLeft = new LinkedHashSet<>(errors);
        }
        for (GbifImage g : images) {
            String path = g.imagePath();
            Info i = ok.get(path);
            if (i != null) {
                String[] base = g.row();
                String[] r = java.util.Arrays.copyOf(base, header.size());
                r[base.length] = path;
                r[base.length + 1] = i.width();
                r[base.length + 2] = i.height();
                r[base.length + 3] = i.fetchDate();
                r[base.length + 4] = i.fileSize();
                r[base.length + 5] = "False";
                rows.add(r);
            }
            if (errLeft.remove(path)) {
                errRows.add(new String[] {path});
            }
        }
        for (String e : errLeft) { // listed by a checkpoint but outside this selection: kept, not lost
            errRows.add(new String[] {e});
        }
        CsvTable.write(resultsCsv, header, rows);
        CsvTable.write(Path.of(resultsCsv + ERROR_SUFFIX), List.of("image_path"), errRows);
    }
}
