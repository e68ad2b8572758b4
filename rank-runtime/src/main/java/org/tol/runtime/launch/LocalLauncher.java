package org.tol.runtime.launch;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tol.runtime.mpj.Worst;
import sun.misc.Signal;

/**
 * {@code tol launch --local N -- <tol args>}: a stand-in for srun on a workstation. Starts N JVMs of this same
 * distribution (same java, JVM options and class path) with the SLURM rank variables set, forwards SIGTERM,
 * SIGUSR1 and SIGINT to all of them, and returns the worst exit code (any failure, else 75, else 3, else 0).
 */
public final class LocalLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(LocalLauncher.class);
    private static final String MAIN = "org.tol.cli.Main";

    private LocalLauncher() {}

    public static int run(int ranks, List<String> tolArgs) throws IOException, InterruptedException {
        String jobId = "local-" + ProcessHandle.current().pid();
        List<Process> children = new ArrayList<>();
        for (int r = 0; r < ranks; r++) {
            ProcessBuilder pb = new ProcessBuilder(command(tolArgs)).inheritIO();
            Map<String, String> env = pb.environment();
            env.putAll(slurmEnv(r, ranks, jobId));
            // Like srun --cpus-per-task: share the cores instead of every rank using all of them.
            env.putIfAbsent("SLURM_CPUS_PER_TASK",
                    String.valueOf(Math.max(1, Runtime.getRuntime().availableProcessors() / ranks)));
            children.add(pb.start());
        }
        LOG.info("started {} ranks (job {}): pids {}", ranks, jobId, children.stream().map(Process::pid).toList());
        Thread progress = LaunchProgress.start(tolArgs, children);
        for (String sig : new String[] {"TERM", "USR1", "INT"}) {
            try {
                Signal.handle(new Signal(sig), s -> forward(children, sig));
            } catch (IllegalArgumentException e) {
                LOG.debug("cannot forward SIG{}: {}", sig, e.getMessage());
            }
        }
        int worst = 0;
        for (int r = 0; r < ranks; r++) {
            int code = children.get(r).waitFor();
            if (code != 0) {
                LOG.warn("rank {} exited with {}", r, code);
            }
            worst = Worst.of(worst, code);
        }
        LaunchProgress.stop(progress);
        return worst;
    }

    /** The SLURM variables a task of an {@code srun -n N} step on one node sees. */
    public static Map<String, String> slurmEnv(int rank, int ranks, String jobId) {
        return Map.of("SLURM_PROCID", String.valueOf(rank), "SLURM_NTASKS", String.valueOf(ranks),
                "SLURM_LOCALID", String.valueOf(rank), "SLURM_NODEID", "0", "SLURM_JOB_ID", jobId,
                "SLURM_JOB_NODELIST", "localhost", "SLURM_STEP_NUM_TASKS", String.valueOf(ranks));
    }

    /** java + this JVM's options + class path + the CLI main class + the tol arguments. */
    public static List<String> command(List<String> tolArgs) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!a.startsWith("-agentlib:jdwp") && !a.startsWith("-javaagent")) {
                cmd.add(a);
            }
        }
        cmd.add("-cp");
        cmd.add(compactClassPath(System.getProperty("java.class.path")));
        cmd.add(MAIN);
        cmd.addAll(tolArgs);
        return cmd;
    }

    /**
     * {@code DIR/*} when the class path is exactly the jars of one directory (bin/tol's {@code -cp "$LIB/*"},
     * which the JVM expands), else the path unchanged. Keeps a rank's command line short: ONNX Runtime 1.29's
     * Java API crashes the JVM (SIGSEGV, no hs_err) when the command line is about 4,000 characters or longer,
     * which the expanded path of an installed tol (~60 jars) is.
     */
    public static String compactClassPath(String classPath) {
        String[] entries = classPath.split(File.pathSeparator);
        Path dir = null;
        Set<Path> jars = new HashSet<>();
        for (String e : entries) {
            Path p = Path.of(e).toAbsolutePath().normalize();
            if (!e.endsWith(".jar") || (dir != null && !dir.equals(p.getParent()))) {
                return classPath;
            }
            dir = p.getParent();
            jars.add(p);
        }
        if (dir == null) {
            return classPath;
        }
        try (var list = Files.list(dir)) {
            Set<Path> present = new HashSet<>();
            list.filter(f -> f.getFileName().toString().endsWith(".jar")).forEach(f -> present.add(f.toAbsolutePath().normalize()));
            return present.equals(jars) ? dir + File.separator + "*" : classPath;
        } catch (IOException e) {
            return classPath;
        }
    }

    private static void forward(List<Process> children, String sig) {
        for (Process p : children) {
            if (p.isAlive()) {
                try {
                    new ProcessBuilder("kill", "-" + sig, String.valueOf(p.pid())).inheritIO().start();
                } catch (IOException e) {
                    LOG.warn("cannot forward SIG{} to {}: {}", sig, p.pid(), e.toString());
                }
            }
        }
    }
}
