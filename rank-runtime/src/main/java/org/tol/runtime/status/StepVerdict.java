package org.tol.runtime.status;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tol.api.ExitCodes;
import org.tol.checkpoint.OutLayout;
import org.tol.runtime.collect.RankStatsFiles;
import org.tol.runtime.mpj.Worst;

/**
 * What one job step (one {@code srun}) ended with, from the ranks' own status files rather than srun's exit code:
 * srun reports the highest task code, so a rank that failed (1) hides behind another rank's 75 and the job would
 * requeue forever. Every rank records its step token ({@code TOL_STEP}) and exit code; a rank that left no
 * record for this step failed before it started or was killed.
 */
public final class StepVerdict {
    /** The step's exit code (0, 3, 75 or 1) and one line per rank saying why. */
    public record Result(int exitCode, List<String> lines) {}

    private StepVerdict() {}

    public static Result of(OutLayout out, String step, int tasks) throws IOException {
        List<String> lines = new ArrayList<>();
        int worst = ExitCodes.OK;
        int seen = 0;
        List<Integer> ranks = new ArrayList<>();
        for (Map<String, Object> s : RankStatsFiles.read(out)) {
            if (!step.equals(s.get("step"))) {
                continue;
            }
            seen++;
            int rank = ((Number) s.get("rank")).intValue();
            ranks.add(rank);
            Object code = s.get("exit_code");
            if (code == null) {
                lines.add("rank " + rank + ": " + s.get("state") + " without an exit code (killed, or still running on "
                        + s.get("host") + ")");
                worst = Worst.of(worst, ExitCodes.FAILURE);
            } else {
                int c = ((Number) code).intValue();
                lines.add("rank " + rank + ": " + s.get("state") + " (exit " + c + ")");
                worst = Worst.of(worst, c);
            }
        }
        for (int r = 0; r < tasks; r++) {
            if (seen < tasks && !ranks.contains(r)) {
                lines.add("rank " + r + ": no status from this step (it failed before starting work, or was killed);"
                        + " see its lines in the job log");
                worst = Worst.of(worst, ExitCodes.FAILURE);
            }
        }
        return new Result(worst, lines);
    }
}
