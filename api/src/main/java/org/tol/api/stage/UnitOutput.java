package org.tol.api.stage;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where a stage writes one unit's files. Every file is created in a private staging directory of the rank;
 * when {@link Stage#run} returns, the runtime moves all of them to their final place under OUT and only then
 * writes the unit's manifest record, so after a crash a unit is either fully there or redone.
 */
public interface UnitOutput {
    /**
     * The path to write the output file {@code OUT/<relativePath>} to (its parent directories exist). The
     * relative path must stay inside OUT ({@code ..} and absolute paths are refused) and be unique within the
     * unit; the file must be complete and closed when {@code run} returns.
     */
    Path file(String relativePath) throws IOException;

    /**
     * A private, empty directory for temporary files (spill files, sort runs) on the same file system as OUT;
     * deleted with everything in it once the unit is committed or abandoned.
     */
    Path scratch() throws IOException;

    /** True once the rank was asked to stop (SIGTERM/SIGUSR1); a long unit may give up early by throwing. */
    boolean stopRequested();

    /** Reports rows done so far in this unit, for progress lines and {@code tol status}. */
    void progress(long rows);
}
