package org.tol.stages.report;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tol.stages.sql.DuckDb;

/**
 * {@code tol report}: one self-contained HTML page for filter runs (running or finished), collected outputs and
 * {@code tol pdq dedup} outputs: progress per rank, rows by status and failure reason, each filter's
 * distributions, and a gallery of the rows a curator would look at.
 */
public final class ReportBuilder {
    private static final List<FilterSection> SECTIONS = List.of(new ClipSection(), new MegaDetectorSection(),
            new FacesSection(), new PdqSection());

    /** The page and what it holds. */
    public record Report(String html, List<String> outputs, List<String> inProgress, int galleryRows, int thumbnails) {}

    private ReportBuilder() {}

    /**
     * @param outputs      run directories, dedup directories or Parquet files, one section each
     * @param staleSeconds a running rank whose stats are older than this is reported as stalled
     */
    public static Report build(List<Path> outputs, double staleSeconds) throws IOException, SQLException {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        List<RunFiles> runs = new ArrayList<>();
        for (Path p : outputs) {
            runs.add(RunFiles.load(p, staleSeconds));
        }
        Html html = new Html();
        List<Pick> picks = new ArrayList<>();
        List<String> inProgress = new ArrayList<>();
        Map<String, Thumbnails.Thumb> thumbs;
        try (DuckDb db = DuckDb.open(2)) {
            int i = 0;
            for (RunFiles run : runs) {
                String view = "rows" + i++;
                html.h2(run.name() + " (" + run.kind() + ")");
                html.note(run.root().toString());
                if (run.isRun()) {
                    if (ProgressSection.write(html, run)) {
                        inProgress.add(run.root().toString());
                    }
                }
                List<Path> files = run.clusters() != null ? List.of(run.clusters()) : run.predictions();
                if (files.isEmpty()) {
                    html.note("no rows committed yet");
                    continue;
                }
                db.parquetView(view, files);
                Map<String, String> columns = db.columns(view);
                if (columns.containsKey("status")) {
                    picks.addAll(StatusSection.write(html, db, view));
                }
                for (FilterSection s : SECTIONS) {
                    if (s.appliesTo(run.kind(), columns)) {
                        picks.addAll(s.write(html, db, view, columns));
                    }
                }
            }
            picks = distinct(picks);
            Set<String> uuids = new LinkedHashSet<>();
            picks.forEach(p -> uuids.add(p.uuid()));
            thumbs = Thumbnails.load(db, runs, uuids);
        }
        html.h2("Gallery");
        if (picks.isEmpty()) {
            html.note("no rows to show");
        } else {
            html.note("thumbnails decoded from the input Parquet (" + Thumbnails.LONG_SIDE + " px long side); boxes in red");
            Gallery.write(html, picks, thumbs);
        }
        long withImage = thumbs.values().stream().filter(t -> t.dataUri() != null).count();
        String subtitle = "generated " + Instant.now() + " from " + String.join(", ", outputs.stream().map(Path::toString).toList())
                + (inProgress.isEmpty() ? "" : " — IN PROGRESS: figures are what was committed so far");
        return new Report(html.page("tol report", subtitle), outputs.stream().map(Path::toString).toList(), inProgress,
                picks.size(), (int) withImage);
    }

    /** One pick per (group, uuid), in order. */
    private static List<Pick> distinct(List<Pick> picks) {
        Map<String, Pick> m = new LinkedHashMap<>();
        for (Pick p : picks) {
            m.putIfAbsent(p.group() + "\u0000" + p.uuid(), p);
        }
        return new ArrayList<>(m.values());
    }

    static String percent(long part, long all) {
        return all == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / all);
    }
}
