package org.tol.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tol.api.TolException;
import org.tol.api.model.Device;

class RankContextTest {
    @Test
    void flagsBeatSlurmWhichBeatsTorchrun() {
        Map<String, String> env = Map.of("SLURM_PROCID", "5", "SLURM_NTASKS", "8", "SLURM_LOCALID", "1",
                "SLURM_NODEID", "2", "SLURM_JOB_ID", "99", "RANK", "3", "WORLD_SIZE", "4");
        RankContext slurm = RankContext.detect(env, null, null);
        assertEquals(new RankContext(5, 8, 1, 2, "99", "slurm"), slurm);
        assertEquals(2, RankContext.detect(env, 2, 3).rank());
        assertEquals(new RankContext(3, 4, 0, 0, "", "torchrun"),
                RankContext.detect(Map.of("RANK", "3", "WORLD_SIZE", "4"), null, null));
        assertEquals("single", RankContext.detect(Map.of(), null, null).source());
        assertThrows(TolException.class, () -> RankContext.detect(Map.of(), 4, 4));
        assertThrows(TolException.class, () -> RankContext.detect(Map.of(), 1, null));
    }

    @Test
    void prepThreadsFollowTheFlagThenSlurmCpusPerTask() {
        RuntimeConfig auto = new RuntimeConfig(java.util.List.of("in"), java.nio.file.Path.of("out"), "cpu", 0, 0, 1, 0,
                1, 1, 1, false, false, 1);
        assertEquals(3, auto.effectivePrepThreads(Map.of("SLURM_CPUS_PER_TASK", "3")));
        assertEquals(Runtime.getRuntime().availableProcessors(), auto.effectivePrepThreads(Map.of()));
        RuntimeConfig five = new RuntimeConfig(java.util.List.of("in"), java.nio.file.Path.of("out"), "cpu", 0, 5, 1, 0,
                1, 1, 1, false, false, 1);
        assertEquals(5, five.effectivePrepThreads(Map.of("SLURM_CPUS_PER_TASK", "3")));
    }

    @Test
    void gpuIsLocalRankModuloVisibleGpus() {
        // --gpus-per-node=2: every task sees both GPUs; local rank 3 takes GPU 1.
        assertEquals(Device.cuda(1), DeviceSelector.choose("auto", 3, Map.of("CUDA_VISIBLE_DEVICES", "0,1")));
        // --gpus-per-task=1: each task sees one GPU, always index 0.
        assertEquals(Device.cuda(0), DeviceSelector.choose("auto", 1, Map.of("CUDA_VISIBLE_DEVICES", "3")));
        assertEquals(Device.CPU, DeviceSelector.choose("auto", 0, Map.of("CUDA_VISIBLE_DEVICES", "")));
        assertEquals(Device.CPU, DeviceSelector.choose("cpu", 0, Map.of("CUDA_VISIBLE_DEVICES", "0")));
        assertEquals(Device.cuda(2).asRequired(), DeviceSelector.choose("cuda:2", 0, Map.of("CUDA_VISIBLE_DEVICES", "0,1,2")));
        assertEquals(Device.cuda(1).asRequired(), DeviceSelector.choose("cuda", 5, Map.of("CUDA_VISIBLE_DEVICES", "0,1")));
    }

    @Test
    void explicitCudaWithoutAGpuIsAnErrorNotACpuRun() {
        org.tol.api.TolException e = org.junit.jupiter.api.Assertions.assertThrows(org.tol.api.TolException.class,
                () -> DeviceSelector.choose("cuda", 0, Map.of("CUDA_VISIBLE_DEVICES", "")));
        assertEquals(1, e.exitCode());
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("no GPU is visible"), e.getMessage());
        org.junit.jupiter.api.Assertions.assertTrue(e.hint().contains("--device auto"), e.hint());
        e = org.junit.jupiter.api.Assertions.assertThrows(org.tol.api.TolException.class,
                () -> DeviceSelector.choose("cuda:1", 0, Map.of("CUDA_VISIBLE_DEVICES", "0")));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("only 1 GPU"), e.getMessage());
    }
}
