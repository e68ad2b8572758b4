package org.tol.tests.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The heap {@code bin/tol} gives the JVM, from fake SLURM variables and fake cgroup files: a share of the rank's
 * allocation (60 %), the smallest limit winning, and the documented overrides. A stand-in {@code java} prints
 * its arguments, so no JVM starts.
 */
class LauncherHeapTest {
    @TempDir Path tmp;
    private Path cgroupRoot;
    private Path procCgroup;

    @BeforeEach
    void fakeJavaAndDistribution() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("jdk/bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho \"ARGS $*\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(tmp.resolve("lib"));
        Files.writeString(tmp.resolve("lib/tol-cli-0.jar"), "");
        cgroupRoot = Files.createDirectories(tmp.resolve("cgroup"));
        procCgroup = tmp.resolve("proc-cgroup");
        Files.writeString(procCgroup, "0::/\n");
    }

    private String heap(String... env) throws Exception {
        Map<String, String> e = new HashMap<>(Map.of("PATH", "/usr/bin:/bin", "HOME", tmp.toString(),
                "JAVA_HOME", tmp.resolve("jdk").toString(), "TOL_LIB", tmp.resolve("lib").toString(),
                "TOL_CGROUP_ROOT", cgroupRoot.toString(), "TOL_PROC_CGROUP", procCgroup.toString()));
        for (int i = 0; i < env.length; i += 2) {
            e.put(env[i], env[i + 1]);
        }
        BuiltTree.Ran ran = BuiltTree.bash(null, e, BuiltTree.REPO.resolve("bin/tol") + " --version", 30);
        assertEquals(0, ran.code(), ran.output());
        Matcher m = Pattern.compile("ARGS (.*)").matcher(ran.output());
        assertTrue(m.find(), ran.output());
        Matcher xmx = Pattern.compile("-Xmx(\\S+)").matcher(m.group(1));
        assertTrue(xmx.find(), "no -Xmx in " + m.group(1));
        String first = xmx.group(1);
        assertTrue(!xmx.find(), "two -Xmx in " + m.group(1));
        return first;
    }

    @Test
    void memPerCpuTimesCpusPerTask() throws Exception {
        assertEquals("4915m", heap("SLURM_MEM_PER_CPU", "4096", "SLURM_CPUS_PER_TASK", "2")); // 60 % of 8192
        assertEquals("1228m", heap("SLURM_MEM_PER_CPU", "2G")); // one CPU per task when not given
    }

    @Test
    void memPerNodeIsSharedByTheTasksOnTheNode() throws Exception {
        assertEquals("4915m", heap("SLURM_MEM_PER_NODE", "65536", "SLURM_TASKS_PER_NODE", "8(x2)"));
        assertEquals("9830m", heap("SLURM_MEM_PER_NODE", "64G", "SLURM_TASKS_PER_NODE", "8(x2)",
                "SLURM_STEP_TASKS_PER_NODE", "4"));
        assertEquals("39321m", heap("SLURM_MEM_PER_NODE", "65536")); // one task: no 8 GB cap under SLURM
    }

    @Test
    void theCgroupLimitCapsTheSlurmFigure() throws Exception {
        Files.createDirectories(cgroupRoot.resolve("job_1/step_0"));
        Files.writeString(cgroupRoot.resolve("job_1/memory.max"), (4L << 30) + "\n");
        Files.writeString(cgroupRoot.resolve("job_1/step_0/memory.max"), "max\n");
        Files.writeString(procCgroup, "0::/job_1/step_0\n");
        // 64 GB per node for 2 tasks, but the job's cgroup allows 4 GiB: 2048 MiB each
        assertEquals("1228m", heap("SLURM_MEM_PER_NODE", "65536", "SLURM_NTASKS_PER_NODE", "2"));
        assertEquals("2457m", heap()); // cgroup alone, one task
    }

    @Test
    void cgroupV1MemoryController() throws Exception {
        Files.createDirectories(cgroupRoot.resolve("memory/slurm/uid_1/job_2"));
        Files.writeString(cgroupRoot.resolve("memory/slurm/uid_1/memory.limit_in_bytes"), (1L << 31) + "\n");
        Files.writeString(cgroupRoot.resolve("memory/memory.limit_in_bytes"), "9223372036854771712\n"); // none
        Files.writeString(procCgroup, "4:memory:/slurm/uid_1/job_2\n0::/\n");
        assertEquals("1228m", heap());
    }

    @Test
    void overridesAndFloor() throws Exception {
        assertEquals("3g", heap("TOL_HEAP", "3g", "SLURM_MEM_PER_CPU", "4096"));
        assertEquals("1g", heap("TOL_JAVA_OPTS", "-Dx=1 -Xmx1g", "TOL_HEAP", "3g"));
        assertEquals("2457m", heap("TOL_HEAP_PERCENT", "30", "SLURM_MEM_PER_CPU", "8192"));
        assertEquals("256m", heap("SLURM_MEM_PER_CPU", "100")); // never below 256 MiB
    }

    @Test
    void withoutAnyLimitAtMostEightGigabytes() throws Exception {
        String h = heap();
        int mib = Integer.parseInt(h.substring(0, h.length() - 1));
        assertTrue(h.endsWith("m") && mib >= 256 && mib <= 8192, h);
    }
}
