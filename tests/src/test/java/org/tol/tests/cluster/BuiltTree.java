package org.tol.tests.cluster;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A copy of the repository's launcher scripts with a "built" distribution made from this test's class path
 * (module class folders jarred, dependency jars hard-linked), and helpers to run shell commands, as another user
 * when asked. Lets the launcher be tested without building the real tree.
 */
final class BuiltTree {
    static final Path REPO = Path.of(System.getProperty("tol.repo", "..")).toAbsolutePath().normalize();

    /** Native model runtimes (ONNX Runtime GPU, libtorch, OpenCV: 30-640 MB) are left out: starting needs none. */
    private static final long MAX_JAR_BYTES = 25L << 20;

    private BuiltTree() {}

    /** ROOT/tol, ROOT/bin/tol, ROOT/scripts/*, ROOT/cli/target/lib/*.jar and a build stamp newer than any source. */
    static Path create(Path root) throws IOException {
        Files.createDirectories(root.resolve("bin"));
        Files.createDirectories(root.resolve("scripts"));
        copyExecutable(REPO.resolve("tol"), root.resolve("tol"));
        copyExecutable(REPO.resolve("bin/tol"), root.resolve("bin/tol"));
        try (Stream<Path> s = Files.list(REPO.resolve("scripts"))) {
            for (Path f : s.toList()) {
                copyExecutable(f, root.resolve("scripts").resolve(f.getFileName()));
            }
        }
        Path lib = Files.createDirectories(root.resolve("cli/target/lib"));
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        int n = 0;
        for (String entry : cp.split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry);
            if (Files.isDirectory(p)) {
                if (p.endsWith("test-classes")) {
                    continue;
                }
                // module/target/classes -> tol-cli-*.jar for the cli module (the launcher looks for it)
                String module = p.getParent().getParent().getFileName().toString();
                jar(p, lib.resolve("tol-" + module + "-0.jar"));
            } else if (entry.endsWith(".jar") && Files.isRegularFile(p) && Files.size(p) < MAX_JAR_BYTES) {
                Path target = lib.resolve(n++ + "-" + p.getFileName());
                try {
                    Files.createLink(target, p);
                } catch (FileSystemException | UnsupportedOperationException e) {
                    Files.copy(p, target);
                }
            }
        }
        Files.writeString(root.resolve("cli/target/.tol-dist-stamp"), "");
        return root;
    }

    private static void copyExecutable(Path from, Path to) throws IOException {
        Files.copy(from, to);
        Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static void jar(Path dir, Path jar) throws IOException {
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os);
                Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(dir.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
    }

    /** A directory of symlinks to every program in /usr/bin and /bin except Maven: a PATH without mvn. */
    static Path pathWithoutMaven(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String d : List.of("/usr/local/bin", "/usr/bin", "/bin")) {
            if (!Files.isDirectory(Path.of(d))) {
                continue;
            }
            try (Stream<Path> s = Files.list(Path.of(d))) {
                for (Path p : s.toList()) {
                    String name = p.getFileName().toString();
                    if (!name.startsWith("mvn") && Files.notExists(dir.resolve(name))) {
                        Files.createSymbolicLink(dir.resolve(name), p);
                    }
                }
            }
        }
        return dir;
    }

    /** The result of a shell command. */
    record Ran(int code, String output) {}

    /** Runs {@code bash -c script} with exactly {@code env} (plus HOME), as {@code user} when not null. */
    static Ran bash(String user, Map<String, String> env, String script, int timeoutSeconds) throws Exception {
        List<String> cmd = new ArrayList<>();
        if (user != null) {
            cmd.addAll(List.of("runuser", "-u", user, "--"));
        }
        cmd.add("/usr/bin/env");
        cmd.add("-i");
        env.forEach((k, v) -> cmd.add(k + "=" + v));
        cmd.addAll(List.of("/bin/bash", "-c", script));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out after " + timeoutSeconds + " s: " + script);
        }
        return new Ran(p.exitValue(), new String(p.getInputStream().readAllBytes()));
    }

    /** Makes {@code dir} and its parents traversable and its content readable by every user. */
    static void openUp(Path dir) throws IOException {
        for (Path p = dir.getParent(); p != null; p = p.getParent()) {
            // only folders that other users cannot enter (the test's temp folders); /tmp keeps its sticky bit
            if (!Files.getPosixFilePermissions(p).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mergeTraverse(Files.getPosixFilePermissions(p))));
            }
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                if (!Files.isSymbolicLink(p) && Files.getOwner(p).getName().equals(System.getProperty("user.name"))
                        && (Files.isDirectory(p) || Files.getAttribute(p, "unix:nlink").equals(1))) { // never a hard link into ~/.m2
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(
                            Files.isDirectory(p) ? (p.equals(dir) ? "rwxrwxrwx" : "rwxr-xr-x")
                                    : Files.isExecutable(p) ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
        }
    }

    private static String mergeTraverse(java.util.Set<java.nio.file.attribute.PosixFilePermission> perms) {
        java.util.Set<java.nio.file.attribute.PosixFilePermission> s = new java.util.HashSet<>(perms);
        s.add(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE);
        s.add(java.nio.file.attribute.PosixFilePermission.GROUP_EXECUTE);
        return PosixFilePermissions.toString(s);
    }
}
