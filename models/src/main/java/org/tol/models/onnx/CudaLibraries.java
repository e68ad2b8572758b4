package org.tol.models.onnx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Looks for the CUDA 12 runtime libraries ORT's CUDA provider links against, before asking ORT for CUDA.
 * Without this, every CPU-only start would unpack the 580 MB CUDA provider only to have it fail to load.
 * Searched: {@code LD_LIBRARY_PATH}, the dirs in {@code /etc/ld.so.conf(.d)}, the usual system and
 * {@code /usr/local/cuda*} dirs. {@code TOL_FORCE_CUDA=1} skips the check (libraries found some other way).
 */
final class CudaLibraries {
    static final List<String> REQUIRED = List.of("libcudart.so.12", "libcublasLt.so.12", "libcublas.so.12");

    private CudaLibraries() {}

    /** The first required library that was not found, or empty when all are present (or the check is off). */
    static Optional<String> missing() {
        if ("1".equals(System.getenv("TOL_FORCE_CUDA"))) {
            return Optional.empty();
        }
        Set<Path> dirs = searchDirs();
        for (String lib : REQUIRED) {
            if (dirs.stream().noneMatch(d -> Files.exists(d.resolve(lib)))) {
                return Optional.of(lib);
            }
        }
        return Optional.empty();
    }

    static Set<Path> searchDirs() {
        Set<Path> dirs = new LinkedHashSet<>();
        String ld = System.getenv("LD_LIBRARY_PATH");
        if (ld != null) {
            for (String d : ld.split(":")) {
                if (!d.isBlank()) {
                    dirs.add(Path.of(d));
                }
            }
        }
        List<Path> confs = new ArrayList<>(List.of(Path.of("/etc/ld.so.conf")));
        try (Stream<Path> s = Files.list(Path.of("/etc/ld.so.conf.d"))) {
            s.filter(p -> p.toString().endsWith(".conf")).forEach(confs::add);
        } catch (IOException | RuntimeException e) {
            // no ld.so.conf.d: nothing to add
        }
        for (Path conf : confs) {
            try {
                for (String line : Files.readAllLines(conf)) {
                    String t = line.strip();
                    if (t.startsWith("/")) {
                        dirs.add(Path.of(t));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // unreadable conf: skip it
            }
        }
        for (String d : List.of("/usr/local/cuda/lib64", "/usr/local/cuda-12/lib64", "/usr/lib/x86_64-linux-gnu",
                "/usr/lib64", "/lib64", "/usr/lib")) {
            dirs.add(Path.of(d));
        }
        try (Stream<Path> s = Files.list(Path.of("/usr/local"))) {
            s.filter(p -> p.getFileName().toString().startsWith("cuda-12")).forEach(p -> dirs.add(p.resolve("lib64")));
        } catch (IOException | RuntimeException e) {
            // no /usr/local: nothing to add
        }
        return dirs;
    }
}
