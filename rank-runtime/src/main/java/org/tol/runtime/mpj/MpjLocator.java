package org.tol.runtime.mpj;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds MPJ Express at run time: {@code $MPJ_HOME/lib} (a user's install) or Debian's {@code libmpj-java}
 * ({@code /usr/share/mpj/lib}). It is not on Maven Central and never on tol's class path: MPI keeps its state
 * in static fields, so each rank needs {@code mpi.jar} + {@code mpjdev.jar} in a class loader of its own, over a
 * shared loader holding the device (smpdev/niodev), buffers, MPI's exception class and log4j 1.2.
 */
public final class MpjLocator {
    private static final Logger LOG = LoggerFactory.getLogger(MpjLocator.class);
    private static final String[] SHARED = {"smpdev.jar", "niodev.jar", "xdev.jar", "mpjbuf.jar", "mpiExp.jar"};
    private static final String[] PER_RANK = {"mpi.jar", "mpjdev.jar"};

    /** The jars of one MPJ install, split into the shared part and the part each rank loads for itself. */
    public record MpjJars(File libDir, List<URL> shared, List<URL> perRank) {}

    private MpjLocator() {}

    /** The MPJ install to use, or null (with the reason logged) when none is usable. */
    public static MpjJars locate(Map<String, String> env) {
        List<File> candidates = new ArrayList<>();
        String home = env.get("MPJ_HOME");
        if (home != null && !home.isBlank()) {
            candidates.add(new File(home, "lib"));
        }
        candidates.add(new File("/usr/share/mpj/lib"));
        for (File lib : candidates) {
            MpjJars jars = fromLib(lib);
            if (jars != null) {
                return jars;
            }
        }
        LOG.warn("MPJ Express not found (looked in {}): install Debian's libmpj-java or set MPJ_HOME", candidates);
        return null;
    }

    static MpjJars fromLib(File lib) {
        List<URL> shared = new ArrayList<>();
        List<URL> perRank = new ArrayList<>();
        try {
            for (String name : SHARED) {
                File f = new File(lib, name);
                if (!f.isFile()) {
                    LOG.debug("{} lacks {}", lib, name);
                    return null;
                }
                shared.add(f.toURI().toURL());
            }
            for (String name : PER_RANK) {
                File f = new File(lib, name);
                if (!f.isFile()) {
                    return null;
                }
                perRank.add(f.toURI().toURL());
            }
            File log4j = log4j(lib);
            if (log4j == null) {
                LOG.warn("MPJ in {} needs log4j 1.2 (log4j-1.2*.jar next to it, or Debian's liblog4j1.2-java)", lib);
                return null;
            }
            shared.add(log4j.toURI().toURL());
        } catch (MalformedURLException e) {
            return null;
        }
        return new MpjJars(lib, shared, perRank);
    }

    private static File log4j(File lib) {
        File[] local = lib.listFiles((d, n) -> n.startsWith("log4j-1.2") && n.endsWith(".jar")
                || n.startsWith("reload4j") && n.endsWith(".jar"));
        if (local != null && local.length > 0) {
            return local[0];
        }
        File debian = new File("/usr/share/java/log4j-1.2.jar");
        return debian.isFile() ? debian : null;
    }
}
