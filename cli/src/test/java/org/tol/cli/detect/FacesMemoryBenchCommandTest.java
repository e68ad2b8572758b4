package org.tol.cli.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.cli.TolCommand;
import picocli.CommandLine;

class FacesMemoryBenchCommandTest {
    @TempDir Path tmp;

    @Test
    void modelsDirWithoutNetsIsAUsageErrorBeforeAnyWork() throws Exception {
        Path models = Files.createDirectories(tmp.resolve("models"));
        Files.writeString(models.resolve("pnet.onnx"), "x");
        Path work = tmp.resolve("work");
        CommandLine cl = TolCommand.commandLine();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("bench", "faces-memory", "--models-dir", models.toString(), "--work", work.toString());
        assertEquals(2, code, err.toString());
        assertTrue(err.toString().contains("onet.onnx"), err.toString());
        assertFalse(Files.exists(work), "no calibration or sample data when the given nets are missing");
    }
}
