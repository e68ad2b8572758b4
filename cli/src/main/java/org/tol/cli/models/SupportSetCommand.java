package org.tol.cli.models;

import org.tol.cli.GroupCommand;
import picocli.CommandLine.Command;

/** {@code tol support-set ...}: inspect and build CLIP support sets. */
@Command(name = "support-set", mixinStandardHelpOptions = true,
        description = "Inspect and build support sets (labelled class embeddings for 'tol filter clip').",
        subcommands = {SupportSetInspectCommand.class, SupportSetBuildCommand.class})
public final class SupportSetCommand extends GroupCommand {}
