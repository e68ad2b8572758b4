package org.tol.models.supportset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.tol.io.fs.AtomicFiles;

/** Reads and writes support sets in every accepted form, chosen by extension (then by magic bytes). */
public final class SupportSets {
    private SupportSets() {}

    public static SupportSet read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new SupportSetFormatException("support set " + file + " does not exist or is not a file");
        }
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".npz")) {
            return NpzSupportSets.read(file);
        }
        if (n.endsWith(".json")) {
            return TabularSupportSets.readJson(file);
        }
        if (n.endsWith(".parquet")) {
            return TabularSupportSets.readParquet(file);
        }
        if (n.endsWith(".pt") || n.endsWith(".pth") || startsWithZip(file)) {
            return TorchSaveReader.read(file);
        }
        throw new SupportSetFormatException(file + ": unknown support-set format (expected .pt, .npz, .json or .parquet)");
    }

    /** Writes {@code set} atomically as .pt (torch.save layout), .npz or .json, by the target's extension. */
    public static void write(SupportSet set, Path target) throws IOException {
        String n = target.getFileName().toString();
        String lower = n.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".pt") || lower.endsWith(".pth")) {
            String stem = n.substring(0, n.lastIndexOf('.'));
            AtomicFiles.write(target, out -> TorchSaveWriter.write(set, stem, out));
        } else if (lower.endsWith(".npz")) {
            AtomicFiles.write(target, out -> NpzSupportSets.write(set, out));
        } else if (lower.endsWith(".json")) {
            AtomicFiles.write(target, out -> TabularSupportSets.writeJson(set, out));
        } else {
            throw new SupportSetFormatException("cannot write support set " + target + ": use a .pt, .npz or .json name");
        }
    }

    private static boolean startsWithZip(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 'P' && in.read() == 'K';
        } catch (IOException e) {
            return false;
        }
    }
}
