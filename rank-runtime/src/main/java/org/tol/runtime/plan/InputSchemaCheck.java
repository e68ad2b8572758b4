package org.tol.runtime.plan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tol.api.TolException;
import org.tol.io.parquet.InputColumns;
import org.tol.io.parquet.InputFile;
import org.tol.io.parquet.InputFiles;
import org.tol.io.parquet.ParquetFileInfo;

/**
 * Checks every input file's schema before anything is planned or written: a file without the image or id
 * column would otherwise become one failed row per record (and, read as images, ids that collide with real
 * ones). A file found inside an input directory that has no image column (an attributes or taxonomy table
 * next to the images) is skipped with a warning; a file named explicitly, or one with images but no id, is a
 * usage error that names the columns it has.
 */
public final class InputSchemaCheck {
    private static final Logger LOG = LoggerFactory.getLogger(InputSchemaCheck.class);
    private static final String HINT = "name the columns with --image-column and --id-column (img2dataset: --image-column"
            + " jpg --id-column key; webdataset conversions: --image-column jpg --id-column __key__; Hugging Face:"
            + " --image-column image --id-column id)";

    private InputSchemaCheck() {}

    /** The input files to plan, in order; throws a usage error (exit 2) for the cases above. */
    public static List<InputFile> accepted(List<String> inputs, InputColumns cols) {
        List<InputFile> all = InputFiles.resolve(inputs);
        if (all.isEmpty()) {
            throw TolException.usage("no *.parquet files found in " + inputs, "check --input");
        }
        Set<Path> explicit = explicitFiles(inputs);
        List<InputFile> ok = new ArrayList<>();
        List<String> lastColumns = List.of();
        int skipped = 0;
        for (InputFile f : all) {
            List<String> names;
            try {
                names = ParquetFileInfo.fieldNames(f.path());
            } catch (IOException | RuntimeException e) {
                ok.add(f); // an unreadable file fails as a unit, with its reason, like before
                continue;
            }
            boolean hasImage = names.contains(cols.image());
            boolean hasId = names.contains(cols.id()) || f.partitions().containsKey(cols.id());
            if (hasImage && hasId) {
                ok.add(f);
            } else if (!hasImage && !explicit.contains(f.path().toAbsolutePath().normalize())) {
                LOG.warn("skipping {}: no image column '{}' (its columns: {}); not read as images", f.path(),
                        cols.image(), names);
                skipped++;
                lastColumns = names;
            } else {
                throw TolException.usage(f.path() + " has no " + (hasImage ? "id column '" + cols.id() + "'"
                        : "image column '" + cols.image() + "'") + "; its columns are " + names, HINT);
            }
        }
        if (ok.isEmpty()) {
            throw TolException.usage("none of the " + skipped + " Parquet files in " + inputs + " has an image column '"
                    + cols.image() + "' (columns of the last one: " + lastColumns + ")", HINT);
        }
        if (skipped > 0) {
            LOG.warn("skipped {} of {} Parquet files without an image column '{}'", skipped, all.size(), cols.image());
        }
        return ok;
    }

    /** Files the user named (directly or in a list file), as opposed to files found inside a directory. */
    private static Set<Path> explicitFiles(List<String> inputs) {
        Set<Path> out = new HashSet<>();
        for (String input : inputs) {
            if (!Files.isDirectory(Path.of(input))) {
                for (InputFile f : InputFiles.resolve(List.of(input))) {
                    out.add(f.path().toAbsolutePath().normalize());
                }
            }
        }
        return out;
    }
}
