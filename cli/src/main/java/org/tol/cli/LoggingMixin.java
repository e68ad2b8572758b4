package org.tol.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --verbose}, {@code --quiet} and {@code --log-file}, accepted on every (sub)command. Logs go to
 * stderr through logback; stdout is kept for command results (tables, JSON).
 */
public final class LoggingMixin {
    private static volatile boolean verbose;
    private static volatile boolean quiet;
    private static volatile Path logFile;

    @Option(names = {"-v", "--verbose"}, description = "Debug logging and stack traces.", scope = CommandLine.ScopeType.INHERIT)
    void setVerbose(boolean v) {
        verbose = v;
    }

    @Option(names = {"-q", "--quiet"}, description = "Warnings and errors only; no progress lines.", scope = CommandLine.ScopeType.INHERIT)
    void setQuiet(boolean q) {
        quiet = q;
    }

    @Option(names = "--log-file", paramLabel = "FILE", description = "Also append logs to FILE.", scope = CommandLine.ScopeType.INHERIT)
    void setLogFile(Path f) {
        logFile = f;
    }

    public static boolean isVerbose() {
        return verbose;
    }

    public static boolean isQuiet() {
        return quiet;
    }

    /** Applies the logging options, then runs the chosen subcommand. */
    static int executionStrategy(CommandLine.ParseResult parseResult) {
        configure();
        return new CommandLine.RunLast().execute(parseResult);
    }

    private static void configure() {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
        Logger tol = ctx.getLogger("org.tol");
        if (verbose) {
            tol.setLevel(Level.DEBUG);
        } else if (quiet && logFile == null) {
            tol.setLevel(Level.WARN);
        } else if (quiet) {
            // -q with --log-file: the file still gets the full log; only the console is quiet.
            ThresholdFilter warn = new ThresholdFilter();
            warn.setLevel(Level.WARN.toString());
            warn.start();
            root.iteratorForAppenders().forEachRemaining(a -> a.addFilter(warn));
        }
        if (logFile != null) {
            PatternLayoutEncoder enc = new PatternLayoutEncoder();
            enc.setContext(ctx);
            enc.setPattern("%d{ISO8601} %-5level [%X{rank:-main}] %logger{20} - %msg%n");
            enc.start();
            FileAppender<ILoggingEvent> file = new FileAppender<>();
            file.setContext(ctx);
            file.setFile(logFile.toString());
            file.setAppend(true);
            file.setEncoder(enc);
            file.start();
            root.addAppender(file);
        }
    }
}
