package org.tol.tests.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher as a cluster user meets it: a built tree (or an install made from it) starts with java alone, as
 * a non-root user without Maven on PATH, also through a symlink; job steps never build; concurrent builds of one
 * checkout run Maven once.
 */
class LauncherTest {
    private static final String USER = "tolcheck";
    private static final String JAVA_OPTS = "-Xmx128m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

    @TempDir Path tmp;

    @Test
    void builtTreeAndInstallRunWithJavaOnlyAsAnotherUserWithoutMaven() throws Exception {
        Path root = BuiltTree.create(tmp.resolve("tree"));
        Path noMaven = BuiltTree.pathWithoutMaven(tmp.resolve("path"));
        Path prefix = tmp.resolve("prefix");
        BuiltTree.Ran install = BuiltTree.bash(null, Map.of("PATH", noMaven.toString(), "HOME", tmp.toString()),
                root + "/scripts/install.sh --prefix " + prefix, 120);
        assertEquals(0, install.code(), install.output());
        assertTrue(Files.isExecutable(prefix.resolve("bin/tol")));
        assertTrue(Files.list(prefix.resolve("lib/tol")).anyMatch(f -> f.getFileName().toString().startsWith("tol-cli-")));

        // A user's own bin folder with a symlink to the installed launcher.
        Path userBin = Files.createDirectories(tmp.resolve("userbin"));
        Files.createSymbolicLink(userBin.resolve("tol"), prefix.resolve("bin/tol"));
        Path home = Files.createDirectories(tmp.resolve("home"));
        String user = nonRootUser();
        BuiltTree.openUp(tmp);
        BuiltTree.Ran ran = BuiltTree.bash(user, Map.of("PATH", userBin + ":" + noMaven, "HOME", home.toString(),
                "TOL_JAVA_OPTS", JAVA_OPTS), "cd / && tol --version && " + root + "/tol --version", 120);
        assertEquals(0, ran.code(), "as " + (user == null ? "this user" : user) + ":\n" + ran.output());
        assertEquals(2, ran.output().split("\\(Java ", -1).length - 1, ran.output());
        assertFalse(ran.output().contains("missing"), ran.output());
    }

    @Test
    void aJobStepNeverBuildsAndTheBuildTakesALock() throws Exception {
        Path root = BuiltTree.create(tmp.resolve("tree"));
        Path fakeBin = Files.createDirectories(tmp.resolve("fakebin"));
        Path calls = tmp.resolve("mvn-calls");
        // A Maven stand-in that takes a while, so two launchers started together overlap.
        Files.writeString(fakeBin.resolve("mvn"), "#!/bin/bash\necho build >> " + calls + "\nsleep 2\n");
        fakeBin.resolve("mvn").toFile().setExecutable(true);
        Path src = Files.createDirectories(root.resolve("api/src/main/java"));
        Files.writeString(src.resolve("Newer.java"), "class Newer {}");
        Files.setLastModifiedTime(root.resolve("cli/target/.tol-dist-stamp"), java.nio.file.attribute.FileTime.fromMillis(
                System.currentTimeMillis() - 120_000));
        String path = fakeBin + ":" + System.getenv("PATH");

        BuiltTree.Ran rank = BuiltTree.bash(null, Map.of("PATH", path, "HOME", tmp.toString(), "SLURM_PROCID", "3",
                "TOL_JAVA_OPTS", JAVA_OPTS), root + "/tol --version", 60);
        assertEquals(1, rank.code(), rank.output());
        assertTrue(rank.output().contains("this is a job step (SLURM_PROCID=3"), rank.output());
        assertTrue(rank.output().contains("build once before submitting"), rank.output());
        assertFalse(Files.exists(calls), "a rank ran Maven");

        BuiltTree.Ran two = BuiltTree.bash(null, Map.of("PATH", path, "HOME", tmp.toString(), "TOL_JAVA_OPTS", JAVA_OPTS),
                "(" + root + "/tol --version & " + root + "/tol --version & wait)", 120);
        assertEquals(1, Files.readAllLines(calls).size(), "Maven runs: " + Files.readAllLines(calls) + "\n" + two.output());
        assertEquals(2, two.output().split("\\(Java ", -1).length - 1, two.output());
    }

    /** A non-root user to run as (created when this test runs as root), or null to run as this user. */
    private static String nonRootUser() throws Exception {
        if (!"root".equals(System.getProperty("user.name"))) {
            return null;
        }
        BuiltTree.Ran id = BuiltTree.bash(null, Map.of("PATH", "/usr/sbin:/usr/bin:/sbin:/bin"), "id -u " + USER
                + " >/dev/null 2>&1 || useradd --no-create-home --shell /bin/bash " + USER, 30);
        Assumptions.assumeTrue(id.code() == 0, "cannot create a non-root user to run as: " + id.output());
        return USER;
    }
}
