package org.tol.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppendLogTest {
    @TempDir Path tmp;

    @Test
    void aTornLastLineIsIgnoredAndNeverGluedToTheNextRecord() throws Exception {
        Path log = tmp.resolve("logs/processed_files_rank0.log");
        AppendLog.append(log, "/data/a.parquet");
        // A process killed mid-append leaves half a record without its newline.
        Files.writeString(log, "/data/b.parq", StandardOpenOption.APPEND);
        assertEquals(List.of("/data/a.parquet"), AppendLog.read(log));
        AppendLog.append(log, "/data/c.parquet");
        assertEquals(List.of("/data/a.parquet", "/data/b.parq", "/data/c.parquet"), AppendLog.read(log));
        assertEquals("/data/a.parquet\n/data/b.parq\n/data/c.parquet\n", Files.readString(log));
    }

    @Test
    void missingLogReadsEmpty() throws Exception {
        assertEquals(List.of(), AppendLog.read(tmp.resolve("none.log")));
    }
}
