package org.tol.tests.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class-data-sharing archive: scripts/cds-archive.sh makes one the JVM accepts for the distribution's jars
 * (-Xshare:on fails when it cannot map it), bin/tol passes it, and a stale archive is ignored without a word.
 */
class LauncherCdsTest {
    @TempDir Path tmp;

    @Test
    void archiveIsUsedWhileCurrentAndIgnoredQuietlyWhenStale() throws Exception {
        Path root = BuiltTree.create(tmp.resolve("tree"));
        Path lib = root.resolve("cli/target/lib");
        Map<String, String> env = Map.of("PATH", System.getenv("PATH"), "HOME", tmp.toString(), "TOL_LIB", lib.toString());
        BuiltTree.Ran made = BuiltTree.bash(null, env, root + "/scripts/cds-archive.sh " + lib, 120);
        assertEquals(0, made.code(), made.output());
        assertTrue(Files.size(lib.resolve("tol.jsa")) > 0);

        BuiltTree.Ran on = BuiltTree.bash(null, Map.of("PATH", System.getenv("PATH"), "HOME", tmp.toString(),
                "TOL_LIB", lib.toString(), "TOL_JAVA_OPTS", "-Xshare:on"), root + "/bin/tol --version", 60);
        assertEquals(0, on.code(), on.output());
        assertTrue(on.output().startsWith("tol "), on.output());

        // Jars rebuilt after the archive was made: the JVM cannot use it; -Xshare:on proves that, the default
        // (auto) runs without it and prints nothing about it.
        for (Path jar : Files.list(lib).filter(f -> f.toString().endsWith(".jar")).toList()) {
            Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        }
        BuiltTree.Ran forced = BuiltTree.bash(null, Map.of("PATH", System.getenv("PATH"), "HOME", tmp.toString(),
                "TOL_LIB", lib.toString(), "TOL_JAVA_OPTS", "-Xshare:on"), root + "/bin/tol --version", 60);
        assertNotEquals(0, forced.code(), forced.output());
        BuiltTree.Ran stale = BuiltTree.bash(null, env, root + "/bin/tol --version", 60);
        assertEquals(0, stale.code(), stale.output());
        assertTrue(stale.output().startsWith("tol "), stale.output());
        assertFalse(stale.output().contains("archive"), stale.output());
    }
}
