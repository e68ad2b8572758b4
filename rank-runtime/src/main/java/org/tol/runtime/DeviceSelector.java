package org.tol.runtime;

import java.io.File;
import java.util.Arrays;
import java.util.Map;
import org.tol.api.ExitCodes;
import org.tol.api.TolException;
import org.tol.api.model.Device;

/**
 * Picks the rank's device. {@code auto}: a GPU when any is visible, else the CPU; the GPU index is the local
 * rank modulo the visible GPUs, which is right both with {@code --gpus-per-task=1} (each task sees one GPU,
 * index 0) and with {@code --gpus-per-node=N} (every task sees all N; local rank k takes GPU k mod N).
 */
public final class DeviceSelector {
    private DeviceSelector() {}

    public static Device choose(String flag, int localRank, Map<String, String> env) {
        String f = flag == null ? "auto" : flag.trim();
        if (!f.equalsIgnoreCase("auto")) {
            Device d = Device.parse(f);
            if (!d.isCuda()) {
                return d;
            }
            // Asked for explicitly: a GPU that is not there is an error, not a silent run at CPU speed.
            int visible = visibleGpus(env);
            if (visible == 0 || d.index() >= visible) {
                throw new TolException("--device " + f + ": " + (visible == 0 ? "no GPU is visible to this process"
                        : "only " + visible + " GPU(s) are visible to this process") + " (CUDA_VISIBLE_DEVICES="
                        + env.getOrDefault("CUDA_VISIBLE_DEVICES", "unset") + ", /dev/nvidia* devices: " + deviceNodes()
                        + ")", "run on a GPU node (e.g. sbatch --gpus-per-task=1), or pass --device auto to fall back to"
                        + " the CPU with a warning", ExitCodes.FAILURE, null);
            }
            return (f.equalsIgnoreCase("cuda") ? Device.cuda(localRank % visible) : d).asRequired();
        }
        int visible = visibleGpus(env);
        return visible > 0 ? Device.cuda(localRank % visible) : Device.CPU;
    }

    /** GPUs this process may use: from CUDA_VISIBLE_DEVICES when set, else the /dev/nvidiaN device nodes. */
    static int visibleGpus(Map<String, String> env) {
        String cvd = env.get("CUDA_VISIBLE_DEVICES");
        if (cvd != null) {
            String t = cvd.trim();
            if (t.isEmpty() || t.equals("-1") || t.equalsIgnoreCase("NoDevFiles")) {
                return 0;
            }
            return (int) Arrays.stream(t.split(",")).filter(s -> !s.isBlank()).count();
        }
        return deviceNodes();
    }

    private static int deviceNodes() {
        File[] nodes = new File("/dev").listFiles((dir, name) -> name.matches("nvidia\\d+"));
        return nodes == null ? 0 : nodes.length;
    }
}
