package org.tol.stages.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.tol.stages.lookup.LookupBuilder;
import org.tol.stages.lookup.LookupGroups;

/**
 * {@code tol bench lookup}: {@code tol lookup build --group museum_specimen_all} over a synthetic index of
 * {@code rows} rows ({@code files} data files) and an attributes table with the same uuids (a fifth of them
 * museum specimens). The tables are generated once into DIR (not timed; reused when present, so a second run
 * with the same DIR measures the build alone, peak RSS included).
 */
public final class LookupBench {
    private LookupBench() {}

    public record Result(long rows, @JsonProperty("selected_rows") long selected, long batches,
            @JsonProperty("build_seconds") double seconds, @JsonProperty("index_rows_s") double rowsPerSecond,
            @JsonProperty("peak_rss_mb") double peakRssMb, @JsonProperty("generated_this_run") boolean generated,
            @JsonProperty("memory_limit") String memoryLimit, int threads) {}

    public static Result run(Path dir, long rows, int files, String memoryLimit, int threads) throws Exception {
        Path index = dir.resolve("index-" + rows + ".parquet");
        Path attr = dir.resolve("attributes-" + rows + ".parquet");
        boolean generated = false;
        if (!Files.exists(index) || !Files.exists(attr)) {
            generate(dir, index, attr, rows, files);
            generated = true;
        }
        Path out = dir.resolve("lookup-out");
        StageBenchRuns.deleteTree(out);
        Files.createDirectories(out);
        LookupBuilder.Options o = new LookupBuilder.Options(List.of(attr.toString()), List.of(index.toString()), null,
                null, LookupGroups.preset("museum_specimen_all"), 100, 614, memoryLimit, threads);
        long t0 = System.nanoTime();
        LookupBuilder.Result r = new LookupBuilder(o).build(Files.createDirectories(dir.resolve("duckdb-tmp")), rel -> {
            Path f = out.resolve(rel);
            Files.createDirectories(f.getParent());
            return f;
        });
        double secs = (System.nanoTime() - t0) / 1e9;
        StageBenchRuns.deleteTree(out);
        return new Result(rows, r.rows(), r.batches(), secs, rows / secs, StageBenchRuns.peakRssBytes() / 1e6,
                generated, memoryLimit, threads);
    }

    private static void generate(Path dir, Path index, Path attr, long rows, int files) throws Exception {
        Files.createDirectories(dir);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET memory_limit = '2GB'");
            s.execute("SET temp_directory = '" + dir.resolve("duckdb-tmp") + "'");
            s.execute("COPY (SELECT md5(i::VARCHAR) AS uuid, '/data/tol/part-' || lpad((hash(i) % " + files
                    + ")::VARCHAR, 5, '0') || '.parquet' AS path FROM range(" + rows + ") t(i)) TO '" + index
                    + "' (FORMAT parquet)");
            s.execute("COPY (SELECT md5(i::VARCHAR) AS uuid, 'occ' || (i // 3) AS source_id,"
                    + " CASE i % 5 WHEN 0 THEN 'PRESERVED_SPECIMEN' WHEN 1 THEN 'HUMAN_OBSERVATION'"
                    + " WHEN 2 THEN 'MACHINE_OBSERVATION' ELSE 'HUMAN_OBSERVATION' END AS basisOfRecord,"
                    + " 'd' || (i % 50) AS datasetKey, CASE i % 3 WHEN 0 THEN 'Plantae' ELSE 'Animalia' END AS kingdom,"
                    + " 'Chordata' AS phylum, 'Aves' AS class, 'Passeriformes' AS \"order\", 'F' || (i % 100) AS family,"
                    + " 'G' || (i % 1000) AS genus, 'S' || (i % 10000) AS species FROM range(" + rows + ") t(i)) TO '"
                    + attr + "' (FORMAT parquet)");
        }
    }
}
