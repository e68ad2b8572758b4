package org.tol.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tol.cli.TolCommand;
import picocli.CommandLine;

/** The README's first command: the quickstart must run every stage on sample data and say so. */
class QuickstartTest {
    @Test
    void quickstartRunsEveryStepSuccessfully(@TempDir Path dir) {
        CommandLine cl = TolCommand.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        int rc = cl.execute("quickstart", "--dir", dir.toString(), "--images", "48");
        assertEquals(0, rc, out.toString());
        assertTrue(out.toString().contains("quickstart finished"), out.toString());
        assertTrue(Files.isRegularFile(dir.resolve("sample/manifest.json")));
        assertTrue(Files.isRegularFile(dir.resolve("report.html")), "the quickstart ends by writing the report");
        assertTrue(out.toString().contains("report: " + dir.resolve("report.html").toAbsolutePath()), out.toString());
    }
}
