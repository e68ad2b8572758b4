package org.tol.runtime.stage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Path checks and clean-up shared by the stage runtime. */
final class StageFiles {
    private StageFiles() {}

    /** Normalises an OUT-relative path and refuses one that is empty, absolute or climbs out of OUT. */
    static String checkRelative(String relativePath) {
        if (relativePath == null || relativePath.isEmpty()) {
            throw new IllegalArgumentException("empty output path");
        }
        Path p = Path.of(relativePath).normalize();
        if (p.isAbsolute() || p.toString().isEmpty() || p.startsWith("..")) {
            throw new IllegalArgumentException("output path must stay inside OUT: " + relativePath);
        }
        return p.toString();
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
