package org.tol.cli.models;

import org.tol.cli.GroupCommand;
import picocli.CommandLine.Command;

/** {@code tol models demo <name>}: writes small demo models with real signatures for the quickstart. */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Builds small demo models for the quickstart.",
        subcommands = {DemoClipCommand.class, org.tol.cli.detect.DemoMegaDetectorCommand.class,
            org.tol.cli.detect.DemoFacesCommand.class})
public final class ModelsDemoCommand extends GroupCommand {}
