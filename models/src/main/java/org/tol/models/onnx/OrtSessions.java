package org.tol.models.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tol.api.ExitCodes;
import org.tol.api.TolException;
import org.tol.api.model.Device;
import org.tol.api.model.ModelOptions;

/**
 * Opens ORT sessions on the rank's device: TensorRT (when asked) then CUDA on {@code cuda:N}, or the CPU.
 * When the CUDA provider cannot load (no CUDA 12 runtime on the node) it falls back to the CPU and warns
 * once per process, naming what is missing, unless the device was asked for explicitly: then it fails.
 */
final class OrtSessions {
    private static final Logger LOG = LoggerFactory.getLogger(OrtSessions.class);
    private static final AtomicBoolean CUDA_WARNED = new AtomicBoolean();
    private static final AtomicBoolean TRT_WARNED = new AtomicBoolean();

    static final String CUDA_REQUIREMENT = "tol's ONNX Runtime 1.29 GPU build needs the CUDA 12 runtime on the node "
            + "(libcudart.so.12, libcublas.so.12, libcublasLt.so.12, libcurand.so.10 on LD_LIBRARY_PATH, e.g. "
            + "'module load cuda/12.4') and, for full speed, cuDNN 9 (libcudnn.so.9)";

    /** An open session and the device it really runs on. */
    record Opened(OrtSession session, Device device, boolean tensorRt) {}

    private OrtSessions() {}

    static Opened open(OrtEnvironment env, Path file, ModelOptions options) throws OrtException {
        Device wanted = options.device() == null ? Device.CPU : options.device();
        if (wanted.isCuda()) {
            try {
                return openCuda(env, file, options, wanted);
            } catch (OrtException | RuntimeException | UnsatisfiedLinkError e) {
                if (wanted.required()) {
                    throw new TolException("--device " + wanted + ": ONNX Runtime's CUDA execution provider could not be"
                            + " loaded: " + firstLine(e), CUDA_REQUIREMENT + "; or pass --device auto to fall back to the"
                            + " CPU with a warning", ExitCodes.FAILURE, e);
                }
                warnCpuFallback(wanted, e);
            }
        }
        try (OrtSession.SessionOptions so = baseOptions(options, false)) {
            return new Opened(env.createSession(file.toString(), so), Device.CPU, false);
        } catch (OrtException e) {
            throw notAModel(file, e);
        }
    }

    /** ORT's own message for a file it cannot parse is one line deep in a stack trace; say what the file is not. */
    static TolException notAModel(Path file, OrtException e) {
        return new TolException(file + ": ONNX Runtime cannot load this file as an ONNX model: " + firstLine(e),
                "check that the file is a complete ONNX export (not truncated, not a PyTorch .pt checkpoint or a support"
                        + " set); models/README.md says how to export each model", ExitCodes.FAILURE, e);
    }

    private static Opened openCuda(OrtEnvironment env, Path file, ModelOptions options, Device device) throws OrtException {
        var missing = CudaLibraries.missing();
        if (missing.isPresent()) {
            throw new IllegalStateException(missing.get() + " not found on LD_LIBRARY_PATH or the system library dirs"
                    + " (set TOL_FORCE_CUDA=1 to let ONNX Runtime try anyway)");
        }
        OrtNatives.prepare(true);
        try (OrtSession.SessionOptions so = baseOptions(options, true)) {
            boolean trt = false;
            if (options.tensorRt()) {
                try {
                    so.addTensorrt(device.index());
                    trt = true;
                } catch (OrtException e) {
                    if (TRT_WARNED.compareAndSet(false, true)) {
                        LOG.warn("TensorRT execution provider unavailable ({}); using CUDA without TensorRT. "
                                + "--trt needs TensorRT 10 (libnvinfer.so.10) on LD_LIBRARY_PATH.", firstLine(e));
                    }
                }
            }
            so.addCUDA(device.index());
            return new Opened(env.createSession(file.toString(), so), device, trt);
        }
    }

    private static OrtSession.SessionOptions baseOptions(ModelOptions options, boolean gpu) throws OrtException {
        OrtSession.SessionOptions so = new OrtSession.SessionOptions();
        so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        so.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
        // ORT's memory-pattern planner keeps one arena layout per input shape, and MTCNN's pyramid feeds many
        // shapes (~3 GB outside the heap once): off by default. The CPU arena alone costs ~0.45 GB on MTCNN's
        // real layer shapes and saves ~25 % of the CPU time (page faults of fresh mmap blocks every run), so it
        // stays on. TOL_ORT_ARENA=0 turns both off, =1 both on (docs/runtime.md, "Memory").
        boolean[] mode = arenaMode(System.getProperty("tol.ort.arena", System.getenv("TOL_ORT_ARENA")));
        so.setCPUArenaAllocator(mode[0]);
        so.setMemoryPatternOptimization(mode[1]);
        int threads = options.intraOpThreads();
        if (threads <= 0) {
            // On a GPU the CPU threads only launch kernels; leave the cores to the preprocessing pool.
            threads = gpu ? 1 : Math.max(1, Runtime.getRuntime().availableProcessors());
        }
        so.setIntraOpNumThreads(threads);
        so.setInterOpNumThreads(1);
        return so;
    }

    /**
     * {CPU arena, memory pattern} for TOL_ORT_ARENA: "1"/"true"/"on"/"yes" both on; "0"/"false"/"off"/"no"
     * both off; unset or anything else the default, the arena without the memory pattern.
     */
    static boolean[] arenaMode(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (v) {
            case "1", "true", "on", "yes" -> new boolean[] {true, true};
            case "0", "false", "off", "no" -> new boolean[] {false, false};
            default -> new boolean[] {true, false};
        };
    }

    private static void warnCpuFallback(Device wanted, Throwable e) {
        if (CUDA_WARNED.compareAndSet(false, true)) {
            LOG.warn("CUDA execution provider could not be loaded on {} ({}): running ONNX models on the CPU, "
                    + "which is far slower. {}.", wanted, firstLine(e), CUDA_REQUIREMENT);
        } else {
            LOG.debug("CUDA unavailable again: {}", firstLine(e));
        }
    }

    /** True once a CUDA load failed in this process (for tests and run summaries). */
    static boolean cudaFallbackHappened() {
        return CUDA_WARNED.get();
    }

    private static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
