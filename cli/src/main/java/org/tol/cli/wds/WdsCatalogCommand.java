package org.tol.cli.wds;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tol.api.ExitCodes;
import org.tol.io.json.Json;
import org.tol.stages.wds.CatalogJob;
import org.tol.stages.wds.MappingDb;
import org.tol.stages.wds.NameLookups;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tol wds catalog}: catalog.csv with the reference's 17 columns. */
@Command(name = "catalog", mixinStandardHelpOptions = true,
        description = {"Writes DIR/catalog.csv (make_catalog_reproduce.py's 17 columns): one row per sample of every "
                + "split directory under DIR, source ids from --db, taxon and common name from --names (else from "
                + "the samples' taxonTag.txt/common_name.txt).",
            "Exit 3 when keys are missing from the db or lookups, repeated within a split, or shards are unreadable."})
public final class WdsCatalogCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "Directory with one directory of shards per split.")
    Path dir;

    @Option(names = "--db", paramLabel = "SQLITE", description = "mapping.sqlite (source ids); without it the id columns stay empty.")
    Path db;

    @Option(names = "--names", paramLabel = "DIR", description = "Directory with eol/inat21/bioscan_name_lookup.json.")
    Path names;

    @Option(names = "--threads", defaultValue = "0", paramLabel = "N", description = "Shards read at once (0 = all cores).")
    int threads;

    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        MappingDb mapping = db == null ? MappingDb.empty() : MappingDb.load(db);
        NameLookups lookups = names == null ? null : NameLookups.load(names);
        int t = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        CatalogJob.Summary s = CatalogJob.run(dir, mapping, lookups, t);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.pretty(s));
        } else {
            out.printf("%d rows %s -> %s; %d keys not in the db, %d without a name lookup, %d repeated, %d shards "
                    + "unreadable%n", s.rows(), s.rowsBySplit(), s.catalog(), db == null ? 0 : s.notInDb(), s.noName(),
                    s.duplicateKeys(), s.unreadableShards().size());
        }
        boolean clean = (db == null || s.notInDb() == 0) && s.noName() == 0 && s.duplicateKeys() == 0
                && s.unreadableShards().isEmpty();
        return clean ? ExitCodes.OK : ExitCodes.INCOMPLETE;
    }
}
