package org.tol.cli;

import java.io.PrintWriter;
import org.tol.api.ExitCodes;
import org.tol.api.TolException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root {@code tol} command: lists subcommands, prints the version, maps errors to exit codes. */
@Command(
        name = "tol",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Curates Tree-of-Life image datasets (images-in-Parquet) on SLURM GPU clusters.",
        subcommands = {
            QuickstartCommand.class,
            org.tol.cli.data.SampleCommand.class,
            org.tol.cli.data.InspectCommand.class,
            FilterCommand.class,
            org.tol.cli.stages.DecodeCommand.class,
            org.tol.cli.stages.LookupCommand.class,
            org.tol.cli.stages.ExtractCommand.class,
            org.tol.cli.models.ModelsCommand.class,
            org.tol.cli.models.SupportSetCommand.class,
            BenchCommand.class,
            org.tol.cli.pdq.PdqCommand.class,
            org.tol.cli.gbif.GbifCommand.class,
            ExportCommand.class,
            org.tol.cli.wds.WdsCommand.class,
            org.tol.cli.runtime.CollectCommand.class,
            org.tol.cli.runtime.StatusCommand.class,
            org.tol.cli.runtime.VerifyCommand.class,
            org.tol.cli.runtime.LaunchCommand.class,
            org.tol.cli.results.ReportCommand.class,
            org.tol.cli.results.SelectCommand.class,
            CommandLine.HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:failure",
            "2:usage error",
            "3:finished but incomplete (some inputs failed or units are missing)",
            "75:interrupted and resumable: run the same command again"
        })
public final class TolCommand extends GroupCommand {
    @CommandLine.Mixin LoggingMixin logging;

    /** Builds the configured command line; used by {@link Main} and by tests. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new TolCommand());
        cl.setExecutionStrategy(LoggingMixin::executionStrategy);
        cl.setExecutionExceptionHandler(TolCommand::handleException);
        cl.setParameterExceptionHandler(TolCommand::handleParameterException);
        return cl;
    }

    private static int handleParameterException(CommandLine.ParameterException ex, String[] args) {
        PrintWriter err = ex.getCommandLine().getErr();
        err.println("tol: " + ex.getMessage());
        if ("launch".equals(ex.getCommandLine().getCommandName()) && !java.util.List.of(args).contains("--")) {
            // Without "--", the ranks' options are read as launch's own.
            err.println("tol: hint: put '--' between launch's options and the command of each rank, e.g. "
                    + "'tol launch --local 4 -- filter image-stats --input IN --output OUT'");
            return ExitCodes.USAGE;
        }
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, err)) {
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
        }
        return ExitCodes.USAGE;
    }

    private static int handleException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (ex instanceof TolException te) {
            err.println("tol: error: " + te.getMessage());
            if (te.hint() != null) {
                err.println("tol: hint: " + te.hint());
            }
            if (LoggingMixin.isVerbose()) {
                ex.printStackTrace(err);
            }
            return te.exitCode();
        }
        if (ex instanceof IllegalArgumentException) {
            err.println("tol: error: " + ex.getMessage());
            return ExitCodes.USAGE;
        }
        err.println("tol: failed: " + ex);
        ex.printStackTrace(err);
        return ExitCodes.FAILURE;
    }
}
