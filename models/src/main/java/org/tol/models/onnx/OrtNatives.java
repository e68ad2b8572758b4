package org.tol.models.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unpacks ONNX Runtime's native libraries once into {@code <tol.cache.dir>/onnxruntime-<version>/} and points
 * ORT at them ({@code onnxruntime.native.path}). Without this ORT copies ~32 MB (and ~600 MB with the CUDA
 * provider) into a fresh temp dir at every start — per rank, per job. The CUDA/TensorRT provider libraries are
 * only unpacked when a GPU is requested, so CPU-only runs never pay for them.
 *
 * <p>Several ranks on one node may race here: each library is copied to a unique temp file and renamed
 * atomically; a library already present with the right size is left alone.
 */
public final class OrtNatives {
    private static final Logger LOG = LoggerFactory.getLogger(OrtNatives.class);
    static final String RESOURCE_DIR = "ai/onnxruntime/native/linux-x64/";
    static final List<String> CORE = List.of(
            "libonnxruntime.so", "libonnxruntime4j_jni.so", "libonnxruntime_providers_shared.so");
    static final List<String> GPU = List.of("libonnxruntime_providers_cuda.so", "libonnxruntime_providers_tensorrt.so");
    private static final String PROPERTY = "onnxruntime.native.path";

    private static volatile Path configuredDir;

    private OrtNatives() {}

    /**
     * Called before the first ORT class is touched. Does nothing when the user set {@code
     * onnxruntime.native.path} / {@code ONNXRUNTIME_NATIVE_PATH} themselves, when {@code tol.cache.dir} is not
     * set (ORT then unpacks to a temp dir as usual), or on platforms other than linux-x86_64.
     */
    public static synchronized void prepare(boolean gpu) {
        if (configuredDir == null) {
            if (System.getProperty(PROPERTY) != null || System.getenv("ONNXRUNTIME_NATIVE_PATH") != null) {
                return;
            }
            String cache = System.getProperty("tol.cache.dir");
            if (cache == null || !isLinuxX64()) {
                return;
            }
            Path dir = Path.of(cache, "onnxruntime-" + ortVersion());
            try {
                unpack(dir, CORE);
            } catch (IOException e) {
                LOG.warn("could not unpack ONNX Runtime natives into {} ({}); ORT will use a temp dir", dir, e.toString());
                return;
            }
            System.setProperty(PROPERTY, dir.toString());
            configuredDir = dir;
        }
        if (gpu) {
            try {
                unpack(configuredDir, GPU);
            } catch (IOException e) {
                LOG.warn("could not unpack ONNX Runtime GPU providers into {}: {}", configuredDir, e.toString());
            }
        }
    }

    /** Copies the named libraries from the ORT jar into {@code dir} unless already there with the same size. */
    static void unpack(Path dir, List<String> names) throws IOException {
        Files.createDirectories(dir);
        for (String name : names) {
            URL url = OrtNatives.class.getClassLoader().getResource(RESOURCE_DIR + name);
            if (url == null) {
                continue; // e.g. a CPU-only ORT jar has no CUDA provider
            }
            URLConnection conn = url.openConnection();
            long size = conn.getContentLengthLong();
            Path target = dir.resolve(name);
            if (Files.isRegularFile(target) && size >= 0 && Files.size(target) == size) {
                continue;
            }
            LOG.info("unpacking {} ({} MB) into {} (once per cache dir)", name, size >> 20, dir);
            Path tmp = Files.createTempFile(dir, "." + name, ".tmp");
            try (InputStream in = conn.getInputStream()) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** The ORT jar's manifest carries no version, so the directory is named after the version the pom pins. */
    static String ortVersion() {
        return "1.29.0";
    }

    private static boolean isLinuxX64() {
        String os = System.getProperty("os.name", "").toLowerCase();
        String arch = System.getProperty("os.arch", "");
        return os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64"));
    }
}
