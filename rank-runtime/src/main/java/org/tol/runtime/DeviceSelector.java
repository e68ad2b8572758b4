package org.tol.runtime;

import java.io.File;
import java.util.Arrays;
import java.util.Map;
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
            if (d.isCuda() && f.equalsIgnoreCase("cuda")) {
                int visible = visibleGpus(env);
                return Device.cuda(visible > 0 ? localRank % visible : 0);
            }
            return d;
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
        File[] nodes = new File("/dev").listFiles((dir, name) -> name.matches("nvidia\\d+"));
        return nodes == null ? 0 : nodes.length;
    }
}
