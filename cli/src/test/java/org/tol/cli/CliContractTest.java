package org.tol.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The CLI's promises: every command has one-line help, --help works everywhere, exit codes mean something. */
class CliContractTest {
    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        CommandLine cl = TolCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static void collect(CommandLine cl, List<List<String>> paths, List<String> prefix) {
        for (var e : cl.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) {
                continue;
            }
            List<String> p = new ArrayList<>(prefix);
            p.add(e.getKey());
            paths.add(p);
            collect(e.getValue(), paths, p);
        }
    }

    @Test
    void everySubcommandHasADescriptionAndAnswersHelp() {
        List<List<String>> paths = new ArrayList<>();
        collect(TolCommand.commandLine(), paths, List.of());
        assertTrue(paths.size() >= 5, "expected the documented commands, found " + paths);
        for (List<String> p : paths) {
            List<String> args = new ArrayList<>(p);
            args.add("--help");
            Run r = run(args.toArray(String[]::new));
            assertEquals(0, r.code(), "tol " + String.join(" ", args) + " failed: " + r.err());
            assertTrue(r.out().contains("Usage: tol " + String.join(" ", p)), r.out());
        }
        Run top = run("--help");
        for (List<String> p : paths) {
            if (p.size() == 1) {
                assertTrue(top.out().contains("  " + p.get(0) + " "), "tol --help does not list " + p.get(0));
            }
        }
        assertTrue(top.out().contains("75") && top.out().contains("resumable"), "exit codes belong in --help");
    }

    @Test
    void versionFastPathPrintsWhatPicocliPrints() {
        for (String flag : new String[] {"--version", "-V"}) {
            Run v = run(flag);
            assertEquals(0, v.code());
            assertEquals(v.out(), Main.versionOnly(new String[] {flag}) + System.lineSeparator());
        }
        // Anything more than the bare flag goes through picocli (options, subcommands, usage errors).
        assertEquals(null, Main.versionOnly(new String[] {"--version", "-v"}));
        assertEquals(null, Main.versionOnly(new String[] {"filter", "--version"}));
        assertEquals(null, Main.versionOnly(new String[] {"--help"}));
        assertEquals(null, Main.versionOnly(new String[0]));
    }

    @Test
    void versionAndUsageErrors() {
        Run v = run("--version");
        assertEquals(0, v.code());
        assertTrue(v.out().startsWith("tol "), v.out());
        Run bad = run("inspect", "--no-such-flag", "x");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--no-such-flag"), bad.err());
        Run missing = run("inspect", "/definitely/not/here.parquet");
        assertEquals(2, missing.code(), missing.err());
        assertTrue(missing.err().contains("input not found"), missing.err());
        assertFalse(missing.err().contains("at org."), "user errors print no stack trace: " + missing.err());
    }
}
