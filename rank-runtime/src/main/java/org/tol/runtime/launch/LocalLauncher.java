package org.tol.runtime.launch;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(MAIN);
        cmd.addAll(tolArgs);
        return cmd;
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
