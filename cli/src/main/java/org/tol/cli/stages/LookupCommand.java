package org.tol.cli.stages;

import org.tol.cli.GroupCommand;
import picocli.CommandLine.Command;

/** {@code tol lookup ...}: the uuid index and the per-group lookup tables batched for extraction. */
@Command(name = "lookup", mixinStandardHelpOptions = true,
        description = "uuid -> data-file index, and lookup tables of a group cut into batches of at most N files.",
        subcommands = {LookupIndexCommand.class, LookupBuildCommand.class, LookupGroupsCommand.class})
public final class LookupCommand extends GroupCommand {}
