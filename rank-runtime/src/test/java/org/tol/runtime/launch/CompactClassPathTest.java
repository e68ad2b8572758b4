package org.tol.runtime.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rank's class path is DIR/* exactly when it names all of DIR's jars and nothing else. */
class CompactClassPathTest {
    @TempDir Path tmp;

    @Test
    void allJarsOfOneDirectoryBecomeTheWildcard() throws Exception {
        Path lib = Files.createDirectories(tmp.resolve("lib"));
        Path a = Files.createFile(lib.resolve("a.jar"));
        Path b = Files.createFile(lib.resolve("b.jar"));
        Files.createFile(lib.resolve("tol.jsa")); // not a jar: not on the path, not in the way
        String cp = b + File.pathSeparator + a;
        assertEquals(lib.toAbsolutePath() + File.separator + "*", LocalLauncher.compactClassPath(cp));
    }

    @Test
    void anythingElseStaysAsItIs() throws Exception {
        Path lib = Files.createDirectories(tmp.resolve("lib"));
        Path a = Files.createFile(lib.resolve("a.jar"));
        Files.createFile(lib.resolve("extra.jar")); // DIR/* would add it
        assertEquals(a.toString(), LocalLauncher.compactClassPath(a.toString()));
        Path other = Files.createDirectories(tmp.resolve("other"));
        Path c = Files.createFile(other.resolve("c.jar"));
        Files.delete(lib.resolve("extra.jar"));
        String twoDirs = a + File.pathSeparator + c;
        assertEquals(twoDirs, LocalLauncher.compactClassPath(twoDirs));
        String classesDir = lib.resolve("classes").toString();
        assertEquals(classesDir, LocalLauncher.compactClassPath(classesDir));
    }
}
