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
    void quickstartRunsEveryStepSuccessfully(@TempDir Path dir) throws Exception {
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

        // Any number of times: rewriting identical demo models and support sets keeps every run's fingerprint.
        StringWriter again = new StringWriter();
        cl.setOut(new PrintWriter(again, true));
        assertEquals(0, cl.execute("quickstart", "--dir", dir.toString(), "--images", "48"), again.toString());
        assertTrue(again.toString().contains("quickstart finished"), again.toString());

        // collect counts CLIP's pred_label per label, and they cover every ok row.
        var summary = org.tol.io.json.Json.mapper().readTree(dir.resolve("clip/summary.json").toFile());
        long labelled = 0;
        for (var e : summary.get("rows_by_label")) {
            labelled += e.asLong();
        }
        assertEquals(summary.get("rows_by_status").get("ok").asLong(), labelled, summary.toString());
        assertEquals(false, summary.get("partial").asBoolean(true));
    }
}
